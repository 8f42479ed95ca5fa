package dev.keyline.runtime.account;

import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.authority.AccountScope;
import dev.keyline.domain.authority.Actor;
import dev.keyline.domain.authority.Role;
import dev.keyline.domain.common.NotAuthorisedException;

/** The access scope of a stored key account, and the check for commands that reach every account. */
final class AccountScopes {

    private AccountScopes() {
    }

    /** The scope the access rules see for {@code account}. */
    static AccountScope of(KeyAccount account) {
        return new AccountScope(account.id(), account.network(), account.industry());
    }

    /**
     * Checks that the actor holds a role that changes every key account (the department general
     * manager or the general manager), for commands that are not confined to one account's scope.
     *
     * @param actor who acts
     * @param attempted what was attempted, for the message
     * @return the granting role
     * @throws NotAuthorisedException otherwise
     */
    static Role requireChangesEveryAccount(Actor actor, String attempted) {
        for (Role role : actor.roles()) {
            if (role.changesEveryAccount()) {
                return role;
            }
        }
        throw new NotAuthorisedException(actor + " may not " + attempted
                + ": only the department general manager or the general manager may change every key account");
    }
}
