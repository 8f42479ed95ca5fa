package dev.keyline.domain.common;

import com.google.common.collect.Sets;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person acting on Keyline, as the host's user directory describes them: their user id, the
 * roles (岗位) they hold and the industries (行业) they lead as an industry manager (行业经理).
 *
 * <p>Who acts is the shared kernel of every area: key accounts, commercial authorisation and the
 * areas to come check the same actor. Which key accounts an account manager (客户经理) manages is
 * not part of the actor: the stored key account names its account manager, and that is the one
 * source of the assignment (see the key-account area's access rules).
 *
 * <p>The sets are copied into immutable sets with a stable iteration order. Industries are allowed
 * only for an {@link Role#INDUSTRY_MANAGER}: a directory that gives them to anyone else is
 * mis-mapped, and silently ignoring them would hide that.
 *
 * @param user the person's user id
 * @param roles the roles held; at least one
 * @param industries the industries led as industry manager; empty unless {@link Role#INDUSTRY_MANAGER} is held
 */
public record Actor(UserId user, Set<Role> roles, Set<Industry> industries) {

    /**
     * Validates and copies the sets.
     *
     * @param user the person's user id
     * @param roles the roles held; at least one
     * @param industries the industries led as industry manager; empty unless {@link Role#INDUSTRY_MANAGER} is held
     * @throws InvalidArgumentException naming the argument when one is null or holds null, when
     *     {@code roles} is empty, or when industries are given without the industry manager role
     */
    public Actor {
        Require.nonNull(user, "user");
        roles = Sets.immutableEnumSet(Require.nonNullElements(roles, "roles"));
        industries = Sets.immutableEnumSet(Require.nonNullElements(industries, "industries"));
        Require.that(!roles.isEmpty(), "roles", () -> "must hold at least one role for user " + user);
        if (!industries.isEmpty() && !roles.contains(Role.INDUSTRY_MANAGER)) {
            throw new InvalidArgumentException("industries", "only an INDUSTRY_MANAGER leads industries, but user " + user
                    + " with roles " + roles + " was given " + industries);
        }
    }

    /**
     * An actor holding the given roles, with no industries.
     *
     * @param user the user id
     * @param first a role
     * @param more further roles
     * @return the actor
     * @throws InvalidArgumentException when an argument is null or holds null
     */
    public static Actor withRoles(UserId user, Role first, Role... more) {
        Require.nonNull(first, "first");
        Require.nonNull(more, "more");
        EnumSet<Role> all = EnumSet.of(first);
        all.addAll(Require.nonNullElements(Arrays.asList(more), "more"));
        return new Actor(user, all, Set.of());
    }

    /**
     * An account manager (客户经理). The key accounts they may change are those whose stored account
     * manager they are.
     *
     * @param user the user id
     * @return the actor
     * @throws InvalidArgumentException when {@code user} is null
     */
    public static Actor accountManager(UserId user) {
        return new Actor(user, Set.of(Role.ACCOUNT_MANAGER), Set.of());
    }

    /**
     * An industry manager (行业经理) leading the given industries.
     *
     * @param user the user id
     * @param industries the industries led
     * @return the actor
     * @throws InvalidArgumentException when an argument is null or holds null
     */
    public static Actor industryManager(UserId user, Collection<Industry> industries) {
        return new Actor(user, Set.of(Role.INDUSTRY_MANAGER),
                Set.copyOf(Require.nonNullElements(industries, "industries")));
    }

    /**
     * Whether the actor holds a role.
     *
     * @param role the role
     * @return true when held
     * @throws InvalidArgumentException when {@code role} is null
     */
    public boolean hasRole(Role role) {
        return roles.contains(Require.nonNull(role, "role"));
    }

    /**
     * Whether the actor leads an industry as its industry manager.
     *
     * @param industry the industry
     * @return true when led
     * @throws InvalidArgumentException when {@code industry} is null
     */
    public boolean leadsIndustry(Industry industry) {
        return industries.contains(Require.nonNull(industry, "industry"));
    }

    /**
     * Whether this actor is the given user.
     *
     * @param other a user id
     * @return true when {@link #user()} equals {@code other}
     * @throws InvalidArgumentException when {@code other} is null
     */
    public boolean is(UserId other) {
        return user.equals(Require.nonNull(other, "other"));
    }

    /** The user id and roles, plus industries where held, for messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("user ").append(user).append(' ').append(roles);
        if (!industries.isEmpty()) {
            text.append(" industries ").append(industries);
        }
        return text.toString();
    }
}
