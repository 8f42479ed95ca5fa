package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.testing.NullArgumentsTester;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Sample KPI values for the domain's tests. */
public final class KpiSamples {

    /** The sample month. */
    public static final Period MARCH = Period.month(YearMonth.of(2026, 3));
    /** When the samples are recorded. */
    public static final Instant AT = Instant.parse("2026-04-01T02:00:00Z");

    private KpiSamples() {
    }

    /** The seed's churn-rate definition. @return the definition */
    public static KpiDefinition churn() {
        return KpiCatalogue.seed().get(KpiCatalogue.CHURN_RATE);
    }

    /** A churn-rate standing that recorded one amber month. @return the standing */
    public static KpiStanding standing() {
        KpiStanding standing = KpiStanding.open(KpiCatalogue.CHURN_RATE, SeedKpiUnits.KEY_ACCOUNT_DEPARTMENT);
        standing.record(churn(), KpiValue.ratio(KpiCatalogue.CHURN_RATE, MARCH, 4, 100), AT);
        return standing;
    }

    /**
     * Registers the area's samples, allowances and aliases with the domain's null-argument test.
     *
     * @param tester the tester
     */
    public static void register(NullArgumentsTester tester) {
        String reason = "a snapshot is validated by restore, which reports a null part as corrupt";
        tester.value(Band.class, () -> Band.RED)
                .value(KpiDefinition.class, KpiSamples::churn)
                .value(BillFact.class, () -> new BillFact("A-1/B-1", dev.keyline.domain.common.Money.cny("100.00"),
                        java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 15),
                        dev.keyline.domain.common.Money.cny("40.00")))
                .value(KpiCatalogue.class, KpiCatalogue::seed)
                .value(ScorecardDefinition.class, () -> SeedScorecards.KEY_ACCOUNT_DEPARTMENT)
                .value(KpiThresholds.class, () -> KpiThresholds.atMost("0.02", "0.03", "0.05"))
                .value(KpiStandingSnapshot.class, () -> standing().snapshot())
                .instance(KpiStanding.class, KpiSamples::standing)
                .argument(KpiDefinition.class, NullArgumentsTester.CONSTRUCTOR, "chineseName", () -> "客户流失率")
                .argument(ScorecardDefinition.class, NullArgumentsTester.CONSTRUCTOR, "lines",
                        () -> List.of(ScorecardLine.of(KpiCatalogue.CHURN_RATE, 1)))
                .argument(ScorecardDefinition.class, "of", "lines", () -> List.of(ScorecardLine.of(KpiCatalogue.CHURN_RATE, 1)))
                .argument(KpiThresholds.class, "atLeast", "target", () -> "0.9")
                .argument(KpiThresholds.class, "atLeast", "amberLimit", () -> "0.8")
                .argument(KpiThresholds.class, "atLeast", "redLimit", () -> "0.7")
                .argument(KpiThresholds.class, "atMost", "target", () -> "0.1")
                .argument(KpiThresholds.class, "atMost", "amberLimit", () -> "0.2")
                .argument(KpiThresholds.class, "atMost", "redLimit", () -> "0.3")
                .argument(KpiBandEntered.class, NullArgumentsTester.CONSTRUCTOR, "value", () -> new BigDecimal("0.04"))
                .argument(KpiBandRecovered.class, NullArgumentsTester.CONSTRUCTOR, "value", () -> new BigDecimal("0.01"))
                .nullableParameters(KpiStandingSnapshot.class, NullArgumentsTester.CONSTRUCTOR, reason)
                .argument(KpiStandingId.class, NullArgumentsTester.CONSTRUCTOR, "value",
                        () -> "churn-rate:key-account-department")
                .alias(KpiStandingId.class, NullArgumentsTester.CONSTRUCTOR, "value", "kpiStandingId",
                        "an identifier's one component is the whole id, so it is reported by the id's name");
    }
}
