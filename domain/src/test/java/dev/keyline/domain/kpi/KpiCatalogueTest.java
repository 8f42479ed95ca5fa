package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed catalogue holds every KPI of the seed's assessment chapter once, and a host can build its own from it. */
class KpiCatalogueTest {

    private final KpiCatalogue seed = KpiCatalogue.seed();

    /** The seed's KPIs by unit, as the catalogue's ids; a KPI named under two units appears under both. */
    private static final List<List<String>> SECTION_6 = List.of(
            List.of("capex-ratio", "resource-utilization", "construction-cost-ratio", "market-response-compliance",
                    "capex-per-line", "new-capex-per-line", "project-schedule", "acceptance-compliance",
                    "network-security", "major-safety-incidents"),
            List.of("network-cost-ratio", "call-completion-rate", "market-response-compliance", "network-security",
                    "resource-utilization", "data-consistency-completeness", "expert-solution-quality",
                    "network-centre-coordination", "marketing-satisfaction", "major-faults"),
            List.of("network-cost-ratio", "maintenance-cost", "trunk-outage-rate", "call-completion-rate",
                    "equipment-intact-rate", "fault-handling-timeliness", "project-schedule", "project-safety",
                    "acceptance-compliance", "bad-line-rate", "key-account-response-satisfaction"),
            List.of("forecast-accuracy"),
            List.of("customer-satisfaction", "churn-rate", "customer-spend"),
            List.of("return-visit-timeliness", "surveys-per-month", "data-provision-timeliness", "data-accuracy"),
            List.of("response-timeliness", "solution-pass-rate", "solution-benefit"),
            List.of("response-timeliness", "customer-satisfaction", "demos-trainings", "promotion-results",
                    "orders-taken-completed"),
            List.of("intelligence-timeliness", "response-timeliness", "arrears-rate", "customer-satisfaction"));

    @Test
    void holdsEveryKpiOfTheBriefOnceAndNothingElseButTheStageOnTimeRate() {
        Set<String> expected = new HashSet<>();
        SECTION_6.forEach(expected::addAll);
        expected.add("stage-on-time-rate");
        assertThat(seed.ids()).extracting(KpiId::value).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seed.ids()).doesNotHaveDuplicates();
        assertThat(seed.size()).isEqualTo(expected.size());
    }

    @Test
    void everyUnitOfTheBriefOwnsSomeKpi() {
        for (KpiUnit unit : SeedKpiUnits.all()) {
            assertThat(seed.ownedBy(unit)).as(unit.value()).isNotEmpty();
        }
    }

    @Test
    void everyComputedKpiIsComputedAndEveryOtherButTheStageOnTimeRateIsMeasured() {
        for (ComputedKpi kpi : ComputedKpi.values()) {
            assertThat(seed.get(kpi.id()).formula().source()).as(kpi.id().value()).isEqualTo(KpiSource.COMPUTED);
        }
        for (KpiDefinition definition : seed.definitions()) {
            boolean computable = ComputedKpi.byId(definition.id()).isPresent()
                    || definition.id().equals(StageOnTimeComputation.KPI);
            assertThat(definition.isComputed()).as(definition.id().value()).isEqualTo(computable);
        }
        assertThat(seed.get(KpiCatalogue.ARREARS_RATE).formula().source()).isEqualTo(KpiSource.COMPUTED);
    }

    @Test
    void everyChineseNameHoldsHanCharactersAndEveryEnglishNameIsDistinct() {
        for (KpiDefinition definition : seed.definitions()) {
            assertThat(definition.chineseName().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as(definition.id().value()).isTrue();
        }
        assertThat(seed.definitions()).extracting(KpiDefinition::chineseName).doesNotHaveDuplicates();
        assertThat(seed.definitions()).extracting(KpiDefinition::englishName).doesNotHaveDuplicates();
    }

    @Test
    void theSeedsOwnWordsNameTheComputedKpis() {
        assertThat(seed.get(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE).chineseName()).isEqualTo("市场响应达标率");
        assertThat(seed.get(KpiCatalogue.FAULT_HANDLING_TIMELINESS).chineseName()).isEqualTo("障碍处理及时率");
        assertThat(seed.get(KpiCatalogue.CHURN_RATE).chineseName()).isEqualTo("客户流失率");
        assertThat(seed.get(KpiCatalogue.RESOURCE_UTILIZATION).chineseName()).isEqualTo("网络资源利用率");
        assertThat(seed.get(KpiCatalogue.ARREARS_RATE).chineseName()).isEqualTo("欠费率");
    }

    @Test
    void directionsFollowTheKpisMeaning() {
        assertThat(seed.get(KpiCatalogue.CHURN_RATE).direction()).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        assertThat(seed.get(KpiCatalogue.CAPEX_RATIO).direction()).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        assertThat(seed.get(KpiCatalogue.ARREARS_RATE).direction()).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        assertThat(seed.get(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE).direction()).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
        assertThat(seed.get(KpiCatalogue.FORECAST_ACCURACY).direction()).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
    }

    @Test
    void aMissingKpiIsNotFoundByItsId() {
        assertThatThrownBy(() -> seed.get(new KpiId("no-such-kpi"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-kpi");
        assertThat(seed.find(new KpiId("no-such-kpi"))).isEmpty();
        assertThatThrownBy(() -> SeedScorecards.byId("no-such-card")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-card");
    }

    @Test
    void aHostReplacesTargetsWithoutChangingTheSeed() {
        KpiThresholds own = KpiThresholds.atMost("0.01", "0.02", "0.04");
        KpiCatalogue host = seed.withThresholds(KpiCatalogue.CHURN_RATE, own);
        assertThat(host.get(KpiCatalogue.CHURN_RATE).thresholds()).isEqualTo(own);
        assertThat(seed.get(KpiCatalogue.CHURN_RATE).thresholds()).isNotEqualTo(own);
        assertThat(host.ids()).isEqualTo(seed.ids());
        assertThatThrownBy(() -> seed.withThresholds(new KpiId("no-such-kpi"), own)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-kpi");
    }

    @Test
    void aHostAddsItsOwnKpiOnceAndReplacesOnlyKnownOnes() {
        KpiDefinition own = new KpiDefinition(new KpiId("idc-rack-fill"), "机架利用率", "IDC rack fill",
                KpiFormula.measuredRatio("racks let / racks"), KpiMeasure.RATIO, KpiThresholds.atLeast("0.8", "0.7", "0.5"),
                Period.Granularity.QUARTER, ZoneId.of("UTC"), Role.NETWORK_CENTRE_MANAGER, SeedKpiUnits.NETWORK_CENTRE);
        KpiCatalogue host = seed.with(own);
        assertThat(host.size()).isEqualTo(seed.size() + 1);
        assertThat(host.ids().get(host.size() - 1)).isEqualTo(own.id());
        assertThatThrownBy(() -> host.with(own)).isInstanceOf(AlreadyExistsException.class).hasMessageContaining("idc-rack-fill");
        assertThatThrownBy(() -> seed.replacing(own)).isInstanceOf(NotFoundException.class).hasMessageContaining("idc-rack-fill");
        KpiDefinition quarterly = seed.get(KpiCatalogue.CHURN_RATE).withPeriod(Period.Granularity.QUARTER, ZoneId.of("UTC"));
        assertThat(seed.replacing(quarterly).get(KpiCatalogue.CHURN_RATE).granularity()).isEqualTo(Period.Granularity.QUARTER);
        assertThat(seed.replacing(quarterly).ids()).isEqualTo(seed.ids());
    }

    @Test
    void aCatalogueRejectsAnIdTwice() {
        KpiDefinition churn = seed.get(KpiCatalogue.CHURN_RATE);
        assertThatThrownBy(() -> KpiCatalogue.of(List.of(churn, churn))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("definitions").hasMessageContaining("churn-rate");
    }

    @Test
    void aDefinitionRejectsComputingAKpiKeylineCannotCompute() {
        KpiDefinition measured = seed.get(KpiCatalogue.CALL_COMPLETION_RATE);
        assertThatThrownBy(() -> new KpiDefinition(measured.id(), measured.chineseName(), measured.englishName(),
                KpiFormula.computedRatio("calls completed / attempts"), measured.measure(), measured.thresholds(),
                measured.granularity(), measured.zone(), measured.owner(), measured.unit()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("formula.source");
    }

    @Test
    void aDefinitionRejectsANameWithoutChineseAndScoreLimitsAbove100() {
        KpiDefinition d = seed.get(KpiCatalogue.CUSTOMER_SATISFACTION);
        assertThatThrownBy(() -> new KpiDefinition(d.id(), "satisfaction", d.englishName(), d.formula(), d.measure(),
                d.thresholds(), d.granularity(), d.zone(), d.owner(), d.unit()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("chineseName");
        assertThatThrownBy(() -> d.withThresholds(KpiThresholds.atLeast("120", "80", "60")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("thresholds");
    }

    @Test
    void thresholdsRejectLimitsOutOfOrderOrAComparisonOfTheOtherDirection() {
        assertThatThrownBy(() -> KpiThresholds.atLeast("0.8", "0.9", "0.5")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("amberLimit");
        assertThatThrownBy(() -> KpiThresholds.atLeast("0.9", "0.8", "0.85")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("redLimit");
        assertThatThrownBy(() -> KpiThresholds.atMost("0.05", "0.03", "0.06")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("amberLimit");
        assertThatThrownBy(() -> KpiThresholds.atMost("0.01", "0.03", "0.02")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("redLimit");
        assertThatThrownBy(() -> new KpiThresholds(KpiDirection.HIGHER_IS_BETTER, TargetComparison.AT_MOST,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("comparison");
        assertThatThrownBy(() -> KpiThresholds.atLeast("-1", "-1", "-1")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("target");
        assertThatThrownBy(() -> KpiThresholds.atLeast("x", "1", "1")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("target");
    }

    @Test
    void bandsFollowTheLimitsWithEachLimitInTheBetterBand() {
        KpiDefinition churn = seed.get(KpiCatalogue.CHURN_RATE); // ≤ 0.02 target, amber above 0.03, red above 0.05
        assertThat(churn.band(new BigDecimal("0.03"))).isEqualTo(Band.GREEN);
        assertThat(churn.band(new BigDecimal("0.0301"))).isEqualTo(Band.AMBER);
        assertThat(churn.band(new BigDecimal("0.05"))).isEqualTo(Band.AMBER);
        assertThat(churn.band(new BigDecimal("0.0501"))).isEqualTo(Band.RED);
        assertThat(churn.meetsTarget(KpiValue.ratio(churn.id(), KpiSamples.MARCH, 2, 100))).isTrue();
        assertThat(churn.meetsTarget(KpiValue.ratio(churn.id(), KpiSamples.MARCH, 3, 100))).isFalse();
        KpiDefinition compliance = seed.get(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE); // ≥ 0.95, red below 0.85
        assertThat(compliance.band(new BigDecimal("0.95"))).isEqualTo(Band.GREEN);
        assertThat(compliance.band(new BigDecimal("0.9499"))).isEqualTo(Band.AMBER);
        assertThat(compliance.band(new BigDecimal("0.85"))).isEqualTo(Band.AMBER);
        assertThat(compliance.band(new BigDecimal("0.8499"))).isEqualTo(Band.RED);
    }

    @Test
    void aValueWithoutAValueHasNoBandAndAnotherKpisValueIsRejected() {
        KpiDefinition churn = seed.get(KpiCatalogue.CHURN_RATE);
        assertThat(churn.band(KpiValue.ratio(churn.id(), KpiSamples.MARCH, 0, 0))).isEmpty();
        assertThatThrownBy(() -> churn.band(KpiValue.ratio(KpiCatalogue.CAPEX_RATIO, KpiSamples.MARCH, 1, 2)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("value.kpi");
    }

    @Test
    void everySeedScorecardNamesCatalogueKpisOnly() {
        for (ScorecardDefinition card : SeedScorecards.all()) {
            for (KpiId kpi : card.kpis()) {
                assertThat(seed.contains(kpi)).as(card.id() + " " + kpi).isTrue();
            }
        }
        assertThat(SeedScorecards.all()).extracting(ScorecardDefinition::id).doesNotHaveDuplicates()
                .contains("provisioning-account-manager", "provisioning-station-manager", "provisioning-station-executor",
                        "provisioning-it-support", "key-account-department", "network-centre", "marketing-centre");
        assertThat(SeedScorecards.all()).extracting(ScorecardDefinition::role).contains(Role.ACCOUNT_MANAGER,
                Role.STATION_MANAGER, Role.STATION_EXECUTOR, Role.IT_SUPPORT);
    }
}
