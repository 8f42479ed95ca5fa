package dev.keyline.spi.kpi;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.LineBalance;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.BillFact;
import dev.keyline.domain.kpi.CapexFact;
import dev.keyline.domain.kpi.ForecastFact;
import dev.keyline.domain.kpi.ResponsibilityFact;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The facts of one stored aggregate, as every {@link KpiFactSource} reads them, so that each
 * provider reads the same facts from the same state: the forecasts of an SLA, the CAPEX of a
 * budget, the instant bounds of a key account's key days, a bill as the arrears rate sees it and
 * the four levels' responsibilities for a completed provisioning stage.
 */
public final class KpiFacts {

    private KpiFacts() {
    }

    /**
     * Whether an SLA's volumes count as a forecast: it was signed (any state but a draft).
     *
     * @param state the SLA's state
     * @return true unless the SLA is a draft
     * @throws InvalidArgumentException when the state is null
     */
    public static boolean forecasts(SlaState state) {
        return Require.nonNull(state, "state") != SlaState.DRAFT;
    }

    /**
     * Hands one fact per product and month of the SLA inside the period to the sink: the agreed
     * volume after amendments and the number of the product's orders with an order date in that
     * month. Nothing when the SLA is a draft.
     *
     * @param sla the SLA
     * @param period the period
     * @param sink receives the facts, by product in agreement order, then by month
     * @throws InvalidArgumentException when an argument is null
     */
    public static void forecastsOf(ServiceLevelAgreement sla, Period period, Consumer<? super ForecastFact> sink) {
        Require.nonNull(sla, "sla");
        Require.nonNull(period, "period");
        Require.nonNull(sink, "sink");
        if (!forecasts(sla.state())) {
            return;
        }
        List<YearMonth> months = sla.term().monthList();
        List<SlaOrder> orders = sla.orders();
        for (ServiceAgreement agreement : sla.agreements()) {
            List<Integer> agreed = sla.agreedVolumes(agreement.product());
            for (int i = 0; i < months.size(); i++) {
                YearMonth month = months.get(i);
                if (month.isBefore(period.firstMonth()) || month.isAfter(period.lastMonth())) {
                    continue;
                }
                long actual = orders.stream().filter(o -> o.product().equals(agreement.product())
                        && YearMonth.from(o.orderedOn()).equals(month)).count();
                sink.accept(new ForecastFact(agreement.product().value(), month, agreed.get(i), actual));
            }
        }
    }

    /**
     * Whether a budget's CAPEX counts: it was issued (or its year closed) and belongs to the year.
     *
     * @param status the budget's status
     * @param fiscalYear the budget's fiscal year
     * @param period the period
     * @return true when issued or closed and of the period's year
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean countsCapex(BudgetStatus status, int fiscalYear, Period period) {
        Require.nonNull(status, "status");
        Require.nonNull(period, "period");
        return (status == BudgetStatus.ISSUED || status == BudgetStatus.CLOSED) && fiscalYear == period.year();
    }

    /**
     * A budget's CAPEX: the issued amount of its CAPEX lines (planned amount plus approved
     * revisions) and the actuals booked on them, with 0 lines in service (no area stores them; the
     * host gives its count to the computation as a {@link dev.keyline.domain.kpi.LinesInServiceFact}).
     *
     * @param budget the budget
     * @return the fact
     * @throws InvalidArgumentException when the budget is null
     */
    public static CapexFact capexOf(Budget budget) {
        Require.nonNull(budget, "budget");
        BigDecimal issued = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        Currency currency = budget.totalIssued().currency();
        for (BudgetLine line : budget.lines()) {
            if (line.kind() == LineKind.CAPEX) {
                LineBalance balance = budget.balance(line.id());
                issued = issued.add(balance.issued().amount());
                actual = actual.add(balance.actual().amount());
            }
        }
        return new CapexFact(Money.of(issued, currency), Money.of(actual, currency), 0);
    }

    /**
     * The first instant after the period's first day: a key account registered before it was a key
     * account on that day.
     *
     * @param period the period
     * @param zone the zone
     * @return the local midnight that ends the period's first day
     * @throws InvalidArgumentException when an argument is null
     */
    public static Instant registeredBefore(Period period, ZoneId zone) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        return period.start().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The day an instant falls on in a zone.
     *
     * @param at the instant
     * @param zone the zone
     * @return the local date
     * @throws InvalidArgumentException when an argument is null
     */
    public static LocalDate dayOf(Instant at, ZoneId zone) {
        Require.nonNull(at, "at");
        Require.nonNull(zone, "zone");
        return LocalDate.ofInstant(at, zone);
    }

    /**
     * A key account's days as a fact.
     *
     * @param id the account's id
     * @param registeredAt when it was registered
     * @param exitedAt when it exited, empty while it stays
     * @param zone the zone of its days
     * @return the fact
     * @throws InvalidArgumentException when an argument is null
     */
    public static AccountFact account(String id, Instant registeredAt,
            Optional<Instant> exitedAt, ZoneId zone) {
        Require.nonNull(id, "id");
        Require.nonNull(registeredAt, "registeredAt");
        Require.nonNull(exitedAt, "exitedAt");
        Require.nonNull(zone, "zone");
        return new AccountFact(id, dayOf(registeredAt, zone), exitedAt.map(e -> dayOf(e, zone)));
    }

    /**
     * The last day of a period: the day on which the arrears rate's receivables are read.
     *
     * @param period the period
     * @return the day before the period's exclusive end
     * @throws InvalidArgumentException when the period is null
     */
    public static LocalDate lastDay(Period period) {
        return Require.nonNull(period, "period").endExclusive().minusDays(1);
    }

    /**
     * A bill of the billing area's arrears facts as the arrears rate sees it on a period's last day.
     *
     * @param account the account's id
     * @param bill the bill's id within the account
     * @param amount the billed amount
     * @param billedOn the bill date
     * @param due the due date
     * @param settled what was paid or written off of it on or before the period's last day
     * @return the fact, its id {@code account/bill}, its unpaid amount {@code amount − settled}
     * @throws InvalidArgumentException when an argument is null or the amounts are inconsistent
     */
    public static BillFact bill(String account, String bill, Money amount, LocalDate billedOn, LocalDate due,
            Money settled) {
        Require.nonNull(account, "account");
        Require.nonNull(bill, "bill");
        Require.nonNull(amount, "amount");
        Require.nonNull(settled, "settled");
        return new BillFact(account + "/" + bill, amount, billedOn, due, amount.minus(settled));
    }

    /**
     * Whether a bill counts for a period's arrears rate: dated within the period, or overdue and
     * unpaid on its last day.
     *
     * @param fact the bill
     * @param period the period
     * @return true when the bill adds to the billed amount or to the overdue receivables
     * @throws InvalidArgumentException when an argument is null
     */
    public static boolean countsForArrears(BillFact fact, Period period) {
        Require.nonNull(fact, "fact");
        Require.nonNull(period, "period");
        return period.contains(fact.billedOn()) || fact.overdueOn(lastDay(period));
    }
    /**
     * Hands the four levels' responsibilities for one completed provisioning stage to the sink, in
     * the order account manager, station manager, station executor, IT support: each completed
     * when the stage was done, on time when it was done by its due time.
     *
     * @param order the work order's id
     * @param stage the stage's id
     * @param accountManager the order's account manager
     * @param stationManager the stage's station manager
     * @param executor the stage's executor
     * @param itSupport the order's IT support
     * @param due when the stage was due, holds credited
     * @param done when the stage was done
     * @param sink receives the four facts
     * @throws InvalidArgumentException when an argument is null, blank or too long
     */
    public static void responsibilitiesOf(String order, String stage, String accountManager, String stationManager,
            String executor, String itSupport, Instant due, Instant done, Consumer<? super ResponsibilityFact> sink) {
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(stationManager, "stationManager");
        Require.nonNull(executor, "executor");
        Require.nonNull(itSupport, "itSupport");
        Require.nonNull(due, "due");
        Require.nonNull(done, "done");
        Require.nonNull(sink, "sink");
        boolean onTime = !done.isAfter(due);
        List<ResponsibilityFact> facts = List.of(
                new ResponsibilityFact(order, stage, Role.ACCOUNT_MANAGER, accountManager, done, onTime),
                new ResponsibilityFact(order, stage, Role.STATION_MANAGER, stationManager, done, onTime),
                new ResponsibilityFact(order, stage, Role.STATION_EXECUTOR, executor, done, onTime),
                new ResponsibilityFact(order, stage, Role.IT_SUPPORT, itSupport, done, onTime));
        facts.forEach(sink);
    }
}
