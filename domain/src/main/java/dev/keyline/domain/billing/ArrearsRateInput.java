package dev.keyline.domain.billing;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.util.Optional;

/**
 * The inputs of the arrears-rate KPI (欠费率 = overdue receivables / billed amount) for one period.
 *
 * @param period the period
 * @param overdue the receivables overdue on the period's last day, not negative
 * @param billed the amount billed in the period (bill dates within it), not negative, same currency
 */
public record ArrearsRateInput(Period period, Money overdue, Money billed) {

    /**
     * Validates the input.
     *
     * @param period the period
     * @param overdue the receivables overdue on the period's last day, not negative
     * @param billed the amount billed in the period (bill dates within it), not negative, same currency
     */
    public ArrearsRateInput {
        Require.nonNull(period, "period");
        Require.nonNull(overdue, "overdue");
        Require.nonNull(billed, "billed");
        Require.that(!overdue.isNegative(), "overdue", () -> "must not be negative, was " + overdue);
        Require.that(!billed.isNegative(), "billed", () -> "must not be negative, was " + billed);
        Require.that(overdue.currency().equals(billed.currency()), "billed", () -> "must be in " + overdue.currency());
    }

    /**
     * The two added to another account's (or network's) input for the same period.
     *
     * @param other the other input
     * @return the sums
     */
    public ArrearsRateInput plus(ArrearsRateInput other) {
        Require.nonNull(other, "other");
        Require.that(other.period.equals(period), "other", () -> "must be for " + period + ", was for " + other.period);
        return new ArrearsRateInput(period, overdue.plus(other.overdue), billed.plus(other.billed));
    }

    /**
     * Overdue over billed, to six decimals; empty when nothing was billed.
     *
     * @return the rate, or empty when nothing was billed
     */
    public Optional<java.math.BigDecimal> rate() {
        if (billed.isZero()) {
            return Optional.empty();
        }
        return Optional.of(overdue.amount().divide(billed.amount(), 6, java.math.RoundingMode.HALF_EVEN));
    }
}
