package dev.keyline.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ForecastAccuracy} over random volumes. */
class SlaForecastAccuracyProperties {

    @Test
    void accuracyStaysBetweenZeroAndOne() {
        qt().withExamples(1000).forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 12),
                lists().of(integers().between(0, 60)).ofSizeBetween(12, 12)).checkAssert((actual, agreedYear) -> {
                    List<Integer> agreed = agreedYear.subList(0, actual.size());
                    BigDecimal accuracy = ForecastAccuracy.of(actual, agreed);
                    assertThat(accuracy).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                    assertThat(accuracy.scale()).isEqualTo(ForecastAccuracy.SCALE);
                });
    }

    @Test
    void accuracyIsExactlyOneWhenActualsEqualAgreedAndBelowOneOtherwise() {
        qt().withExamples(1000).forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 12),
                integers().between(0, 11), integers().between(1, 5)).checkAssert((agreed, month, miss) -> {
                    assertThat(ForecastAccuracy.of(agreed, agreed)).isEqualByComparingTo(BigDecimal.ONE);
                    List<Integer> actual = new ArrayList<>(agreed);
                    int i = month % actual.size();
                    actual.set(i, actual.get(i) + miss);
                    assertThat(ForecastAccuracy.of(actual, agreed)).isLessThan(BigDecimal.ONE);
                });
    }

    @Test
    void theBriefsEdgeCases() {
        assertThat(ForecastAccuracy.of(List.of(0, 0), List.of(0, 0))).isEqualByComparingTo("1");
        assertThat(ForecastAccuracy.of(List.of(1, 0), List.of(0, 0))).isEqualByComparingTo("0");
        // DDN: agreed 50 over the year; 10 circuits off in total gives 0.8
        List<Integer> agreed = SlaSamples.DDN_VOLUMES;
        List<Integer> actual = List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 15);
        assertThat(ForecastAccuracy.of(actual, agreed)).isEqualByComparingTo("0.8");
        // far off: clamped at 0
        assertThat(ForecastAccuracy.of(List.of(200), List.of(50))).isEqualByComparingTo("0");
    }
}
