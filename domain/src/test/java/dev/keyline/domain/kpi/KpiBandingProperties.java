package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Banding is monotone in the value given the direction: a better value never falls in a worse band;
 * a value meeting the target is always green; and a ratio's band never improves when one more bad
 * fact is counted.
 */
class KpiBandingProperties {

    /** Random consistent thresholds, in thousandths from 0 to 2. */
    static Gen<KpiThresholds> thresholds() {
        return booleans().all().zip(integers().between(0, 2000), integers().between(0, 2000), integers().between(0, 2000),
                (higher, a, b, c) -> {
                    int[] sorted = java.util.stream.IntStream.of(a, b, c).sorted().toArray();
                    BigDecimal low = BigDecimal.valueOf(sorted[0], 3);
                    BigDecimal mid = BigDecimal.valueOf(sorted[1], 3);
                    BigDecimal high = BigDecimal.valueOf(sorted[2], 3);
                    return higher ? new KpiThresholds(KpiDirection.HIGHER_IS_BETTER, TargetComparison.AT_LEAST, high, mid, low)
                            : new KpiThresholds(KpiDirection.LOWER_IS_BETTER, TargetComparison.AT_MOST, low, mid, high);
                });
    }

    @Test
    void aBetterValueNeverFallsInAWorseBand() {
        qt().forAll(thresholds(), integers().between(0, 2500), integers().between(0, 2500)).checkAssert((t, x, y) -> {
            BigDecimal a = BigDecimal.valueOf(x, 3);
            BigDecimal b = BigDecimal.valueOf(y, 3);
            if (t.direction().isBetter(a, b) || a.compareTo(b) == 0) {
                assertThat(t.band(a).isWorseThan(t.band(b))).as("%s vs %s under %s", a, b, t).isFalse();
            }
        });
    }

    @Test
    void aValueMeetingTheTargetIsGreenAndAValueBeyondTheRedLimitIsRed() {
        qt().forAll(thresholds(), integers().between(0, 2500)).checkAssert((t, x) -> {
            BigDecimal v = BigDecimal.valueOf(x, 3);
            if (t.meetsTarget(v)) {
                assertThat(t.band(v)).isEqualTo(Band.GREEN);
            }
            assertThat(t.band(v) == Band.RED).isEqualTo(t.direction().isBetter(t.redLimit(), v));
        });
    }

    @Test
    void aRatiosBandNeverImprovesWhenOneMoreBadFactIsCounted() {
        qt().forAll(thresholds(), integers().between(0, 500), integers().between(0, 500)).checkAssert((t, good, bad) -> {
            KpiDefinition definition = KpiCatalogue.seed().get(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE).withThresholds(t);
            KpiId id = definition.id();
            // a bad fact is a late order where higher is better, a churned account where lower is better
            boolean higher = t.direction() == KpiDirection.HIGHER_IS_BETTER;
            long numerator = higher ? good : bad;
            long denominator = (long) good + bad;
            KpiValue before = KpiValue.ratio(id, KpiSamples.MARCH, numerator, denominator);
            KpiValue after = KpiValue.ratio(id, KpiSamples.MARCH, higher ? numerator : numerator + 1, denominator + 1);
            assertThat(definition.band(after)).isPresent();
            definition.band(before).ifPresent(b -> assertThat(definition.band(after).get().isWorseThan(b) || definition.band(after).get() == b)
                    .as("%s then %s under %s", before, after, t).isTrue());
        });
    }
}
