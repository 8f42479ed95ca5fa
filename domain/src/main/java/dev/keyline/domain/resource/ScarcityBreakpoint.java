package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * One point of a {@link ScarcityPriceCurve}: at this utilisation, the price is the base price times
 * this multiplier.
 *
 * @param utilisation the utilisation, a ratio from 0 to 1 with at most {@value #UTILISATION_DECIMALS} decimals
 * @param multiplier the multiplier of the base price, above zero and at most {@link #MAX_MULTIPLIER},
 *     with at most {@value #MULTIPLIER_DECIMALS} decimals
 */
public record ScarcityBreakpoint(BigDecimal utilisation, BigDecimal multiplier) {

    /** The most decimals of a breakpoint's utilisation: 12. */
    public static final int UTILISATION_DECIMALS = 12;

    /** The most decimals of a multiplier: 6. */
    public static final int MULTIPLIER_DECIMALS = 6;

    /** The largest multiplier: 1000 times the base price. */
    public static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(1000);

    /**
     * Validates the breakpoint.
     *
     * @param utilisation the utilisation, a ratio from 0 to 1 with at most {@value #UTILISATION_DECIMALS} decimals
     * @param multiplier the multiplier of the base price, above zero and at most {@link #MAX_MULTIPLIER}, with at most {@value #MULTIPLIER_DECIMALS} decimals
     * @throws InvalidArgumentException naming {@code utilisation} or {@code multiplier} when it is
     *     null, out of range or has too many decimals
     */
    public ScarcityBreakpoint {
        Require.nonNull(utilisation, "utilisation");
        Require.nonNull(multiplier, "multiplier");
        Require.that(utilisation.signum() >= 0 && utilisation.compareTo(BigDecimal.ONE) <= 0, "utilisation",
                () -> "must lie in [0, 1], was " + utilisation);
        Require.that(utilisation.stripTrailingZeros().scale() <= UTILISATION_DECIMALS, "utilisation",
                () -> "must have at most " + UTILISATION_DECIMALS + " decimals, was " + utilisation);
        Require.that(multiplier.signum() > 0 && multiplier.compareTo(MAX_MULTIPLIER) <= 0, "multiplier",
                () -> "must be above 0 and at most " + MAX_MULTIPLIER + ", was " + multiplier);
        Require.that(multiplier.stripTrailingZeros().scale() <= MULTIPLIER_DECIMALS, "multiplier",
                () -> "must have at most " + MULTIPLIER_DECIMALS + " decimals, was " + multiplier);
    }

    /**
     * A breakpoint from decimal texts, for example {@code at("0.8", "1.5")}.
     *
     * @param utilisation the utilisation's decimal text
     * @param multiplier the multiplier's decimal text
     * @return the breakpoint
     * @throws InvalidArgumentException naming the argument when a text is null, not a decimal or out of range
     */
    public static ScarcityBreakpoint at(String utilisation, String multiplier) {
        return new ScarcityBreakpoint(decimal(utilisation, "utilisation"), decimal(multiplier, "multiplier"));
    }

    private static BigDecimal decimal(String text, String name) {
        Require.nonBlank(text, name);
        Require.that(text.length() <= 40, name, () -> "must be at most 40 characters, was " + text.length());
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(name, "not a decimal: '" + text + "'");
        }
    }
}
