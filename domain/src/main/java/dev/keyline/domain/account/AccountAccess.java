package dev.keyline.domain.account;

import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.util.Optional;

/**
 * The access rule that is specific to key accounts (大客户): who may approve a manual change of an
 * account's tier (二级 / 一级). Who may change an account, register it or assign its account manager
 * are the kernel's rules ({@link Access}) over the account's scope ({@link KeyAccount#accessScope()},
 * {@link AccountId#accessScope}).
 *
 * <p>A manual tier override (a key account moved to or from the national list by hand) needs an
 * approver other than its requester who is the industry manager of the account's industry, the
 * department general manager or the general manager: the roles that may assign the account's
 * manager ({@link Access#roleGrantingAssignment}).
 *
 * <p>The rule comes in two forms: a query ({@code may…}) for user interfaces and a check
 * ({@code requireMay…}) that returns normally or throws {@link NotAuthorisedException} naming the
 * actor and the account. Neither changes anything.
 */
public final class AccountAccess {

    private AccountAccess() {
    }

    /**
     * The role under which an actor may approve a manual tier override of an account requested by
     * {@code requester}: industry manager of the account's industry, department general manager,
     * general manager, in that order; never when the actor is the requester.
     *
     * @param actor who would approve
     * @param scope the account whose tier is overridden
     * @param requester who asked for the override
     * @return the role granting the approval, or empty when the actor may not approve it
     * @throws InvalidArgumentException when an argument is null
     */
    public static Optional<Role> roleGrantingTierOverride(Actor actor, AccessScope scope, UserId requester) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        Require.nonNull(requester, "requester");
        if (actor.is(requester)) {
            return Optional.empty();
        }
        return Access.roleGrantingAssignment(actor, scope);
    }

    /**
     * Whether an actor may approve a manual tier override (query form for user interfaces).
     *
     * @param actor who would approve
     * @param scope the account whose tier is overridden
     * @param requester who asked for the override
     * @return true when {@link #roleGrantingTierOverride(Actor, AccessScope, UserId)} finds a role
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean mayApproveTierOverride(Actor actor, AccessScope scope, UserId requester) {
        return roleGrantingTierOverride(actor, scope, requester).isPresent();
    }

    /**
     * Checks that an actor may approve a manual tier override of an account.
     *
     * @param actor who would approve
     * @param scope the account whose tier is overridden
     * @param requester who asked for the override
     * @return the role granting the approval
     * @throws InvalidArgumentException when an argument is null
     * @throws NotAuthorisedException naming the actor and the account when the actor requested the
     *     override themselves or holds no role with the authority for it
     */
    public static Role requireMayApproveTierOverride(Actor actor, AccessScope scope, UserId requester) {
        Optional<Role> role = roleGrantingTierOverride(actor, scope, requester);
        if (role.isPresent()) {
            return role.get();
        }
        if (actor.is(requester)) {
            throw new NotAuthorisedException(actor + " may not approve the tier override of " + scope
                    + " that they requested themselves");
        }
        throw new NotAuthorisedException(actor + " may not approve the tier override of " + scope
                + " requested by " + requester + ": only an industry manager of " + scope.industry()
                + ", the department general manager or the general manager may approve it");
    }
}
