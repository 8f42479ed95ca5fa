package dev.keyline.domain.authority.archfixture;

import dev.keyline.domain.account.AccountAccess;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.UserId;

/**
 * A deliberate violation, kept in test sources only: an authority class that uses the account
 * area's account plan, key account and key-account access rule, which are neither ids nor events of
 * that area (its AccountId is allowed; access is judged by the kernel's rules).
 */
public final class PlantedAreaReachingIntoAnother {

    private PlantedAreaReachingIntoAnother() {
    }

    /** Reads an account plan of the account area. */
    static AccountId accountOf(AccountPlan plan) {
        return plan.account();
    }

    /** Reads a key account of the account area. */
    static AccountId idOf(KeyAccount account) {
        return account.id();
    }

    /** Judges access by the account area's own rule rather than the kernel's. */
    static boolean mayApprove(KeyAccount account, UserId requester) {
        return AccountAccess.mayApproveTierOverride(dev.keyline.domain.common.Actor.accountManager(requester),
                account.accessScope(), requester);
    }
}
