package dev.keyline.domain.resource.archfixture;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.spi.account.KeyAccountRepository;

/**
 * A deliberate violation, kept in test sources only: a resource class that reads the account
 * area's key accounts, aggregate and storage, instead of following its events (its AccountId is
 * allowed).
 */
public final class PlantedResourceReachingIntoAccount {

    private PlantedResourceReachingIntoAccount() {
    }

    /** Loads a key account from the account area's storage. */
    static KeyAccountSnapshot load(KeyAccountRepository accounts, AccountId id) {
        KeyAccount account = accounts.get(id);
        return account.snapshot();
    }
}
