package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.Band;
import java.math.BigDecimal;

/**
 * The incentive table (激励): the factor a scorecard's band multiplies the base amount by.
 *
 * <p>Rules: every factor is non-negative, at most {@link #MAX_FACTOR}, with at most
 * {@value #SCALE} decimals (held at exactly that scale), and a better band never pays less:
 * {@code green >= amber >= red}. A red factor of 0 (no incentive) is allowed; equal factors
 * (a flat incentive) are allowed.
 *
 * @param green the factor of a green scorecard
 * @param amber the factor of an amber scorecard
 * @param red the factor of a red scorecard
 */
public record IncentiveTable(BigDecimal green, BigDecimal amber, BigDecimal red) {

    /** The decimals a factor is held at. */
    public static final int SCALE = 4;

    /** The digits a factor has at most, {@value #SCALE} of them decimals: enough for {@link #MAX_FACTOR}. */
    public static final int PRECISION = 6;

    /** The largest factor. */
    public static final BigDecimal MAX_FACTOR = BigDecimal.TEN;

    private static final IncentiveTable STANDARD =
            new IncentiveTable(new BigDecimal("1.2"), BigDecimal.ONE, new BigDecimal("0.8"));

    /**
     * Validates the table and holds each factor at {@value #SCALE} decimals.
     *
     * @param green the factor of a green scorecard
     * @param amber the factor of an amber scorecard
     * @param red the factor of a red scorecard
     * @throws InvalidArgumentException naming the factor when one is null, negative, above
     *     {@link #MAX_FACTOR} or has more than {@value #SCALE} decimals, or the factors are not in
     *     the order {@code green >= amber >= red}
     */
    public IncentiveTable {
        green = factor(green, "green");
        amber = factor(amber, "amber");
        red = factor(red, "red");
        if (green.compareTo(amber) < 0) {
            throw new InvalidArgumentException("amber", "a better band never pays less: green " + green
                    + " must be at least amber " + amber);
        }
        if (amber.compareTo(red) < 0) {
            throw new InvalidArgumentException("red", "a better band never pays less: amber " + amber
                    + " must be at least red " + red);
        }
    }

    /**
     * The usual table: green 1.2, amber 1.0, red 0.8.
     *
     * @return the standard table
     */
    public static IncentiveTable standard() {
        return STANDARD;
    }

    /**
     * A table from the factors' decimal text, for example {@code of("1.2", "1.0", "0.8")}.
     *
     * @param green the green factor
     * @param amber the amber factor
     * @param red the red factor
     * @return the table
     * @throws InvalidArgumentException when a text is null or not a decimal, or the table breaks a rule
     */
    public static IncentiveTable of(String green, String amber, String red) {
        Require.nonBlank(green, "green");
        Require.nonBlank(amber, "amber");
        Require.nonBlank(red, "red");
        return new IncentiveTable(decimal(green, "green"), decimal(amber, "amber"), decimal(red, "red"));
    }

    /**
     * The factor of a band.
     *
     * @param band the band
     * @return its factor
     * @throws InvalidArgumentException when {@code band} is null
     */
    public BigDecimal factorFor(Band band) {
        return switch (Require.nonNull(band, "band")) {
            case GREEN -> green;
            case AMBER -> amber;
            case RED -> red;
        };
    }

    private static BigDecimal factor(BigDecimal value, String name) {
        Require.nonNull(value, name);
        Require.that(value.signum() >= 0, name, () -> "must not be negative, was " + value);
        Require.that(value.compareTo(MAX_FACTOR) <= 0, name, () -> "must be at most " + MAX_FACTOR + ", was " + value);
        Require.that(value.stripTrailingZeros().scale() <= SCALE, name,
                () -> "must have at most " + SCALE + " decimals, was " + value);
        return value.setScale(SCALE);
    }

    private static BigDecimal decimal(String text, String name) {
        Require.nonBlank(text, name);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(name, "not a decimal number: '" + text + "'");
        }
    }
}
