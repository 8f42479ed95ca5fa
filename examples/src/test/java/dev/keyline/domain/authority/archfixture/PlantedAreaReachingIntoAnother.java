package dev.keyline.domain.authority.archfixture;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.KeyAccount;

/**
 * A deliberate violation, kept in test sources only: an authority class that uses the account
 * area's account plan and key account, which are neither ids nor events of that area (its AccountId
 * is allowed; only the price service may read the key account, until the account-standing
 * projection lands).
 */
public final class PlantedAreaReachingIntoAnother {

    private PlantedAreaReachingIntoAnother() {
    }

    /** Reads an account plan of the account area. */
    static AccountId accountOf(AccountPlan plan) {
        return plan.account();
    }

    /** Reads a key account of the account area, as only the price service may for now. */
    static AccountId idOf(KeyAccount account) {
        return account.id();
    }
}
