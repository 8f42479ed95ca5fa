package dev.keyline.domain.kpi;

import static dev.keyline.domain.kpi.KpiFactGenerators.ZONE;
import static dev.keyline.domain.kpi.KpiFactGenerators.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link KpiComputation} over random facts around the first quarter of 2026
 * ({@link KpiFactGenerators}): values lie in their domain and agree with their numerator and
 * denominator, on-time facts never lower their KPI, a quarter is its months combined for the KPIs
 * that combine, the order and grouping of the facts do not matter, and the period's boundaries are
 * its local midnights.
 *
 * <p>Which KPIs combine over months: market-response compliance, fault-handling timeliness,
 * acceptance compliance and forecast accuracy count each fact in exactly the month its completion,
 * resolution, acceptance or forecast month falls in, so a quarter's numerator and denominator are
 * the sums of its months'. Churn does not: its denominator is the key accounts on the period's
 * first day, so an account that became key in January and left in February counts in February's
 * churn but not in the quarter's (see {@code KpiComputationTest}). Resource utilisation, CAPEX
 * ratio and CAPEX per line are end-of-period snapshots: every pool and CAPEX fact given counts,
 * whatever the period, so they are not summed over months either. The arrears rate does not
 * combine: its denominator (the amount billed in the period) sums over months, but its numerator is
 * what is overdue on the period's last day — a stock, not a flow — so a March bill overdue and
 * unpaid at the end of March counts in March's numerator and in the quarter's, but an amount
 * overdue at the end of January and paid in February counts in January's only. For the same reason
 * the arrears rate is not bounded by 1: bills of earlier periods still overdue raise the numerator
 * with nothing in the denominator. It lies in [0, 1] when every bill it counts as overdue was dated
 * within the period ({@link #theArrearsRateIsOverdueOnTheLastDayOverBilledInThePeriod}).
 */
class KpiComputationProperties {

    private static final Period QUARTER = Period.quarter(2026, 1);
    private static final Set<ComputedKpi> RATIOS_IN_0_1 = EnumSet.of(ComputedKpi.MARKET_RESPONSE_COMPLIANCE,
            ComputedKpi.FAULT_HANDLING_TIMELINESS, ComputedKpi.CHURN_RATE, ComputedKpi.FORECAST_ACCURACY,
            ComputedKpi.RESOURCE_UTILIZATION, ComputedKpi.ACCEPTANCE_COMPLIANCE);

    private static KpiComputation over(Period period, List<Object> facts) {
        KpiComputation computation = new KpiComputation(period, ZONE);
        facts.forEach(f -> feed(computation, f));
        return computation;
    }

    private static Period anyPeriod(int n) {
        return switch (n % 4) {
            case 0 -> Period.month(YearMonth.of(2026, 1 + n / 4 % 4));
            case 1 -> Period.month(YearMonth.of(2025, 12));
            case 2 -> QUARTER;
            default -> Period.year(2026);
        };
    }

    /** The seed's forecast-accuracy rule, written here on its own. */
    private static BigDecimal forecastRule(BigDecimal deviation, BigDecimal agreed) {
        if (agreed.signum() == 0) {
            return (deviation.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO).setScale(KpiValue.SCALE);
        }
        BigDecimal accuracy = BigDecimal.ONE.subtract(deviation.divide(agreed, 20, RoundingMode.HALF_EVEN));
        return accuracy.max(BigDecimal.ZERO).setScale(KpiValue.SCALE, RoundingMode.HALF_EVEN);
    }

    @Test
    void valuesLieInTheirDomainAndAgreeWithTheirNumeratorAndDenominator() {
        qt().withExamples(500).forAll(lists().of(KpiFactGenerators.facts()).ofSizeBetween(0, 60), integers().between(0, 99))
                .checkAssert((facts, p) -> {
                    KpiComputation computation = over(anyPeriod(p), facts);
                    for (ComputedKpi kpi : ComputedKpi.values()) {
                        KpiValue value = computation.value(kpi);
                        assertThat(value.kpi()).isEqualTo(kpi.id());
                        assertThat(value.numerator().signum()).as(kpi + " numerator").isGreaterThanOrEqualTo(0);
                        assertThat(value.denominator().signum()).as(kpi + " denominator").isGreaterThanOrEqualTo(0);
                        if (kpi == ComputedKpi.FORECAST_ACCURACY) {
                            assertThat(value.value()).as(kpi.toString())
                                    .contains(forecastRule(value.numerator(), value.denominator()));
                        } else if (value.denominator().signum() == 0) {
                            assertThat(value.value()).as(kpi + " with an empty denominator").isEmpty();
                        } else {
                            assertThat(value.value()).as(kpi.toString()).contains(value.numerator()
                                    .divide(value.denominator(), KpiValue.SCALE, RoundingMode.HALF_EVEN));
                        }
                        value.value().ifPresent(v -> {
                            assertThat(v.scale()).isEqualTo(KpiValue.SCALE);
                            assertThat(v.signum()).as(kpi.toString()).isGreaterThanOrEqualTo(0);
                            if (RATIOS_IN_0_1.contains(kpi)) {
                                assertThat(v).as(kpi.toString()).isLessThanOrEqualTo(BigDecimal.ONE);
                            }
                        });
                    }
                    assertThat(computation.values()).extracting(KpiValue::kpi)
                            .containsExactly(EnumSet.allOf(ComputedKpi.class).stream().map(ComputedKpi::id).toArray(KpiId[]::new));
                });
    }

    @Test
    void theArrearsRateIsOverdueOnTheLastDayOverBilledInThePeriod() {
        qt().withExamples(500).forAll(lists().of(KpiFactGenerators.bills()).ofSizeBetween(0, 40), integers().between(0, 99))
                .checkAssert((bills, p) -> {
                    Period period = anyPeriod(p);
                    LocalDate last = period.endExclusive().minusDays(1);
                    KpiComputation computation = new KpiComputation(period, ZONE);
                    bills.forEach(computation::accept);
                    BigDecimal overdue = BigDecimal.ZERO;
                    BigDecimal billed = BigDecimal.ZERO;
                    boolean onlyThisPeriodsBillsOverdue = true;
                    for (BillFact bill : bills) {
                        boolean inPeriod = !bill.billedOn().isBefore(period.start()) && bill.billedOn().isBefore(period.endExclusive());
                        if (inPeriod) {
                            billed = billed.add(bill.billed().amount());
                        }
                        if (!bill.billedOn().isAfter(last) && bill.due().isBefore(last) && bill.unpaid().amount().signum() > 0) {
                            overdue = overdue.add(bill.unpaid().amount());
                            onlyThisPeriodsBillsOverdue &= inPeriod;
                        }
                    }
                    KpiValue value = computation.value(ComputedKpi.ARREARS_RATE);
                    assertThat(value.numerator()).isEqualByComparingTo(overdue);
                    assertThat(value.denominator()).isEqualByComparingTo(billed);
                    assertThat(value.value().isPresent()).isEqualTo(billed.signum() > 0);
                    value.value().ifPresent(v -> assertThat(v.signum()).isGreaterThanOrEqualTo(0));
                    if (onlyThisPeriodsBillsOverdue) {
                        value.value().ifPresent(v -> assertThat(v).isLessThanOrEqualTo(BigDecimal.ONE));
                    }
                });
    }

    @Test
    void billsInTwoCurrenciesAreRefusedAndTheRefusedBillChangesNothing() {
        KpiComputation computation = new KpiComputation(QUARTER, ZONE);
        computation.accept(new BillFact("B-1", Money.ofCents(10_000, Money.CNY), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 20), Money.ofCents(10_000, Money.CNY)));
        List<KpiValue> before = computation.values();
        Currency usd = Currency.getInstance("USD");
        assertThatThrownBy(() -> computation.accept(new BillFact("B-2", Money.ofCents(500, usd), LocalDate.of(2026, 2, 5),
                LocalDate.of(2026, 2, 20), Money.ofCents(500, usd))))
                .isInstanceOf(dev.keyline.domain.common.InvalidArgumentException.class).hasMessageContaining("one currency");
        assertThat(computation.values()).isEqualTo(before);
        assertThat(computation.value(ComputedKpi.ARREARS_RATE).value()).contains(new BigDecimal("1.0000"));
    }

    @Test
    void anOnTimeCompletionResolutionOrAcceptanceNeverLowersItsKpi() {
        qt().withExamples(500).forAll(lists().of(KpiFactGenerators.facts()).ofSizeBetween(0, 60),
                        longs().between(0, Duration.ofDays(89).toSeconds()), longs().between(0, Duration.ofDays(30).toSeconds()))
                .checkAssert((facts, at, early) -> {
                    Instant closed = QUARTER.startAt(ZONE).plusSeconds(at);
                    Instant due = closed.plusSeconds(early);
                    List<Object> extras = List.of(new WorkOrderFact("ON-TIME", due, Optional.of(closed)),
                            new FaultFact("ON-TIME", due, Optional.of(closed)),
                            new AcceptanceFact("ON-TIME", due, Optional.of(closed)));
                    List<ComputedKpi> kpis = List.of(ComputedKpi.MARKET_RESPONSE_COMPLIANCE,
                            ComputedKpi.FAULT_HANDLING_TIMELINESS, ComputedKpi.ACCEPTANCE_COMPLIANCE);
                    KpiComputation before = over(QUARTER, facts);
                    for (int i = 0; i < extras.size(); i++) {
                        KpiComputation after = over(QUARTER, facts);
                        feed(after, extras.get(i));
                        ComputedKpi kpi = kpis.get(i);
                        KpiValue was = before.value(kpi);
                        KpiValue is = after.value(kpi);
                        assertThat(is.denominator()).isEqualTo(was.denominator().add(BigDecimal.ONE));
                        assertThat(is.numerator()).isEqualTo(was.numerator().add(BigDecimal.ONE));
                        assertThat(is.value()).isPresent();
                        was.value().ifPresent(v -> assertThat(is.value().get()).as(kpi.toString())
                                .isGreaterThanOrEqualTo(v));
                        // and no other KPI moves
                        for (ComputedKpi other : ComputedKpi.values()) {
                            if (other != kpi) {
                                assertThat(after.value(other)).isEqualTo(before.value(other));
                            }
                        }
                    }
                });
    }

    @Test
    void aQuarterIsItsMonthsCombinedForTheKpisThatCombine() {
        List<ComputedKpi> counted = List.of(ComputedKpi.MARKET_RESPONSE_COMPLIANCE, ComputedKpi.FAULT_HANDLING_TIMELINESS,
                ComputedKpi.ACCEPTANCE_COMPLIANCE);
        qt().withExamples(500).forAll(lists().of(KpiFactGenerators.additiveFacts()).ofSizeBetween(0, 80)).checkAssert(facts -> {
            KpiComputation quarter = over(QUARTER, facts);
            List<KpiComputation> months = QUARTER.months().stream().map(m -> over(Period.month(m), facts)).toList();
            for (ComputedKpi kpi : List.of(ComputedKpi.MARKET_RESPONSE_COMPLIANCE, ComputedKpi.FAULT_HANDLING_TIMELINESS,
                    ComputedKpi.ACCEPTANCE_COMPLIANCE, ComputedKpi.FORECAST_ACCURACY)) {
                BigDecimal numerator = months.stream().map(m -> m.value(kpi).numerator()).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal denominator = months.stream().map(m -> m.value(kpi).denominator())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                KpiValue value = quarter.value(kpi);
                assertThat(value.numerator()).as(kpi + " numerator").isEqualTo(numerator);
                assertThat(value.denominator()).as(kpi + " denominator").isEqualTo(denominator);
                Optional<BigDecimal> combined = counted.contains(kpi)
                        ? KpiValue.ratio(kpi.id(), QUARTER, numerator, denominator).value()
                        : Optional.of(forecastRule(numerator, denominator));
                assertThat(value.value()).as(kpi.toString()).isEqualTo(combined);
            }
        });
    }

    @Test
    void poolsAndCapexAreSnapshotsWhateverThePeriod() {
        qt().withExamples(300).forAll(lists().of(KpiFactGenerators.snapshotFacts()).ofSizeBetween(0, 20),
                integers().between(0, 99)).checkAssert((facts, p) -> {
                    KpiComputation quarter = over(QUARTER, facts);
                    KpiComputation other = over(anyPeriod(p), facts);
                    for (ComputedKpi kpi : List.of(ComputedKpi.RESOURCE_UTILIZATION, ComputedKpi.CAPEX_RATIO,
                            ComputedKpi.CAPEX_PER_LINE)) {
                        KpiValue a = quarter.value(kpi);
                        KpiValue b = other.value(kpi);
                        assertThat(b.numerator()).isEqualTo(a.numerator());
                        assertThat(b.denominator()).isEqualTo(a.denominator());
                        assertThat(b.value()).isEqualTo(a.value());
                    }
                });
    }

    @Test
    void anyOrderAndAnySplitOfTheFactsGiveTheSameValues() {
        qt().withExamples(300).forAll(lists().of(KpiFactGenerators.facts()).ofSizeBetween(0, 60), longs().all(),
                integers().between(0, 99)).checkAssert((facts, seed, p) -> {
                    Period period = anyPeriod(p);
                    List<KpiValue> values = over(period, facts).values();
                    List<Object> shuffled = new ArrayList<>(facts);
                    Collections.shuffle(shuffled, new Random(seed));
                    assertThat(over(period, shuffled).values()).isEqualTo(values);
                    int split = shuffled.isEmpty() ? 0 : (int) Math.floorMod(seed, (long) shuffled.size());
                    KpiComputation first = over(period, shuffled.subList(0, split));
                    KpiComputation second = over(period, shuffled.subList(split, shuffled.size()));
                    assertThat(first.add(second).values()).isEqualTo(values);
                });
    }

    @Test
    void theBoundariesAreTheLocalMidnightsOfTheZone() {
        List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZONE, ZoneId.of("America/New_York"), ZoneId.of("Pacific/Kiritimati"),
                ZoneId.of("America/Santiago"), ZoneId.of("Asia/Kolkata"));
        qt().withExamples(400).forAll(integers().between(0, zones.size() - 1), integers().between(0, 99),
                integers().between(2020, 2030)).checkAssert((z, p, year) -> {
                    ZoneId zone = zones.get(z);
                    Period period = switch (p % 3) {
                        case 0 -> Period.month(YearMonth.of(year, 1 + p % 12));
                        case 1 -> Period.quarter(year, 1 + p % 4);
                        default -> Period.year(year);
                    };
                    Instant start = period.start().atStartOfDay(zone).toInstant();
                    Instant end = period.endExclusive().atStartOfDay(zone).toInstant();
                    KpiComputation computation = new KpiComputation(period, zone);
                    Instant far = end.plus(Duration.ofDays(400));
                    for (Instant completed : List.of(start.minusNanos(1), start, end.minusNanos(1), end)) {
                        computation.accept(new WorkOrderFact("WO", far, Optional.of(completed)));
                        computation.accept(new FaultFact("F", completed, Optional.of(completed)));
                    }
                    // only start and end − 1 ns lie in the period
                    assertThat(computation.value(ComputedKpi.MARKET_RESPONSE_COMPLIANCE).denominator())
                            .isEqualByComparingTo("2");
                    assertThat(computation.value(ComputedKpi.FAULT_HANDLING_TIMELINESS).numerator())
                            .isEqualByComparingTo("2");
                });
    }
}
