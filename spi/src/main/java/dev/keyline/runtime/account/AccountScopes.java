package dev.keyline.runtime.account;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.NotAuthorisedException;

/** The check for key-account commands that reach every account rather than one account's scope. */
final class AccountScopes {

    private AccountScopes() {
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
