package dev.keyline.domain.common;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may act within an {@link AccessScope}: the access rules of the key-account department's
 * (大客户部) roles, shared by every area whose things have a local network, an industry and a
 * managing account manager.
 *
 * <ul>
 *   <li>An account manager (客户经理) may change what they are the recorded manager of
 *       ({@link AccessScope#manager()}); the stored record is the one source of the assignment,
 *       so the host keeps no second list of an account manager's accounts.</li>
 *   <li>An industry manager (行业经理) may change everything of the industries they lead.</li>
 *   <li>The key-account department's general manager and the general manager may change
 *       anything.</li>
 *   <li>Nobody else may change it.</li>
 * </ul>
 *
 * <p>Assigning the manager (and registering something that gets one) is a decision over the
 * account manager, not by them: an industry manager of the scope's industry, the department general
 * manager or the general manager takes it ({@link #requireMayAssign}). Something being registered
 * has no manager yet, so {@link #requireMayChange} already refuses an account manager there.
 *
 * <p>Each rule comes in two forms: a query ({@code may…}) for user interfaces and a check
 * ({@code requireMay…}) that returns normally or throws {@link NotAuthorisedException} naming the
 * actor, the scope and what was attempted. Neither changes anything. Rules specific to one area
 * (for example who approves a key account's tier override) are written in that area over these.
 */
public final class Access {

    private Access() {
    }

    /**
     * The role under which an actor may change something, the most specific first: its account
     * manager (the recorded manager), industry manager of its industry, department general manager,
     * general manager.
     *
     * @param actor who acts
     * @param scope what is concerned
     * @return the role granting the change, or empty when the actor may not change it
     * @throws InvalidArgumentException when an argument is null
     */
    public static Optional<Role> roleGrantingChange(Actor actor, AccessScope scope) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        // the first of rolesGrantingChange, found without building the set: every command checks it
        if (actor.hasRole(Role.ACCOUNT_MANAGER) && scope.isManagedBy(actor.user())) {
            return Optional.of(Role.ACCOUNT_MANAGER);
        }
        return firstGrantingAssignment(actor, scope);
    }

    /**
     * Every role under which an actor may change something, the most specific first: its account
     * manager (the recorded manager is the actor), industry manager of its industry, department
     * general manager, general manager. A service that weighs an actor's roles on one account (for
     * example the authority of a price approver) counts only these.
     *
     * @param actor who acts
     * @param scope what is concerned
     * @return the granting roles in that order, empty when the actor may not change it
     * @throws InvalidArgumentException when an argument is null
     */
    public static Set<Role> rolesGrantingChange(Actor actor, AccessScope scope) {
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
     * Whether an actor may change something (query form for user interfaces).
     *
     * @param actor who acts
     * @param scope what is concerned
     * @return true when {@link #roleGrantingChange(Actor, AccessScope)} finds a role
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean mayChange(Actor actor, AccessScope scope) {
        return roleGrantingChange(actor, scope).isPresent();
    }

    /**
     * Checks that an actor may change something.
     *
     * @param actor who acts
     * @param scope what is concerned
     * @param attempted what the actor tried to do, for the message, for example {@code "edit the account plan"}
     * @return the role granting the change
     * @throws InvalidArgumentException when an argument is null or {@code attempted} is blank
     * @throws NotAuthorisedException naming the actor, the scope and what was attempted when the
     *     actor may not change it
     */
    public static Role requireMayChange(Actor actor, AccessScope scope, String attempted) {
        Require.nonBlank(attempted, "attempted");
        return roleGrantingChange(actor, scope).orElseThrow(() -> new NotAuthorisedException(
                actor + " may not " + attempted + " on " + scope
                        + ": only its account manager, an industry manager of " + scope.industry()
                        + ", the department general manager or the general manager may change it"));
    }

    /**
     * The role under which an actor may assign the manager of something (or register it): the
     * industry manager of its industry, the department general manager or the general manager, in
     * that order. An account manager never may.
     *
     * @param actor who acts
     * @param scope what is concerned
     * @return the granting role, or empty when the actor may not assign
     * @throws InvalidArgumentException when an argument is null
     */
    public static Optional<Role> roleGrantingAssignment(Actor actor, AccessScope scope) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        return firstGrantingAssignment(actor, scope);
    }

    /**
     * Whether an actor may assign the manager of something or register it (query form for user
     * interfaces).
     *
     * @param actor who acts
     * @param scope what is concerned
     * @return true for an industry manager of its industry, the department general manager or the
     *     general manager
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean mayAssign(Actor actor, AccessScope scope) {
        return roleGrantingAssignment(actor, scope).isPresent();
    }

    /**
     * Checks that an actor may assign the manager of something or register it.
     *
     * @param actor who acts
     * @param scope what is concerned
     * @param attempted what the actor tried to do, for the message, for example {@code "assign the account manager"}
     * @return the granting role
     * @throws InvalidArgumentException when an argument is null or {@code attempted} is blank
     * @throws NotAuthorisedException naming the actor, the scope and what was attempted otherwise
     */
    public static Role requireMayAssign(Actor actor, AccessScope scope, String attempted) {
        Require.nonNull(actor, "actor");
        Require.nonNull(scope, "scope");
        Require.nonBlank(attempted, "attempted");
        return roleGrantingAssignment(actor, scope).orElseThrow(() -> new NotAuthorisedException(
                actor + " may not " + attempted + " on " + scope + ": only an industry manager of " + scope.industry()
                        + ", the department general manager or the general manager may"));
    }

    /** The first of {@link #rolesGrantingAssignment}, in the same order, without building the set. */
    private static Optional<Role> firstGrantingAssignment(Actor actor, AccessScope scope) {
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

    private static Set<Role> rolesGrantingAssignment(Actor actor, AccessScope scope) {
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
}
