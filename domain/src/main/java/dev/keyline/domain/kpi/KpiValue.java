package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One KPI's value for one period, with the numerator and denominator it came from, so that a
 * reader can check it and periods can be combined (a quarter's numerator is the sum of its months'
 * numerators, and likewise the denominator).
 *
 * <p>A ratio's value is {@code numerator / denominator} rounded half-even to {@value #SCALE}
 * decimals; when the denominator is zero there is no value ({@link Optional#empty()}), never 0 or
 * NaN. A KPI with a rule of its own for a zero denominator, such as forecast accuracy, builds its
 * value with {@link #of(KpiId, Period, BigDecimal, BigDecimal, Optional)}. A measured KPI, an input
 * the host records, has itself as numerator and 1 as denominator ({@link #measured}).
 *
 * @param kpi the KPI
 * @param period the period whose facts the value covers
 * @param numerator the numerator, not negative
 * @param denominator the denominator, not negative
 * @param value the value with {@value #SCALE} decimals, empty when the KPI has no value for the
 *     period
 */
public record KpiValue(KpiId kpi, Period period, BigDecimal numerator, BigDecimal denominator,
        Optional<BigDecimal> value) {

    /** The decimals of a value. */
    public static final int SCALE = 4;

    /**
     * Validates the value.
     *
     * @param kpi the KPI
     * @param period the period whose facts the value covers
     * @param numerator the numerator, not negative
     * @param denominator the denominator, not negative
     * @param value the value with {@value #SCALE} decimals, empty when the KPI has no value for the period
     * @throws InvalidArgumentException when an argument is null, the numerator or denominator is
     *     negative, or the value is negative
     */
    public KpiValue {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(period, "period");
        Require.nonNegative(numerator, "numerator");
        Require.nonNegative(denominator, "denominator");
        Require.nonNull(value, "value");
        value.ifPresent(v -> Require.nonNegative(v, "value"));
        value = value.map(v -> v.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * A ratio: {@code numerator / denominator}, with no value when the denominator is zero.
     *
     * @param kpi the KPI
     * @param period the period
     * @param numerator the numerator, not negative
     * @param denominator the denominator, not negative
     * @return the value
     * @throws InvalidArgumentException when an argument is null or negative
     */
    public static KpiValue ratio(KpiId kpi, Period period, BigDecimal numerator, BigDecimal denominator) {
        Require.nonNegative(numerator, "numerator");
        Require.nonNegative(denominator, "denominator");
        Optional<BigDecimal> value = denominator.signum() == 0 ? Optional.empty()
                : Optional.of(numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN));
        return new KpiValue(kpi, period, numerator, denominator, value);
    }

    /**
     * A ratio of two counts.
     *
     * @param kpi the KPI
     * @param period the period
     * @param numerator the numerator, not negative
     * @param denominator the denominator, not negative
     * @return the value
     * @throws InvalidArgumentException when an argument is null or negative
     */
    public static KpiValue ratio(KpiId kpi, Period period, long numerator, long denominator) {
        return ratio(kpi, period, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /**
     * A value with a rule of its own.
     *
     * @param kpi the KPI
     * @param period the period
     * @param numerator the numerator
     * @param denominator the denominator
     * @param value the value, empty when there is none
     * @return the value
     * @throws InvalidArgumentException when an argument is null or negative
     */
    public static KpiValue of(KpiId kpi, Period period, BigDecimal numerator, BigDecimal denominator,
            Optional<BigDecimal> value) {
        return new KpiValue(kpi, period, numerator, denominator, value);
    }

    /**
     * A measured value the host recorded: itself as numerator, 1 as denominator.
     *
     * @param kpi the KPI
     * @param period the period
     * @param value the value, not negative
     * @return the value
     * @throws InvalidArgumentException when an argument is null or negative
     */
    public static KpiValue measured(KpiId kpi, Period period, BigDecimal value) {
        Require.nonNegative(value, "value");
        return new KpiValue(kpi, period, value, BigDecimal.ONE, Optional.of(value));
    }

    /**
     * Whether the KPI has a value for the period.
     *
     * @return true when {@link #value()} is present
     */
    public boolean hasValue() {
        return value.isPresent();
    }
}
