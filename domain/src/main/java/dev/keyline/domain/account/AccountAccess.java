package dev.keyline.domain.account;

import com.google.common.collect.Sets;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may change a key account (大客户) and who may approve a manual change of its tier (二级 /
 * 一级): the access scope of the roles of the key-account department (大客户部).
 *
 * <ul>
 *   <li>An account manager (客户经理) may change the accounts whose stored account manager they
 *       are ({@link AccountScope#accountManager()}); the stored account is the one source of the
 *       assignment, so the host keeps no second list of an account manager's accounts.</li>
 *   <li>An industry manager (行业经理) may change every account of the industries they lead.</li>
 *   <li>The key-account department's general manager and the general manager may change any
 *       account.</li>
 *   <li>Nobody else may change an account: the other roles act on work orders, SLAs, budgets and
 *       prices, not on the account record.</li>
 * </ul>
 *
 * <p>Registering a key account and assigning its account manager are decisions over the account
 * manager, not by them: an industry manager of the account's industry, the department general
 * manager or the general manager takes them ({@link #requireMayAssign}). An account being
 * registered has no account manager yet, so {@link #requireMayChange} already refuses an account
 * manager there; an account manager may not hand their account to someone else either.
 *
 * <p>A manual tier override (a key account moved to or from the national list by hand) needs an
 * approver other than its requester who is the industry manager of the account's industry, the
 * department general manager or the general manager.
 *
 * <p>The local network in the {@link AccountScope} appears in messages only: an {@link Actor}
 * carries no network, so a host that runs several local networks restricts its users to their
 * network before it calls these rules.
 *
 * <p>Each rule comes in two forms: a query ({@code may…}) for user interfaces and a check
 * ({@code requireMay…}) that returns normally or throws {@link NotAuthorisedException} naming the
 * actor, the account and what was attempted. Neither changes anything.
 */
public final class AccountAccess {

    private AccountAccess() {
    }

    /**
     * The role under which an actor may change an account, the most specific first: account
     * manager of the account (its stored account manager), industry manager of its industry,
     * department general manager, general manager.
     *
     * @param actor who acts
     * @param scope the account concerned
     * @return the role granting the change, or empty when the actor may not change the account
     * @throws InvalidArgumentException when an argument is null
     */
    public static Optional<Role> roleGrantingChange(Actor actor, AccountScope scope) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        return rolesGrantingChange(actor, scope).stream().findFirst();
    }

    /**
     * Every role under which an actor may change an account, the most specific first: account
     * manager of the account (its stored account manager is the actor), industry manager of its
     * industry, department general manager, general manager. A service that weighs an actor's roles
     * on one account (for example the authority of a price approver) counts only these.
     *
     * @param actor who acts
     * @param scope the account concerned
     * @return the granting roles in that order, empty when the actor may not change the account
     * @throws InvalidArgumentException when an argument is null
     */
    public static Set<Role> rolesGrantingChange(Actor actor, AccountScope scope) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        Set<Role> granting = EnumSet.noneOf(Role.class);
        if (actor.hasRole(Role.ACCOUNT_MANAGER) && scope.isManagedBy(actor.user())) {
            granting.add(Role.ACCOUNT_MANAGER);
        }
        granting.addAll(rolesGrantingAssignment(actor, scope));
        return Sets.immutableEnumSet(granting);
    }

    /**
     * Whether an actor may register a key account or assign its account manager (query form for
     * user interfaces).
     *
     * @param actor who acts
     * @param scope the account concerned
     * @return true for an industry manager of its industry, the department general manager or the
     *     general manager
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean mayAssign(Actor actor, AccountScope scope) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        return !rolesGrantingAssignment(actor, scope).isEmpty();
    }

    /**
     * The role under which an actor may register a key account or assign its account manager: the
     * industry manager of its industry, the department general manager or the general manager, in
     * that order. An account manager never may.
     *
     * @param actor who acts
     * @param scope the account concerned
     * @param attempted what the actor tried to do, for the message, for example {@code "assign the account manager"}
     * @return the granting role
     * @throws InvalidArgumentException when an argument is null or {@code attempted} is blank
     * @throws NotAuthorisedException naming the actor, the account and what was attempted otherwise
     */
    public static Role requireMayAssign(Actor actor, AccountScope scope, String attempted) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        Require.nonBlank(attempted, "attempted");
        return rolesGrantingAssignment(actor, scope).stream().findFirst().orElseThrow(() -> new NotAuthorisedException(
                actor + " may not " + attempted + " on " + scope + ": only an industry manager of " + scope.industry()
                        + ", the department general manager or the general manager may"));
    }

    private static Set<Role> rolesGrantingAssignment(Actor actor, AccountScope scope) {
        Set<Role> granting = EnumSet.noneOf(Role.class);
        if (actor.hasRole(Role.INDUSTRY_MANAGER) && actor.leadsIndustry(scope.industry())) {
            granting.add(Role.INDUSTRY_MANAGER);
        }
        if (actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER)) {
            granting.add(Role.DEPARTMENT_GENERAL_MANAGER);
        }
        if (actor.hasRole(Role.GENERAL_MANAGER)) {
            granting.add(Role.GENERAL_MANAGER);
        }
        return granting;
    }

    /**
     * Whether an actor may change an account (query form for user interfaces).
     *
     * @param actor who acts
     * @param scope the account concerned
     * @return true when {@link #roleGrantingChange(Actor, AccountScope)} finds a role
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean mayChange(Actor actor, AccountScope scope) {
        return roleGrantingChange(actor, scope).isPresent();
    }

    /**
     * Checks that an actor may change an account.
     *
     * @param actor who acts
     * @param scope the account concerned
     * @param attempted what the actor tried to do, for the message, for example {@code "edit the account plan"}
     * @return the role granting the change
     * @throws InvalidArgumentException when an argument is null or {@code attempted} is blank
     * @throws NotAuthorisedException naming the actor, the account and what was attempted when the
     *     actor may not change the account
     */
    public static Role requireMayChange(Actor actor, AccountScope scope, String attempted) {
        Require.nonBlank(attempted, "attempted");
        return roleGrantingChange(actor, scope).orElseThrow(() -> new NotAuthorisedException(
                actor + " may not " + attempted + " on " + scope
                        + ": only its account manager, an industry manager of " + scope.industry()
                        + ", the department general manager or the general manager may change it"));
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
    public static Optional<Role> roleGrantingTierOverride(Actor actor, AccountScope scope, UserId requester) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        Require.nonNull(requester, "requester");
        if (actor.is(requester)) {
            return Optional.empty();
        }
        if (actor.hasRole(Role.INDUSTRY_MANAGER) && actor.leadsIndustry(scope.industry())) {
            return Optional.of(Role.INDUSTRY_MANAGER);
        }
        if (actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER)) {
            return Optional.of(Role.DEPARTMENT_GENERAL_MANAGER);
        }
        if (actor.hasRole(Role.GENERAL_MANAGER)) {
            return Optional.of(Role.GENERAL_MANAGER);
        }
        return Optional.empty();
    }

    /**
     * Whether an actor may approve a manual tier override (query form for user interfaces).
     *
     * @param actor who would approve
     * @param scope the account whose tier is overridden
     * @param requester who asked for the override
     * @return true when {@link #roleGrantingTierOverride(Actor, AccountScope, UserId)} finds a role
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean mayApproveTierOverride(Actor actor, AccountScope scope, UserId requester) {
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
    public static Role requireMayApproveTierOverride(Actor actor, AccountScope scope, UserId requester) {
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
