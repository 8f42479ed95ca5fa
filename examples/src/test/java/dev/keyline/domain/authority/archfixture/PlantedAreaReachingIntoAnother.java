package dev.keyline.domain.authority.archfixture;

import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountId;

/**
 * A deliberate violation, kept in test sources only: an authority class that uses the account
 * area's account plan, which is neither an id nor an event of that area (its AccountId is allowed).
 */
public final class PlantedAreaReachingIntoAnother {

    private PlantedAreaReachingIntoAnother() {
    }

    /** Reads an account plan of the account area. */
    static AccountId accountOf(AccountPlan plan) {
        return plan.account();
    }
}
