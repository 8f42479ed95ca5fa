package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The computation of every {@link ComputedKpi} for one period, fed one fact at a time: it keeps
 * only running sums, so its memory does not grow with the number of facts, and the same facts give
 * the same values in any order.
 *
 * <p>Which facts count: a work order, fault or acceptance when it was completed, resolved or
 * accepted within the period; an account when it was a key account on the period's first day
 * ({@link AccountFact#keyOn}), counted as churned when it left within the period; a forecast when
 * its month lies in the period; every pool and CAPEX fact given (they describe the period's end);
 * the host's count of lines in service ({@link LinesInServiceFact}) with the CAPEX facts' lines;
 * a bill ({@link BillFact}) in the billed amount when its bill date lies in the period, and in the
 * overdue receivables with its unpaid amount when it is {@linkplain BillFact#overdueOn overdue} on
 * the period's last day, whenever it was billed.
 * Instants are placed in the period by its local midnights in the computation's time zone.
 *
 * <p>Not thread-safe: feed it from one thread, or give each thread its own and {@link #add} them.
 */
public final class KpiComputation {

    private final Period period;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;
    private final LocalDate firstDay;
    private final LocalDate endDay;
    private final YearMonth firstMonth;
    private final YearMonth lastMonth;

    private long ordersCompleted;
    private long ordersOnTime;
    private long faultsResolved;
    private long faultsInTime;
    private long accountsAtStart;
    private long accountsLeft;
    private long forecastDeviation;
    private long forecastAgreed;
    private long forecastActual;
    private long poolCapacity;
    private long poolAllocated;
    private Currency capexCurrency;
    private BigDecimal capexBudget = BigDecimal.ZERO;
    private BigDecimal capexActual = BigDecimal.ZERO;
    private long linesInService;
    private long projectsAccepted;
    private long projectsInTime;
    private Currency billCurrency;
    private BigDecimal billed = BigDecimal.ZERO;
    private BigDecimal overdue = BigDecimal.ZERO;
    private final LocalDate lastDay;

    /**
     * A computation with no facts yet.
     *
     * @param period the period
     * @param zone the time zone whose local midnights bound the period
     * @throws InvalidArgumentException when an argument is null
     */
    public KpiComputation(Period period, ZoneId zone) {
        this.period = Require.nonNull(period, "period");
        this.zone = Require.nonNull(zone, "zone");
        this.start = period.startAt(zone);
        this.end = period.endAt(zone);
        this.firstDay = period.start();
        this.endDay = period.endExclusive();
        this.lastDay = endDay.minusDays(1);
        this.firstMonth = period.firstMonth();
        this.lastMonth = period.lastMonth();
    }

    /**
     * The period computed.
     *
     * @return the period
     */
    public Period period() {
        return period;
    }

    /**
     * The time zone of the period's boundaries.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    private boolean inPeriod(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /**
     * Feeds a work order.
     *
     * @param fact the work order
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(WorkOrderFact fact) {
        Require.nonNull(fact, "fact");
        if (fact.completed().isPresent() && inPeriod(fact.completed().get())) {
            ordersCompleted++;
            if (fact.completedOnTime()) {
                ordersOnTime++;
            }
        }
    }

    /**
     * Feeds a fault.
     *
     * @param fact the fault
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(FaultFact fact) {
        Require.nonNull(fact, "fact");
        if (fact.resolved().isPresent() && inPeriod(fact.resolved().get())) {
            faultsResolved++;
            if (fact.resolvedInTime()) {
                faultsInTime++;
            }
        }
    }

    /**
     * Feeds a key account.
     *
     * @param fact the account
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(AccountFact fact) {
        Require.nonNull(fact, "fact");
        if (fact.keyOn(firstDay)) {
            accountsAtStart++;
            if (fact.leftOn().isPresent() && fact.leftOn().get().isBefore(endDay)) {
                accountsLeft++;
            }
        }
    }

    /**
     * Feeds one product's forecast for one month.
     *
     * @param fact the forecast
     * @throws InvalidArgumentException when the fact is null or would make a sum overflow 64 bits;
     *     then nothing is counted
     */
    public void accept(ForecastFact fact) {
        Require.nonNull(fact, "fact");
        if (!fact.month().isBefore(firstMonth) && !fact.month().isAfter(lastMonth)) {
            long deviation = sum(forecastDeviation, fact.deviation(), "fact", "forecast deviations");
            long agreed = sum(forecastAgreed, fact.agreed(), "fact", "agreed volumes");
            long actual = sum(forecastActual, fact.actual(), "fact", "actual volumes");
            forecastDeviation = deviation;
            forecastAgreed = agreed;
            forecastActual = actual;
        }
    }

    /**
     * Feeds a resource pool at the period's end.
     *
     * @param fact the pool
     * @throws InvalidArgumentException when the fact is null or would make a sum overflow 64 bits;
     *     then nothing is counted
     */
    public void accept(PoolFact fact) {
        Require.nonNull(fact, "fact");
        long capacity = sum(poolCapacity, fact.capacity(), "fact", "pool capacities");
        long allocated = sum(poolAllocated, fact.allocated(), "fact", "allocated units");
        poolCapacity = capacity;
        poolAllocated = allocated;
    }

    /**
     * Feeds CAPEX budgeted and spent, and lines in service.
     *
     * @param fact the CAPEX
     * @throws InvalidArgumentException when the fact is null, in another currency than earlier
     *     CAPEX facts, or would make the lines in service overflow 64 bits; then nothing is counted
     */
    public void accept(CapexFact fact) {
        Require.nonNull(fact, "fact");
        Currency currency = fact.budget().currency();
        Require.that(capexCurrency == null || capexCurrency.equals(currency), "fact",
                () -> "CAPEX must be in one currency, " + capexCurrency + ", but a fact was in " + currency);
        long lines = sum(linesInService, fact.linesInService(), "fact", "lines in service");
        capexCurrency = currency;
        capexBudget = capexBudget.add(fact.budget().amount());
        capexActual = capexActual.add(fact.actual().amount());
        linesInService = lines;
    }

    /**
     * Feeds the lines in service at the period's end as the host counts them: they are added to the
     * lines of the CAPEX facts, the denominator of CAPEX per line.
     *
     * @param fact the lines in service
     * @throws InvalidArgumentException when the fact is null or would make the lines in service
     *     overflow 64 bits; then nothing is counted
     */
    public void accept(LinesInServiceFact fact) {
        Require.nonNull(fact, "fact");
        linesInService = sum(linesInService, fact.lines(), "fact", "lines in service");
    }

    /**
     * Feeds a construction project's acceptance.
     *
     * @param fact the project
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(AcceptanceFact fact) {
        Require.nonNull(fact, "fact");
        if (fact.accepted().isPresent() && inPeriod(fact.accepted().get())) {
            projectsAccepted++;
            if (fact.acceptedInTime()) {
                projectsInTime++;
            }
        }
    }

    /**
     * Feeds a bill, with what was unpaid of it on the period's last day.
     *
     * @param fact the bill
     * @throws InvalidArgumentException when the fact is null or in another currency than earlier
     *     bills; then nothing is counted
     */
    public void accept(BillFact fact) {
        Require.nonNull(fact, "fact");
        Currency currency = fact.billed().currency();
        Require.that(billCurrency == null || billCurrency.equals(currency), "fact",
                () -> "bills must be in one currency, " + billCurrency + ", but a bill was in " + currency);
        boolean inPeriod = !fact.billedOn().isBefore(firstDay) && fact.billedOn().isBefore(endDay);
        boolean overdueAtEnd = fact.overdueOn(lastDay);
        billCurrency = currency;
        if (inPeriod) {
            billed = billed.add(fact.billed().amount());
        }
        if (overdueAtEnd) {
            overdue = overdue.add(fact.unpaid().amount());
        }
    }

    /**
     * Adds another computation's facts to this one, as if they had been fed here.
     *
     * @param other a computation of the same period and zone
     * @return this computation
     * @throws InvalidArgumentException when the other computation is null, of another period or
     *     zone, its CAPEX is in another currency, or a sum would overflow 64 bits; then nothing is
     *     added
     */
    public KpiComputation add(KpiComputation other) {
        Require.nonNull(other, "other");
        Require.same(period, other.period, "other.period");
        Require.same(zone, other.zone, "other.zone");
        if (other.billCurrency != null) {
            Require.that(billCurrency == null || billCurrency.equals(other.billCurrency), "other",
                    () -> "bills must be in one currency, " + billCurrency + ", but the other's were in " + other.billCurrency);
        }
        if (other.capexCurrency != null) {
            Require.that(capexCurrency == null || capexCurrency.equals(other.capexCurrency), "other",
                    () -> "CAPEX must be in one currency, " + capexCurrency + ", but the other was in " + other.capexCurrency);
        }
        // every sum is checked before any is changed, so a refused addition changes nothing
        long deviation = sum(forecastDeviation, other.forecastDeviation, "other", "forecast deviations");
        long agreed = sum(forecastAgreed, other.forecastAgreed, "other", "agreed volumes");
        long actual = sum(forecastActual, other.forecastActual, "other", "actual volumes");
        long capacity = sum(poolCapacity, other.poolCapacity, "other", "pool capacities");
        long allocated = sum(poolAllocated, other.poolAllocated, "other", "allocated units");
        long lines = sum(linesInService, other.linesInService, "other", "lines in service");
        if (other.capexCurrency != null) {
            capexCurrency = other.capexCurrency;
        }
        if (other.billCurrency != null) {
            billCurrency = other.billCurrency;
        }
        billed = billed.add(other.billed);
        overdue = overdue.add(other.overdue);
        ordersCompleted += other.ordersCompleted;
        ordersOnTime += other.ordersOnTime;
        faultsResolved += other.faultsResolved;
        faultsInTime += other.faultsInTime;
        accountsAtStart += other.accountsAtStart;
        accountsLeft += other.accountsLeft;
        forecastDeviation = deviation;
        forecastAgreed = agreed;
        forecastActual = actual;
        poolCapacity = capacity;
        poolAllocated = allocated;
        capexBudget = capexBudget.add(other.capexBudget);
        capexActual = capexActual.add(other.capexActual);
        linesInService = lines;
        projectsAccepted += other.projectsAccepted;
        projectsInTime += other.projectsInTime;
        return this;
    }

    /** {@code a + b}, or an {@link InvalidArgumentException} naming {@code name} when it overflows. */
    private static long sum(long a, long b, String name, String what) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw new InvalidArgumentException(name, "would make the period's sum of " + what
                    + " overflow a 64-bit number (" + a + " + " + b + "); nothing was changed");
        }
        return sum;
    }

    /**
     * One KPI's value from the facts fed so far.
     *
     * @param kpi the KPI
     * @return its value for the period, with numerator and denominator
     * @throws InvalidArgumentException when the KPI is null
     */
    public KpiValue value(ComputedKpi kpi) {
        Require.nonNull(kpi, "kpi");
        KpiId id = kpi.id();
        return switch (kpi) {
            case MARKET_RESPONSE_COMPLIANCE -> KpiValue.ratio(id, period, ordersOnTime, ordersCompleted);
            case FAULT_HANDLING_TIMELINESS -> KpiValue.ratio(id, period, faultsInTime, faultsResolved);
            case CHURN_RATE -> KpiValue.ratio(id, period, accountsLeft, accountsAtStart);
            case FORECAST_ACCURACY -> forecastAccuracy(id);
            case RESOURCE_UTILIZATION -> KpiValue.ratio(id, period, poolAllocated, poolCapacity);
            case CAPEX_RATIO -> KpiValue.ratio(id, period, capexActual, capexBudget);
            case CAPEX_PER_LINE -> KpiValue.ratio(id, period, capexActual, BigDecimal.valueOf(linesInService));
            case ACCEPTANCE_COMPLIANCE -> KpiValue.ratio(id, period, projectsInTime, projectsAccepted);
            case ARREARS_RATE -> KpiValue.ratio(id, period, overdue, billed);
        };
    }

    private KpiValue forecastAccuracy(KpiId id) {
        BigDecimal numerator = BigDecimal.valueOf(forecastDeviation);
        BigDecimal denominator = BigDecimal.valueOf(forecastAgreed);
        Optional<BigDecimal> value;
        if (forecastAgreed == 0) {
            value = Optional.of(forecastActual == 0 ? BigDecimal.ONE : BigDecimal.ZERO);
        } else {
            BigDecimal accuracy = BigDecimal.ONE.subtract(
                    numerator.divide(denominator, KpiValue.SCALE, java.math.RoundingMode.HALF_EVEN));
            value = Optional.of(accuracy.signum() < 0 ? BigDecimal.ZERO : accuracy);
        }
        return KpiValue.of(id, period, numerator, denominator, value);
    }

    /**
     * Every computed KPI's value, in {@link ComputedKpi} order.
     *
     * @return the values
     */
    public List<KpiValue> values() {
        List<KpiValue> values = new ArrayList<>();
        for (ComputedKpi kpi : ComputedKpi.values()) {
            values.add(value(kpi));
        }
        return List.copyOf(values);
    }

    /**
     * The currency of the CAPEX fed so far.
     *
     * @return the currency, empty when no CAPEX fact was fed
     */
    public Optional<Currency> capexCurrency() {
        return Optional.ofNullable(capexCurrency);
    }

    @Override
    public String toString() {
        return "KpiComputation[" + period + " in " + zone + "]";
    }

}
