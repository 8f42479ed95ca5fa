package dev.keyline.domain.billing.archfixture;

import dev.keyline.domain.account.AccountId;
import dev.keyline.spi.account.SpendFactRepository;

/**
 * A deliberate violation, kept in test sources only: a billing class that reads the key-account
 * area's spend facts from its storage (its AccountId is allowed).
 */
public final class PlantedBillingReachingIntoSpendFacts {

    private PlantedBillingReachingIntoSpendFacts() {
    }

    /** How many spend facts an account has, straight from the billing area. */
    static int count(SpendFactRepository facts, AccountId account) {
        return facts.byAccount(account).size();
    }
}
