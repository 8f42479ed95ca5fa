package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Scarcity prices: the price never falls as utilisation rises, equals base × multiplier at every
 * breakpoint, clamps to the edge multipliers outside the breakpoints, and lies between the prices
 * of the two breakpoints around it.
 */
class ScarcityPriceCurveProperties {

    /** Valid curves: utilisations on a grid of thousandths, rising multipliers in hundredths. */
    private static Gen<ScarcityPriceCurve> curves() {
        return lists().of(integers().between(0, 1000).zip(integers().between(0, 300), (u, step) -> new int[] {u, step}))
                .ofSizeBetween(1, 6).map(raw -> {
                    TreeMap<Integer, Integer> byUtilisation = new TreeMap<>();
                    raw.forEach(r -> byUtilisation.putIfAbsent(r[0], r[1]));
                    List<ScarcityBreakpoint> points = new ArrayList<>();
                    int multiplier = 50;
                    for (var e : byUtilisation.entrySet()) {
                        multiplier += e.getValue();
                        points.add(new ScarcityBreakpoint(BigDecimal.valueOf(e.getKey(), 3), BigDecimal.valueOf(multiplier, 2)));
                    }
                    return ScarcityPriceCurve.of(points);
                });
    }

    private static Gen<BigDecimal> utilisations() {
        return integers().between(0, 1_000_000).map(u -> BigDecimal.valueOf(u, 6));
    }

    private static Gen<Money> bases() {
        return integers().between(0, 10_000_000).map(cents -> Money.ofCents(cents, Money.CNY));
    }

    @Test
    void thePriceNeverFallsAsUtilisationRises() {
        qt().withExamples(2000).forAll(curves(), bases(), utilisations(), utilisations()).checkAssert((curve, base, a, b) -> {
            BigDecimal low = a.min(b);
            BigDecimal high = a.max(b);
            assertThat(curve.priceAt(base, low)).isLessThanOrEqualTo(curve.priceAt(base, high));
        });
    }

    @Test
    void atABreakpointThePriceIsBaseTimesItsMultiplier() {
        qt().withExamples(1000).forAll(curves(), bases()).checkAssert((curve, base) -> {
            for (ScarcityBreakpoint point : curve.breakpoints()) {
                BigDecimal exact = base.amount().multiply(point.multiplier()).setScale(2, RoundingMode.HALF_EVEN);
                assertThat(curve.priceAt(base, point.utilisation()).amount()).isEqualByComparingTo(exact);
            }
        });
    }

    @Test
    void outsideTheBreakpointsThePriceClampsToTheEdgeMultiplier() {
        qt().withExamples(1000).forAll(curves(), bases(), utilisations()).checkAssert((curve, base, u) -> {
            ScarcityBreakpoint first = curve.breakpoints().get(0);
            ScarcityBreakpoint last = curve.breakpoints().get(curve.breakpoints().size() - 1);
            if (u.compareTo(first.utilisation()) < 0) {
                assertThat(curve.priceAt(base, u)).isEqualTo(base.times(first.multiplier()));
            }
            if (u.compareTo(last.utilisation()) > 0) {
                assertThat(curve.priceAt(base, u)).isEqualTo(base.times(last.multiplier()));
            }
        });
    }

    @Test
    void betweenTwoBreakpointsThePriceIsTheLinearInterpolationBetweenTheirPrices() {
        qt().withExamples(1000).forAll(curves(), bases(), utilisations()).checkAssert((curve, base, u) -> {
            List<ScarcityBreakpoint> points = curve.breakpoints();
            for (int i = 1; i < points.size(); i++) {
                ScarcityBreakpoint lower = points.get(i - 1);
                ScarcityBreakpoint upper = points.get(i);
                if (u.compareTo(lower.utilisation()) >= 0 && u.compareTo(upper.utilisation()) <= 0) {
                    // the oracle: interpolate the multiplier with 40 digits, then multiply and round
                    BigDecimal fraction = u.subtract(lower.utilisation())
                            .divide(upper.utilisation().subtract(lower.utilisation()), 40, RoundingMode.HALF_EVEN);
                    BigDecimal multiplier = lower.multiplier()
                            .add(upper.multiplier().subtract(lower.multiplier()).multiply(fraction));
                    BigDecimal expected = base.amount().multiply(multiplier);
                    BigDecimal actual = curve.priceAt(base, u).amount();
                    assertThat(actual.subtract(expected).abs()).isLessThanOrEqualTo(new BigDecimal("0.005000001"));
                    assertThat(actual).isBetween(base.times(lower.multiplier()).amount(), base.times(upper.multiplier()).amount());
                }
            }
        });
    }
}
