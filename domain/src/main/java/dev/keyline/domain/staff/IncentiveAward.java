package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiUnit;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One incentive calculation, as recorded: which scorecard for which role, unit and period, the
 * band it reached, the factor the table gave that band, the base amount and the result.
 *
 * @param recipient the person the incentive is for
 * @param scorecard the scorecard's id
 * @param role the role the scorecard assessed
 * @param unit the organisation unit it assessed
 * @param period the period it assessed
 * @param band the scorecard's band
 * @param factor the factor of that band in the table in force, at {@link IncentiveTable#SCALE} decimals
 * @param base the base amount, not negative
 * @param amount the incentive: {@code base × factor}, rounded as {@link Money} rounds
 * @param awardedBy who calculated it
 * @param awardedAt when
 */
public record IncentiveAward(UserId recipient, String scorecard, Role role, KpiUnit unit, Period period, Band band,
        BigDecimal factor, Money base, Money amount, UserId awardedBy, Instant awardedAt) {

    /**
     * Validates the record, including that the amount is the base times the factor.
     *
     * @param recipient the person the incentive is for
     * @param scorecard the scorecard's id
     * @param role the role the scorecard assessed
     * @param unit the organisation unit it assessed
     * @param period the period it assessed
     * @param band the scorecard's band
     * @param factor the factor of that band in the table in force, at {@link IncentiveTable#SCALE} decimals
     * @param base the base amount, not negative
     * @param amount the incentive: {@code base × factor}, rounded as {@link Money} rounds
     * @param awardedBy who calculated it
     * @param awardedAt when
     * @throws InvalidArgumentException naming the component when one is null, the factor or base is
     *     negative, or the amount is not {@code base × factor}
     */
    public IncentiveAward {
        Require.nonNull(recipient, "recipient");
        Require.text(scorecard, "scorecard", Limits.ID_LENGTH);
        Require.nonNull(role, "role");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(band, "band");
        Require.nonNull(factor, "factor");
        if (factor.signum() < 0) {
            throw new InvalidArgumentException("factor", "must not be negative, was " + factor);
        }
        if (factor.stripTrailingZeros().scale() > IncentiveTable.SCALE) {
            throw new InvalidArgumentException("factor", "must have at most " + IncentiveTable.SCALE
                    + " decimals, was " + factor);
        }
        factor = factor.setScale(IncentiveTable.SCALE);
        Require.nonNull(base, "base");
        Require.that(!base.isNegative(), "base", () -> "must not be negative, was " + base);
        Require.nonNull(amount, "amount");
        Require.nonNull(awardedBy, "awardedBy");
        Require.nonNull(awardedAt, "awardedAt");
        Require.same(base.times(factor), amount, "amount");
    }

    /**
     * Whether this award is for the same person, scorecard, unit and period as another.
     *
     * @param other the other award
     * @return true when the two would pay twice for one assessment
     * @throws InvalidArgumentException when {@code other} is null
     */
    public boolean sameAssessmentAs(IncentiveAward other) {
        Require.nonNull(other, "other");
        return recipient.equals(other.recipient) && scorecard.equals(other.scorecard) && unit.equals(other.unit)
                && period.equals(other.period);
    }
}
