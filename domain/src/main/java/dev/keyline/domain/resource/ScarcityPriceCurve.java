package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.List;

/**
 * Prices that follow scarcity (稀缺定价, the seed's network-element leasing): the host configures a
 * curve of breakpoints from utilisation (allocated / capacity, a ratio from 0 to 1) to a multiplier
 * of a base price, and the price at a utilisation is the base price times the curve's multiplier
 * there.
 *
 * <p>The curve is <b>piecewise linear</b>: between two neighbouring breakpoints
 * {@code (u1, m1)} and {@code (u2, m2)} the multiplier at {@code u} is
 * {@code m1 + (m2 - m1) * (u - u1) / (u2 - u1)}; below the first breakpoint it is the first
 * multiplier, above the last the last (the curve clamps). The price is
 * {@code base * multiplier}, computed exactly and rounded once, half-even to the cent. Breakpoints
 * are sorted by strictly rising utilisation and their multipliers never fall, so the price never
 * falls as scarcity rises. Immutable and thread-safe.
 */
public final class ScarcityPriceCurve {

    /** The most decimals of a utilisation given to {@link #priceAt}: 34. */
    public static final int MAX_UTILISATION_DECIMALS = 34;

    private final List<ScarcityBreakpoint> breakpoints;

    private ScarcityPriceCurve(List<ScarcityBreakpoint> breakpoints) {
        this.breakpoints = breakpoints;
    }

    /**
     * A curve through the given breakpoints.
     *
     * @param breakpoints at least one, by strictly rising utilisation, with multipliers that never fall
     * @return the curve
     * @throws InvalidArgumentException naming {@code breakpoints} when it is null or empty, holds a
     *     null, is not sorted by strictly rising utilisation or has a multiplier below the one before
     */
    public static ScarcityPriceCurve of(List<ScarcityBreakpoint> breakpoints) {
        List<ScarcityBreakpoint> points = Require.nonNullElements(breakpoints, "breakpoints");
        Require.that(!points.isEmpty(), "breakpoints", "must hold at least one breakpoint");
        for (int i = 1; i < points.size(); i++) {
            ScarcityBreakpoint before = points.get(i - 1);
            ScarcityBreakpoint point = points.get(i);
            if (point.utilisation().compareTo(before.utilisation()) <= 0) {
                throw new InvalidArgumentException("breakpoints", "must be sorted by strictly rising utilisation, but "
                        + "breakpoints[" + i + "] at " + point.utilisation() + " follows " + before.utilisation());
            }
            if (point.multiplier().compareTo(before.multiplier()) < 0) {
                throw new InvalidArgumentException("breakpoints", "multipliers must not fall as utilisation rises, but "
                        + "breakpoints[" + i + "] has " + point.multiplier() + " after " + before.multiplier());
            }
        }
        return new ScarcityPriceCurve(points);
    }

    /**
     * The curve's breakpoints.
     *
     * @return them, by rising utilisation
     */
    public List<ScarcityBreakpoint> breakpoints() {
        return breakpoints;
    }

    /**
     * The price at a utilisation: {@code base} times the curve's multiplier there, rounded half-even
     * to the cent.
     *
     * @param base the base price, not negative
     * @param utilisation the utilisation, from 0 to 1 with at most {@value #MAX_UTILISATION_DECIMALS} decimals
     * @return the price, in the base price's currency
     * @throws InvalidArgumentException naming the argument when one is null, the base price is
     *     negative or the utilisation lies outside [0, 1] or has too many decimals
     */
    public Money priceAt(Money base, BigDecimal utilisation) {
        Require.nonNull(base, "base");
        Require.nonNull(utilisation, "utilisation");
        Require.that(!base.isNegative(), "base", () -> "must not be negative, was " + base);
        Require.that(utilisation.signum() >= 0 && utilisation.compareTo(BigDecimal.ONE) <= 0, "utilisation",
                () -> "must lie in [0, 1], was " + utilisation);
        Require.that(utilisation.stripTrailingZeros().scale() <= MAX_UTILISATION_DECIMALS, "utilisation",
                () -> "must have at most " + MAX_UTILISATION_DECIMALS + " decimals, was " + utilisation);
        ScarcityBreakpoint first = breakpoints.get(0);
        if (utilisation.compareTo(first.utilisation()) <= 0) {
            return base.times(first.multiplier());
        }
        for (int i = 1; i < breakpoints.size(); i++) {
            ScarcityBreakpoint upper = breakpoints.get(i);
            if (utilisation.compareTo(upper.utilisation()) <= 0) {
                ScarcityBreakpoint lower = breakpoints.get(i - 1);
                BigDecimal width = upper.utilisation().subtract(lower.utilisation());
                BigDecimal rise = upper.multiplier().subtract(lower.multiplier());
                // base * (m1 * width + rise * (u - u1)) / width, exact up to the one rounding to the cent
                BigDecimal scaled = lower.multiplier().multiply(width)
                        .add(rise.multiply(utilisation.subtract(lower.utilisation())));
                BigDecimal amount = base.amount().multiply(scaled).divide(width, Money.SCALE, Money.ROUNDING);
                return Money.of(amount, base.currency());
            }
        }
        return base.times(breakpoints.get(breakpoints.size() - 1).multiplier());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ScarcityPriceCurve[");
        for (int i = 0; i < breakpoints.size(); i++) {
            ScarcityBreakpoint b = breakpoints.get(i);
            text.append(i == 0 ? "" : ", ").append(b.utilisation().toPlainString()).append(" -> x")
                    .append(b.multiplier().toPlainString());
        }
        return text.append(']').toString();
    }
}
