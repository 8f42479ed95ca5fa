package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import java.math.BigDecimal;
import java.util.Currency;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each formula of {@link KpiComputation} on a few facts, with the figures worked out by hand in
 * the comments. March 2026 in Asia/Shanghai runs from 2026-02-28T16:00:00Z to 2026-03-31T16:00:00Z.
 */
class KpiComputationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Period MARCH = Period.month(YearMonth.of(2026, 3));

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static KpiComputation march() {
        return new KpiComputation(MARCH, SHANGHAI);
    }

    private static void assertValue(KpiValue value, String numerator, String denominator, String expected) {
        assertThat(value.numerator()).isEqualByComparingTo(numerator);
        assertThat(value.denominator()).isEqualByComparingTo(denominator);
        if (expected == null) {
            assertThat(value.value()).isEmpty();
        } else {
            assertThat(value.value()).contains(new BigDecimal(expected));
        }
    }

    @Test
    void marketResponseComplianceCountsCompletionsInThePeriodByTheirCommittedTime() {
        KpiComputation c = march();
        Instant committed = at("2026-03-10T10:00:00Z");
        c.accept(new WorkOrderFact("on-time", committed, Optional.of(at("2026-03-10T09:00:00Z"))));
        c.accept(new WorkOrderFact("exactly", committed, Optional.of(committed)));
        c.accept(new WorkOrderFact("late", committed, Optional.of(at("2026-03-10T10:00:01Z"))));
        c.accept(new WorkOrderFact("open", committed, Optional.empty()));
        c.accept(new WorkOrderFact("april", at("2026-04-30T00:00:00Z"), Optional.of(at("2026-03-31T16:00:00Z"))));
        c.accept(new WorkOrderFact("first-instant", at("2026-03-02T00:00:00Z"), Optional.of(at("2026-02-28T16:00:00Z"))));
        // completed in March: on-time, exactly, late, first-instant; by their time: 3 of 4
        assertValue(c.value(ComputedKpi.MARKET_RESPONSE_COMPLIANCE), "3", "4", "0.7500");
    }

    @Test
    void faultHandlingTimelinessCountsResolutionsInThePeriodByTheirDeadline() {
        KpiComputation c = march();
        Instant deadline = at("2026-03-05T00:00:00Z");
        c.accept(new FaultFact("in-time", deadline, Optional.of(at("2026-03-04T00:00:00Z"))));
        c.accept(new FaultFact("late-1", deadline, Optional.of(at("2026-03-06T00:00:00Z"))));
        c.accept(new FaultFact("late-2", deadline, Optional.of(at("2026-03-31T15:59:59Z"))));
        c.accept(new FaultFact("february", deadline, Optional.of(at("2026-02-28T15:59:59Z"))));
        // resolved in March: 3, in time 1: 0.33333 → 0.3333
        assertValue(c.value(ComputedKpi.FAULT_HANDLING_TIMELINESS), "1", "3", "0.3333");
    }

    @Test
    void acceptanceComplianceCountsAcceptancesInThePeriodByTheirDueTime() {
        KpiComputation c = march();
        c.accept(new AcceptanceFact("P-1", at("2026-03-20T00:00:00Z"), Optional.of(at("2026-03-19T00:00:00Z"))));
        c.accept(new AcceptanceFact("P-2", at("2026-03-01T00:00:00Z"), Optional.of(at("2026-03-19T00:00:00Z"))));
        c.accept(new AcceptanceFact("P-3", at("2026-03-01T00:00:00Z"), Optional.empty()));
        assertValue(c.value(ComputedKpi.ACCEPTANCE_COMPLIANCE), "1", "2", "0.5000");
    }

    @Test
    void churnCountsAccountsKeyOnTheFirstDayThatLeftWithinThePeriod() {
        KpiComputation c = march();
        LocalDate long_ago = LocalDate.of(2024, 1, 1);
        c.accept(new AccountFact("stays", long_ago, Optional.empty()));
        c.accept(new AccountFact("leaves", long_ago, Optional.of(LocalDate.of(2026, 3, 31))));
        c.accept(new AccountFact("leaves-first-day", long_ago, Optional.of(LocalDate.of(2026, 3, 1))));
        c.accept(new AccountFact("leaves-april", long_ago, Optional.of(LocalDate.of(2026, 4, 1))));
        c.accept(new AccountFact("key-on-first-day", LocalDate.of(2026, 3, 1), Optional.empty()));
        c.accept(new AccountFact("key-later", LocalDate.of(2026, 3, 2), Optional.of(LocalDate.of(2026, 3, 3))));
        c.accept(new AccountFact("gone-before", long_ago, Optional.of(LocalDate.of(2026, 2, 28))));
        // key on 1 March: stays, leaves, leaves-first-day, leaves-april, key-on-first-day = 5; left in March: 2
        assertValue(c.value(ComputedKpi.CHURN_RATE), "2", "5", "0.4000");
    }

    @Test
    void churnOverAQuarterIsNotItsMonthsCombined() {
        // Key from 15 January, left 10 February: not key on 1 January, so not in the quarter's churn,
        // but key on 1 February and left in it, so February's churn is 1 / 1.
        AccountFact account = new AccountFact("C", LocalDate.of(2026, 1, 15), Optional.of(LocalDate.of(2026, 2, 10)));
        KpiComputation quarter = new KpiComputation(Period.quarter(2026, 1), SHANGHAI);
        KpiComputation february = new KpiComputation(Period.month(YearMonth.of(2026, 2)), SHANGHAI);
        quarter.accept(account);
        february.accept(account);
        assertValue(quarter.value(ComputedKpi.CHURN_RATE), "0", "0", null);
        assertValue(february.value(ComputedKpi.CHURN_RATE), "1", "1", "1.0000");
    }

    @Test
    void forecastAccuracyFollowsTheBriefsRule() {
        KpiComputation c = march();
        c.accept(new ForecastFact("DDN", YearMonth.of(2026, 3), 100, 90));
        c.accept(new ForecastFact("MPLS", YearMonth.of(2026, 3), 50, 65));
        c.accept(new ForecastFact("DDN", YearMonth.of(2026, 4), 100, 0));
        // 1 − (10 + 15) / 150 = 0.83333 → 0.8333
        assertValue(c.value(ComputedKpi.FORECAST_ACCURACY), "25", "150", "0.8333");

        KpiComputation off = march();
        off.accept(new ForecastFact("DDN", YearMonth.of(2026, 3), 10, 35));
        // 1 − 25 / 10 < 0: 0
        assertValue(off.value(ComputedKpi.FORECAST_ACCURACY), "25", "10", "0.0000");

        KpiComputation none = march();
        // both sums 0: 1
        assertValue(none.value(ComputedKpi.FORECAST_ACCURACY), "0", "0", "1.0000");
        none.accept(new ForecastFact("DDN", YearMonth.of(2026, 3), 0, 0));
        assertValue(none.value(ComputedKpi.FORECAST_ACCURACY), "0", "0", "1.0000");

        KpiComputation unforecast = march();
        unforecast.accept(new ForecastFact("DDN", YearMonth.of(2026, 3), 0, 4));
        // only the agreed sum 0: 0
        assertValue(unforecast.value(ComputedKpi.FORECAST_ACCURACY), "4", "0", "0.0000");
    }

    @Test
    void utilisationSumsAllocatedOverCapacityHalfEven() {
        KpiComputation c = march();
        c.accept(new PoolFact("KM", 100, 75));
        c.accept(new PoolFact("SZ", 60, 30));
        c.accept(new PoolFact("empty", 0, 0));
        // 105 / 160 = 0.65625, a tie rounded to the even 0.6562
        assertValue(c.value(ComputedKpi.RESOURCE_UTILIZATION), "105", "160", "0.6562");
    }

    @Test
    void capexRatioAndCapexPerLine() {
        KpiComputation c = march();
        c.accept(new CapexFact(Money.cny("600000"), Money.cny("500000.50"), 300));
        c.accept(new CapexFact(Money.cny("400000"), Money.cny("375000"), 200));
        // 875,000.50 / 1,000,000 = 0.8750005 → 0.8750; per line 875,000.50 / 500 = 1750.001 → 1750.0010
        assertValue(c.value(ComputedKpi.CAPEX_RATIO), "875000.50", "1000000", "0.8750");
        assertValue(c.value(ComputedKpi.CAPEX_PER_LINE), "875000.50", "500", "1750.0010");
        assertThat(c.capexCurrency()).contains(Money.CNY);
    }

    @Test
    void noFactsGiveNoValueButForecastAccuracy() {
        for (KpiValue value : march().values()) {
            if (value.kpi().equals(ComputedKpi.FORECAST_ACCURACY.id())) {
                assertThat(value.value()).contains(new BigDecimal("1.0000"));
            } else {
                assertThat(value.value()).as(value.kpi().value()).isEmpty();
                assertThat(value.denominator().signum()).isZero();
            }
        }
    }

    @Test
    void aFactOrComputationThatWouldOverflowASumIsRefusedAndChangesNothing() {
        KpiComputation c = march();
        c.accept(new ForecastFact("BIG", YearMonth.of(2026, 3), Long.MAX_VALUE, Long.MAX_VALUE));
        // deviation 1 fits, the agreed sum does not: neither may change
        assertThatThrownBy(() -> c.accept(new ForecastFact("ONE", YearMonth.of(2026, 3), 1, 0)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("agreed volumes")
                .hasMessageContaining("nothing was changed");
        assertValue(c.value(ComputedKpi.FORECAST_ACCURACY), "0", String.valueOf(Long.MAX_VALUE), "1.0000");

        c.accept(new CapexFact(Money.cny("10"), Money.cny("5"), Long.MAX_VALUE));
        assertThatThrownBy(() -> c.accept(new CapexFact(Money.cny("10"), Money.cny("5"), 1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lines in service");
        assertValue(c.value(ComputedKpi.CAPEX_RATIO), "5", "10", "0.5000");

        KpiComputation other = march();
        other.accept(new WorkOrderFact("W", at("2026-03-10T00:00:00Z"), Optional.of(at("2026-03-09T00:00:00Z"))));
        other.accept(new PoolFact("P", 10, 5));
        other.accept(new CapexFact(Money.cny("1"), Money.cny("1"), 1));
        // the work orders and pools fit, the lines in service do not: nothing is added
        assertThatThrownBy(() -> c.add(other)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("other").hasMessageContaining("lines in service");
        assertValue(c.value(ComputedKpi.MARKET_RESPONSE_COMPLIANCE), "0", "0", null);
        assertValue(c.value(ComputedKpi.FORECAST_ACCURACY), "0", String.valueOf(Long.MAX_VALUE), "1.0000");
        assertValue(c.value(ComputedKpi.RESOURCE_UTILIZATION), "0", "0", null);
        assertValue(c.value(ComputedKpi.CAPEX_RATIO), "5", "10", "0.5000");
    }

    @Test
    void addingComputationsRequiresTheSamePeriodZoneAndCurrency() {
        KpiComputation a = march();
        assertThatThrownBy(() -> a.add(new KpiComputation(Period.month(YearMonth.of(2026, 4)), SHANGHAI)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("other.period");
        assertThatThrownBy(() -> a.add(new KpiComputation(MARCH, ZoneId.of("UTC"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("other.zone");
        a.accept(new CapexFact(Money.cny("1"), Money.cny("1"), 1));
        KpiComputation usd = march();
        Currency dollars = Currency.getInstance("USD");
        usd.accept(new CapexFact(Money.of(BigDecimal.ONE, dollars), Money.of(BigDecimal.ONE, dollars), 1));
        assertThatThrownBy(() -> a.add(usd)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("one currency");
        assertThatThrownBy(() -> a.accept(new CapexFact(Money.of(BigDecimal.ONE, dollars), Money.of(BigDecimal.ONE, dollars), 1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("one currency");
        // the refused fact and computation changed nothing
        assertValue(a.value(ComputedKpi.CAPEX_RATIO), "1", "1", "1.0000");
    }

    private static BillFact bill(String id, String amount, String billedOn, String due, String unpaid) {
        return new BillFact(id, Money.cny(amount), LocalDate.parse(billedOn), LocalDate.parse(due), Money.cny(unpaid));
    }

    @Test
    void arrearsRateIsWhatIsOverdueOnTheLastDayOverWhatWasBilledInThePeriod() {
        KpiComputation c = march();
        // February bill, due 10 March, 300 of 1000 unpaid on 31 March: overdue, not billed in March
        c.accept(bill("A/B-1", "1000.00", "2026-02-20", "2026-03-10", "300.00"));
        // March bill, due 15 March, 200 of 500 unpaid: billed in March and overdue
        c.accept(bill("A/B-2", "500.00", "2026-03-01", "2026-03-15", "200.00"));
        // March bill, due 31 March (not before the last day): billed, not overdue
        c.accept(bill("A/B-3", "1500.00", "2026-03-20", "2026-03-31", "1500.00"));
        // March bill wholly paid: billed, nothing overdue
        c.accept(bill("A/B-4", "2000.00", "2026-03-02", "2026-03-12", "0.00"));
        // April bill: neither
        c.accept(bill("A/B-5", "900.00", "2026-04-01", "2026-04-05", "900.00"));
        // overdue 300 + 200 = 500; billed 500 + 1500 + 2000 = 4000; 500 / 4000 = 0.125
        assertValue(c.value(ComputedKpi.ARREARS_RATE), "500.00", "4000.00", "0.1250");

        KpiComputation onlyOld = march();
        onlyOld.accept(bill("A/B-1", "1000.00", "2026-02-20", "2026-03-10", "300.00"));
        // nothing billed in March: no value, although 300 is overdue
        assertValue(onlyOld.value(ComputedKpi.ARREARS_RATE), "300.00", "0", null);
        onlyOld.accept(bill("A/B-6", "100.00", "2026-03-30", "2026-04-29", "100.00"));
        // old arrears over a small month: above 1
        assertValue(onlyOld.value(ComputedKpi.ARREARS_RATE), "300.00", "100.00", "3.0000");
    }

    @Test
    void aBillCannotOweMoreThanItsAmountNorFallDueBeforeItsDate() {
        assertThatThrownBy(() -> bill("A/B-1", "100.00", "2026-03-01", "2026-03-10", "100.01"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("unpaid");
        assertThatThrownBy(() -> bill("A/B-1", "100.00", "2026-03-01", "2026-02-28", "10.00"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("due");
    }
}
