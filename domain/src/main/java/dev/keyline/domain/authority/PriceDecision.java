package dev.keyline.domain.authority;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import dev.keyline.domain.common.Role;

/**
 * One recorded decision on a {@link PriceAuthorisation}: an approval, a rejection or the
 * requester's withdrawal, with who, when and why. The seed asks that every approval of commercial
 * authorisation (商务授权) be recorded this way.
 *
 * @param kind approval, rejection or withdrawal
 * @param decidedBy who decided
 * @param role the role the approval or rejection counted for; null for a withdrawal
 * @param maximumDiscount the maximum discount of {@code role} in the authority matrix when the
 *     decision was taken, for offers at or above the floor price; null for offers below the floor
 *     price (decided by role, not by the matrix) and for withdrawals
 * @param decidedAt when
 * @param reason why; not blank
 */
public record PriceDecision(Kind kind, UserId decidedBy, Role role, BigDecimal maximumDiscount, Instant decidedAt,
        String reason) {

    /** What kind of decision it was. */
    public enum Kind {
        /** An approver agreed to the price. */
        APPROVAL,
        /** An approver turned the price down. */
        REJECTION,
        /** The requester took the request back. */
        WITHDRAWAL
    }

    /**
     * Validates the decision.
     *
     * @param kind approval, rejection or withdrawal
     * @param decidedBy who decided
     * @param role the role the approval or rejection counted for; null for a withdrawal
     * @param maximumDiscount the maximum discount of {@code role} in the authority matrix when the decision was taken, for offers at or above the floor price; null for offers below the floor price (decided by role, not by the matrix) and for withdrawals
     * @param decidedAt when
     * @param reason why; not blank
     * @throws InvalidArgumentException naming the component when one is null or blank, when a
     *     role is missing from an approval or rejection or given for a withdrawal, or when the
     *     maximum discount lies outside [0, 1] or is given for a withdrawal
     */
    public PriceDecision {
        Require.nonNull(kind, "kind");
        Require.nonNull(decidedBy, "decidedBy");
        Require.nonNull(decidedAt, "decidedAt");
        Require.text(reason, "reason");
        BigDecimal discount = maximumDiscount;
        if (kind == Kind.WITHDRAWAL) {
            Require.that(role == null, "role", () -> "a withdrawal counts for no role, was " + role);
            Require.that(discount == null, "maximumDiscount", () -> "a withdrawal carries no authority, was " + discount);
        } else {
            Require.nonNull(role, "role");
        }
        if (discount != null) {
            Require.that(discount.signum() >= 0 && discount.compareTo(BigDecimal.ONE) <= 0,
                    "maximumDiscount", () -> "must be a fraction in [0, 1], was " + discount.toPlainString());
            Limits.discount(discount, "maximumDiscount");
            maximumDiscount = discount.signum() == 0 ? BigDecimal.ZERO : discount.stripTrailingZeros();
        }
    }

    /**
     * The role the decision counted for.
     *
     * @return the role, or empty for a withdrawal
     */
    public Optional<Role> roleIfAny() {
        return Optional.ofNullable(role);
    }

    /**
     * The authority the decision relied on.
     *
     * @return the maximum discount of the role, or empty when the decision did not rely on the matrix
     */
    public Optional<BigDecimal> maximumDiscountIfAny() {
        return Optional.ofNullable(maximumDiscount);
    }

    /**
     * Whether this is an approval.
     *
     * @return true for {@link Kind#APPROVAL}
     */
    public boolean isApproval() {
        return kind == Kind.APPROVAL;
    }
}
