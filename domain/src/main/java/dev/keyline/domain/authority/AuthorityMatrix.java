package dev.keyline.domain.authority;

import com.google.common.collect.Maps;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * The authority matrix of commercial authorisation (商务授权): for each role, the largest discount
 * off list price its holders may grant, as a fraction in [0, 1] ({@code 0.15} is 15 %). A role not
 * in the matrix has no discount authority at all, not even for an offer at list price.
 *
 * <p>An actor's authority is that of their strongest role: the role with the largest maximum
 * (ties go to the role declared first in {@link Role}). Offers below the floor price (底价) are not
 * governed by the matrix; see {@link PriceAuthorisation}.
 *
 * <p>Immutable. Maximums are normalised (trailing zeros stripped), so {@code 0.10} and {@code 0.1}
 * give equal matrices.
 *
 * @param maximumDiscounts the maximum discount per role
 */
public record AuthorityMatrix(Map<Role, BigDecimal> maximumDiscounts) {

    /**
     * Validates and copies the map.
     *
     * @param maximumDiscounts the maximum discount per role
     * @throws InvalidArgumentException naming the role when the map, a key or a value is null, or
     *     a value lies outside [0, 1]
     */
    public AuthorityMatrix {
        Require.nonNull(maximumDiscounts, "maximumDiscounts");
        EnumMap<Role, BigDecimal> copy = new EnumMap<>(Role.class);
        for (Map.Entry<Role, BigDecimal> entry : maximumDiscounts.entrySet()) {
            Role role = Require.nonNull(entry.getKey(), "maximumDiscounts key");
            String name = "maximumDiscounts[" + role + "]";
            BigDecimal maximum = Require.nonNull(entry.getValue(), name);
            Require.that(maximum.signum() >= 0 && maximum.compareTo(BigDecimal.ONE) <= 0, name,
                    () -> "must be a fraction in [0, 1], was " + maximum.toPlainString());
            Limits.discount(maximum, name);
            copy.put(role, maximum.signum() == 0 ? BigDecimal.ZERO : maximum.stripTrailingZeros());
        }
        maximumDiscounts = Maps.immutableEnumMap(copy);
    }

    /**
     * A matrix from a map of role to maximum discount.
     *
     * @param maximumDiscounts the maximum discount per role
     * @return the matrix
     * @throws InvalidArgumentException as the constructor
     */
    public static AuthorityMatrix of(Map<Role, BigDecimal> maximumDiscounts) {
        return new AuthorityMatrix(maximumDiscounts);
    }

    /**
     * A matrix in which nobody has discount authority.
     *
     * @return the empty matrix
     */
    public static AuthorityMatrix empty() {
        return new AuthorityMatrix(Map.of());
    }

    /**
     * This matrix with one role's maximum set or replaced.
     *
     * @param role the role
     * @param maximumDiscount its maximum discount, in [0, 1]
     * @return the new matrix
     * @throws InvalidArgumentException when an argument is null or the maximum is outside [0, 1]
     */
    public AuthorityMatrix with(Role role, BigDecimal maximumDiscount) {
        Require.nonNull(role, "role");
        Require.nonNull(maximumDiscount, "maximumDiscount");
        EnumMap<Role, BigDecimal> copy = new EnumMap<>(Role.class);
        copy.putAll(maximumDiscounts);
        copy.put(role, maximumDiscount);
        return new AuthorityMatrix(copy);
    }

    /**
     * The maximum discount of a role.
     *
     * @param role the role
     * @return its maximum, or empty when the role has no discount authority
     * @throws InvalidArgumentException when {@code role} is null
     */
    public Optional<BigDecimal> maximumDiscountOf(Role role) {
        return Optional.ofNullable(maximumDiscounts.get(Require.nonNull(role, "role")));
    }

    /**
     * The actor's strongest role: among the roles they hold that are in the matrix, the one with
     * the largest maximum discount (ties to the role declared first).
     *
     * @param actor the actor
     * @return the strongest role, or empty when none of the actor's roles is in the matrix
     * @throws InvalidArgumentException when {@code actor} is null
     */
    public Optional<Role> strongestRoleOf(Actor actor) {
        Require.nonNull(actor, "actor");
        Role best = null;
        for (Role role : actor.roles()) {
            BigDecimal maximum = maximumDiscounts.get(role);
            if (maximum != null && (best == null || maximum.compareTo(maximumDiscounts.get(best)) > 0)) {
                best = role;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether the actor's strongest role covers the offer's discount (query form for user
     * interfaces).
     *
     * @param actor the actor
     * @param offer the offer
     * @return true when the strongest role's maximum is at least the offer's discount
     * @throws InvalidArgumentException when an argument is null
     */
    public boolean covers(Actor actor, PriceOffer offer) {
        Require.nonNull(offer, "offer");
        return strongestRoleOf(actor).map(role -> offer.discountWithin(maximumDiscounts.get(role))).orElse(false);
    }

    /**
     * Checks that the actor's strongest role covers the offer's discount.
     *
     * @param actor the actor
     * @param offer the offer
     * @return the strongest role, whose authority covers the discount
     * @throws InvalidArgumentException when an argument is null
     * @throws AuthorityExceededException naming the role, its maximum and the requested discount
     *     when the discount exceeds it, or saying so when the actor has no discount authority
     */
    public Role requireCovers(Actor actor, PriceOffer offer) {
        Require.nonNull(actor, "actor");
        Require.nonNull(offer, "offer");
        if (!covers(actor, offer)) {
            throw exceeded(actor, offer);
        }
        return strongestRoleOf(actor).orElseThrow();
    }

    /** The failure {@link #requireCovers} raises, built but not thrown, for an actor the matrix does not cover. */
    AuthorityExceededException exceeded(Actor actor, PriceOffer offer) {
        String what = offer.product() + " for account " + offer.account() + " at " + offer.offeredPrice()
                + " against list price " + offer.listPrice();
        Optional<Role> strongest = strongestRoleOf(actor);
        if (strongest.isEmpty()) {
            return new AuthorityExceededException(actor + " has no discount authority: none of the roles "
                    + actor.roles() + " is in the authority matrix; the requested discount is "
                    + offer.discount().toPlainString() + " (" + what + ")");
        }
        Role role = strongest.get();
        return new AuthorityExceededException(actor + " may grant as " + role + " a discount of at most "
                + maximumDiscounts.get(role).toPlainString() + " but the requested discount is "
                + offer.discount().toPlainString() + " (" + what + ")");
    }

    /**
     * The most junior role able to approve the offer: the role with the smallest maximum that still
     * covers its discount (ties to the role declared first). Requests are addressed to it.
     *
     * @param offer the offer
     * @return the role, or empty when no role in the matrix covers the discount
     * @throws InvalidArgumentException when {@code offer} is null
     */
    public Optional<Role> mostJuniorRoleCovering(PriceOffer offer) {
        Require.nonNull(offer, "offer");
        return maximumDiscounts.entrySet().stream()
                .filter(entry -> offer.discountWithin(entry.getValue()))
                .min(Map.Entry.<Role, BigDecimal>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .map(Map.Entry::getKey);
    }

    /**
     * The role with the largest maximum in the matrix (ties to the role declared first).
     *
     * @return the role, or empty for an empty matrix
     */
    public Optional<Role> mostSeniorRole() {
        return maximumDiscounts.entrySet().stream()
                .max(Map.Entry.<Role, BigDecimal>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.<Role>reverseOrder())))
                .map(Map.Entry::getKey);
    }
}
