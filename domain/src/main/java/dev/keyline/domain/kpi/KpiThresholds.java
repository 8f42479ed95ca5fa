package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * A KPI's direction, its target with the comparison that decides whether it is met, and the limits
 * of its amber and red bands.
 *
 * <p>Banding, where higher is better: {@link Band#GREEN} when {@code value ≥ amberLimit},
 * {@link Band#AMBER} when {@code redLimit ≤ value < amberLimit}, {@link Band#RED} when
 * {@code value < redLimit}. Where lower is better the mirror image: green when
 * {@code value ≤ amberLimit}, amber when {@code amberLimit < value ≤ redLimit}, red when
 * {@code value > redLimit}. A limit itself belongs to the better band.
 *
 * <p>Consistency: the comparison belongs to the direction ({@code ≥} or {@code >} where higher is
 * better, {@code ≤} or {@code <} where lower is better), and the target is at least as good as the
 * amber limit, which is at least as good as the red limit: {@code target ≥ amberLimit ≥ redLimit}
 * where higher is better, {@code target ≤ amberLimit ≤ redLimit} where lower is better. So a value
 * that meets the target is always green; a value short of the target but within the amber limit is
 * still green (a tolerance), and an amber limit equal to the red limit leaves no amber band.
 *
 * @param direction whether higher or lower is better
 * @param comparison how a value is compared with the target
 * @param target the target, not negative
 * @param amberLimit the value beyond which the KPI is amber, not negative
 * @param redLimit the value beyond which the KPI is red, not negative
 */
public record KpiThresholds(KpiDirection direction, TargetComparison comparison, BigDecimal target,
        BigDecimal amberLimit, BigDecimal redLimit) {

    /**
     * Validates the thresholds.
     *
     * @param direction whether higher or lower is better
     * @param comparison how a value is compared with the target
     * @param target the target, not negative
     * @param amberLimit the value beyond which the KPI is amber, not negative
     * @param redLimit the value beyond which the KPI is red, not negative
     * @throws InvalidArgumentException naming the field when an argument is null or negative, the
     *     comparison belongs to the other direction, or the target and limits are out of order
     */
    public KpiThresholds {
        Require.nonNull(direction, "direction");
        Require.nonNull(comparison, "comparison");
        Require.nonNegative(target, "target");
        Require.nonNegative(amberLimit, "amberLimit");
        Require.nonNegative(redLimit, "redLimit");
        Require.that(comparison.direction() == direction, "comparison",
                () -> "must suit " + direction + " (" + (direction == KpiDirection.HIGHER_IS_BETTER ? "≥ or >" : "≤ or <")
                        + "), was " + comparison.symbol());
        Require.that(!direction.isBetter(amberLimit, target), "amberLimit",
                () -> "must not be better than the target " + target.toPlainString() + " where " + direction
                        + ", was " + amberLimit.toPlainString());
        Require.that(!direction.isBetter(redLimit, amberLimit), "redLimit",
                () -> "must not be better than the amber limit " + amberLimit.toPlainString() + " where " + direction
                        + ", was " + redLimit.toPlainString());
    }

    /**
     * Thresholds for a KPI where higher is better, met at {@code value ≥ target}.
     *
     * @param target the target
     * @param amberLimit below this the KPI is amber
     * @param redLimit below this the KPI is red
     * @return the thresholds
     * @throws InvalidArgumentException when an argument is null or negative or they are out of order
     */
    public static KpiThresholds atLeast(String target, String amberLimit, String redLimit) {
        return new KpiThresholds(KpiDirection.HIGHER_IS_BETTER, TargetComparison.AT_LEAST, decimal(target, "target"),
                decimal(amberLimit, "amberLimit"), decimal(redLimit, "redLimit"));
    }

    /**
     * Thresholds for a KPI where lower is better, met at {@code value ≤ target}.
     *
     * @param target the target
     * @param amberLimit above this the KPI is amber
     * @param redLimit above this the KPI is red
     * @return the thresholds
     * @throws InvalidArgumentException when an argument is null or negative or they are out of order
     */
    public static KpiThresholds atMost(String target, String amberLimit, String redLimit) {
        return new KpiThresholds(KpiDirection.LOWER_IS_BETTER, TargetComparison.AT_MOST, decimal(target, "target"),
                decimal(amberLimit, "amberLimit"), decimal(redLimit, "redLimit"));
    }

    private static BigDecimal decimal(String text, String name) {
        Require.nonBlank(text, name);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(name, "must be a decimal number, was '" + text + "'");
        }
    }

    /**
     * The band a value falls in.
     *
     * @param value the value
     * @return the band
     * @throws InvalidArgumentException when {@code value} is null
     */
    public Band band(BigDecimal value) {
        Require.nonNull(value, "value");
        if (!direction.isBetter(amberLimit, value)) {
            return Band.GREEN;
        }
        if (!direction.isBetter(redLimit, value)) {
            return Band.AMBER;
        }
        return Band.RED;
    }

    /**
     * Whether a value meets the target by the comparison.
     *
     * @param value the value
     * @return true when the target is met
     * @throws InvalidArgumentException when {@code value} is null
     */
    public boolean meetsTarget(BigDecimal value) {
        return comparison.holds(value, target);
    }
}
