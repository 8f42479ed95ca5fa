package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scorecard's score lies from 0 to 100, is monotone in each line's points, ignores the scale of
 * the weights, and exists exactly when every line has a value.
 */
class ScorecardProperties {

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.seed();
    private static final List<KpiId> IDS = CATALOGUE.ids();

    private static ScorecardDefinition card(List<Integer> weights) {
        List<ScorecardLine> lines = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            lines.add(ScorecardLine.of(IDS.get(i), weights.get(i)));
        }
        return ScorecardDefinition.of("random-card", Role.STATION_MANAGER, SeedKpiUnits.NETWORK_CENTRE, lines);
    }

    private static Map<KpiId, BigDecimal> points(ScorecardDefinition card, List<Integer> points) {
        Map<KpiId, BigDecimal> map = new HashMap<>();
        for (int i = 0; i < card.lines().size(); i++) {
            map.put(card.lines().get(i).kpi(), BigDecimal.valueOf(points.get(i % points.size())));
        }
        return map;
    }

    @Test
    void theScoreLiesFrom0To100AndRisesWithAnyLinesPoints() {
        qt().withExamples(500).forAll(lists().of(integers().between(1, 50)).ofSizeBetween(1, 10),
                lists().of(integers().between(0, 100)).ofSizeBetween(1, 10), integers().between(0, 9),
                integers().between(0, 100)).checkAssert((weights, pts, line, raised) -> {
                    ScorecardDefinition card = card(weights);
                    Map<KpiId, BigDecimal> before = points(card, pts);
                    BigDecimal score = card.score(before);
                    assertThat(score).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
                    KpiId changed = card.lines().get(line % card.lines().size()).kpi();
                    Map<KpiId, BigDecimal> after = new HashMap<>(before);
                    after.put(changed, before.get(changed).max(BigDecimal.valueOf(raised)));
                    assertThat(card.score(after)).isGreaterThanOrEqualTo(score);
                    // weights are relative: tripling every weight leaves the score alone
                    ScorecardDefinition tripled = card(weights.stream().map(w -> w * 3).toList());
                    assertThat(tripled.score(before)).isEqualByComparingTo(score);
                });
    }

    @Test
    void anIncompleteScorecardHasNoScoreAndNoBandAndNamesWhatIsMissing() {
        ScorecardDefinition card = SeedScorecards.NETWORK_CENTRE;
        qt().forAll(lists().of(integers().between(0, 2)).ofSize(card.lines().size()), integers().between(0, 1000))
                .checkAssert((choices, seed) -> {
                    Period march = KpiSamples.MARCH;
                    List<KpiValue> values = new ArrayList<>();
                    List<KpiId> missing = new ArrayList<>();
                    for (int i = 0; i < choices.size(); i++) {
                        KpiId kpi = card.lines().get(i).kpi();
                        switch (choices.get(i)) {
                            case 0 -> missing.add(kpi); // not given at all
                            case 1 -> {
                                values.add(KpiValue.ratio(kpi, march, 0, 0)); // an empty denominator
                                missing.add(kpi);
                            }
                            default -> values.add(KpiValue.measured(kpi, march, BigDecimal.valueOf(seed % 7)));
                        }
                    }
                    ScorecardResult result = card.apply(CATALOGUE, march, values);
                    assertThat(result.missing()).containsExactlyElementsOf(missing);
                    assertThat(result.isComplete()).isEqualTo(missing.isEmpty());
                    assertThat(result.score().isPresent()).isEqualTo(missing.isEmpty());
                    assertThat(result.band().isPresent()).isEqualTo(missing.isEmpty());
                    result.score().ifPresent(s -> assertThat(s).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100)));
                });
    }

    @Test
    void theKeyAccountDepartmentScoresItsThreeSeedKpis() {
        Period march = KpiSamples.MARCH;
        ScorecardResult result = SeedScorecards.KEY_ACCOUNT_DEPARTMENT.apply(CATALOGUE, march, List.of(
                KpiValue.measured(KpiCatalogue.CUSTOMER_SATISFACTION, march, new BigDecimal("92")), // green: 100 points
                KpiValue.ratio(KpiCatalogue.CHURN_RATE, march, 4, 100), // 0.04, amber: 60 points
                KpiValue.ratio(KpiCatalogue.CUSTOMER_SPEND, march, 80, 100), // 0.80, red: 0 points
                KpiValue.ratio(KpiCatalogue.CAPEX_RATIO, march, 1, 1))); // not on the card: ignored
        assertThat(result.lines()).extracting(l -> l.band().orElseThrow()).containsExactly(Band.GREEN, Band.AMBER, Band.RED);
        // (40 × 100 + 30 × 60 + 30 × 0) / 100
        assertThat(result.score()).contains(new BigDecimal("58.00"));
        assertThat(result.band()).contains(Band.RED);
        assertThat(result.unit()).isEqualTo(SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT);
        assertThat(result.role()).isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    @Test
    void aStationExecutorIsScoredOnTheirOwnStageOnTimeRate() {
        Period march = KpiSamples.MARCH;
        ScorecardResult result = SeedScorecards.PROVISIONING_STATION_EXECUTOR.applyTo(CATALOGUE, new KpiUnit("li"), march,
                List.of(KpiValue.ratio(StageOnTimeComputation.KPI, march, 9, 10)));
        // 0.90 is short of the 0.95 target but within the amber limit 0.90: green, 100 points
        assertThat(result.score()).contains(new BigDecimal("100.00"));
        assertThat(result.band()).contains(Band.GREEN);
        assertThat(result.unit().value()).isEqualTo("li");
    }

    @Test
    void applyingRejectsValuesOfAnotherPeriodOrTwiceAndLinesOutsideTheCatalogue() {
        Period march = KpiSamples.MARCH;
        Period april = Period.month(YearMonth.of(2026, 4));
        ScorecardDefinition card = SeedScorecards.KEY_ACCOUNT_DEPARTMENT;
        assertThatThrownBy(() -> card.apply(CATALOGUE, march, List.of(KpiValue.ratio(KpiCatalogue.CHURN_RATE, april, 1, 2))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("period");
        KpiValue churn = KpiValue.ratio(KpiCatalogue.CHURN_RATE, march, 1, 2);
        assertThatThrownBy(() -> card.apply(CATALOGUE, march, List.of(churn, churn)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("values");
        KpiCatalogue without = KpiCatalogue.of(CATALOGUE.definitions().stream()
                .filter(d -> !d.id().equals(KpiCatalogue.CHURN_RATE)).toList());
        assertThatThrownBy(() -> card.apply(without, march, List.of()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("churn-rate");
    }

    @Test
    void aScorecardRejectsNoLinesATwiceNamedKpiAndAWeightNotPositive() {
        assertThatThrownBy(() -> ScorecardDefinition.of("c", Role.ACCOUNT_MANAGER, SeedKpiUnits.NETWORK_CENTRE, List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lines");
        ScorecardLine churn = ScorecardLine.of(KpiCatalogue.CHURN_RATE, 1);
        assertThatThrownBy(() -> ScorecardDefinition.of("c", Role.ACCOUNT_MANAGER, SeedKpiUnits.NETWORK_CENTRE,
                List.of(churn, churn))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lines");
        assertThatThrownBy(() -> ScorecardLine.of(KpiCatalogue.CHURN_RATE, 0))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("weight");
        assertThatThrownBy(() -> new BandPoints(BigDecimal.valueOf(50), BigDecimal.valueOf(60), BigDecimal.ZERO))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("amber");
        assertThatThrownBy(() -> new ScoreThresholds(BigDecimal.valueOf(50), BigDecimal.valueOf(60)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("amber");
    }
}
