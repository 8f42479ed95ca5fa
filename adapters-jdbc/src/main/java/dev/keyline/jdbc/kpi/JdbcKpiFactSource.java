package dev.keyline.jdbc.kpi;

import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.AcceptanceFact;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.BillFact;
import dev.keyline.domain.kpi.CapexFact;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.FaultFact;
import dev.keyline.domain.kpi.ForecastFact;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.PoolFact;
import dev.keyline.domain.kpi.ResponsibilityFact;
import dev.keyline.domain.kpi.WorkOrderFact;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.RowMapper;
import dev.keyline.jdbc.budget.JdbcBudgetRepository;
import dev.keyline.jdbc.sla.JdbcServiceLevelAgreementRepository;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.kpi.KpiFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The facts of a JDBC store. Work orders, faults, key accounts, pools (their movement log's entry
 * in force at the period's end), acceptances and stages' responsibilities are plain columns of the
 * other areas' tables: they are streamed from a cursor with a fetch size, and
 * {@link #compute} sums their KPIs' numerators and denominators in one {@code COUNT}/{@code SUM}
 * query each over the period's index range, without a row leaving the database. Forecasts and
 * CAPEX live in child rows that only the aggregates make sense of (an SLA's volumes after its
 * amendments, a budget's issued amounts after revisions): the SLAs and budgets that count are
 * found by SQL and loaded one at a time through their repositories. Bills are the billing area's
 * arrears facts: each bill's settlements up to the period's last day are summed in SQL.
 */
final class JdbcKpiFactSource implements KpiFactSource {

    private static final String WORK_ORDERS = "FROM keyline_provisioning_order WHERE accepted_at >= ? AND accepted_at < ?";
    private static final String FAULTS = "FROM keyline_fault_ticket WHERE resolved_at >= ? AND resolved_at < ?"
            + " AND resolution_deadline IS NOT NULL";
    private static final String ACCOUNTS = "FROM keyline_key_account WHERE registered_at < ?"
            + " AND (exited_at IS NULL OR exited_at >= ?)";
    /**
     * The entry of each pool's movement log in force at the period's end: its last one dated before
     * it; parameters: the end, the end.
     */
    private static final String POOLS_AT_END = "FROM keyline_resource_movement m WHERE m.moved_at < ?"
            + " AND m.sequence_no = (SELECT MAX(x.sequence_no) FROM keyline_resource_movement x"
            + " WHERE x.pool_id = m.pool_id AND x.moved_at < ?)";
    private static final String STAGES_DONE = "FROM keyline_provisioning_stage s JOIN keyline_provisioning_order o"
            + " ON o.provisioning_order_id = s.provisioning_order_id WHERE s.done_at >= ? AND s.done_at < ?";
    private static final String ACCEPTANCES = "FROM keyline_capex_project WHERE accepted_at >= ? AND accepted_at < ?"
            + " AND planned_acceptance IS NOT NULL";

    /**
     * The bills the arrears rate counts, each joined to its settlements up to the period's last
     * day; parameters: the last day (settlements), the last day (bill date), the first day, the
     * last day (due date).
     */
    private static final String BILLS = "FROM keyline_billing_arrears_fact b LEFT JOIN"
            + " (SELECT account_id, bill_id, SUM(amount) AS settled FROM keyline_billing_arrears_fact"
            + " WHERE fact_kind <> 'BILLED' AND fact_date <= ? GROUP BY account_id, bill_id) s"
            + " ON s.account_id = b.account_id AND s.bill_id = b.bill_id"
            + " WHERE b.fact_kind = 'BILLED' AND b.fact_date <= ?"
            + " AND (b.fact_date >= ? OR (b.due_date < ? AND b.amount > COALESCE(s.settled, 0)))";

    private final JdbcSession session;
    private final JdbcServiceLevelAgreementRepository slas;
    private final JdbcBudgetRepository budgets;

    JdbcKpiFactSource(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
        this.slas = new JdbcServiceLevelAgreementRepository(session);
        this.budgets = new JdbcBudgetRepository(session);
    }

    private static void check(Period period, ZoneId zone, Consumer<?> sink) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        Require.nonNull(sink, "sink");
    }

    private <T> void stream(String sql, RowMapper<T> mapper, Consumer<? super T> sink, Object... params) {
        try (Stream<T> rows = session.stream(sql, mapper, params)) {
            rows.forEach(sink);
        }
    }

    @Override
    public void workOrders(Period period, ZoneId zone, Consumer<? super WorkOrderFact> sink) {
        check(period, zone, sink);
        stream("SELECT provisioning_order_id, committed_completion, accepted_at " + WORK_ORDERS,
                row -> new WorkOrderFact(row.requiredString("provisioning_order_id"), row.instant("committed_completion"),
                        Optional.of(row.instant("accepted_at"))),
                sink, period.startAt(zone), period.endAt(zone));
    }

    @Override
    public void faults(Period period, ZoneId zone, Consumer<? super FaultFact> sink) {
        check(period, zone, sink);
        stream("SELECT ticket_id, resolution_deadline, resolved_at " + FAULTS,
                row -> new FaultFact(row.requiredString("ticket_id"), row.instant("resolution_deadline"),
                        Optional.of(row.instant("resolved_at"))),
                sink, period.startAt(zone), period.endAt(zone));
    }

    @Override
    public void accounts(Period period, ZoneId zone, Consumer<? super AccountFact> sink) {
        check(period, zone, sink);
        stream("SELECT account_id, registered_at, exited_at " + ACCOUNTS,
                row -> KpiFacts.account(row.requiredString("account_id"), row.instant("registered_at"),
                        Optional.ofNullable(row.instant("exited_at")), zone),
                sink, KpiFacts.registeredBefore(period, zone), period.startAt(zone));
    }

    @Override
    public void forecasts(Period period, ZoneId zone, Consumer<? super ForecastFact> sink) {
        check(period, zone, sink);
        // the ids first (an SLA is one row per agreement between two departments, so they are few),
        // then one SLA at a time: no cursor stays open while another statement runs
        List<String> ids = session.query("SELECT sla_id FROM keyline_sla WHERE sla_state <> 'DRAFT'"
                + " AND first_month <= ? ORDER BY sla_id", row -> row.requiredString("sla_id"),
                period.lastMonth().toString());
        for (String id : ids) {
            slas.find(new SlaId(id)).ifPresent(sla -> KpiFacts.forecastsOf(sla, period, sink));
        }
    }

    @Override
    public void pools(Period period, ZoneId zone, Consumer<? super PoolFact> sink) {
        check(period, zone, sink);
        Instant end = period.endAt(zone);
        stream("SELECT m.pool_id, m.capacity, m.allocated " + POOLS_AT_END,
                row -> new PoolFact(row.requiredString("pool_id"), row.longValue("capacity"), row.longValue("allocated")),
                sink, end, end);
    }

    @Override
    public void responsibilities(Period period, ZoneId zone, Consumer<? super ResponsibilityFact> sink) {
        check(period, zone, sink);
        // one row per stage, four facts per row
        try (Stream<Object[]> rows = session.stream("SELECT s.provisioning_order_id, s.stage_id, o.account_manager,"
                + " s.station_manager, s.executor, o.it_support, s.due_at, s.done_at " + STAGES_DONE,
                row -> new Object[] {row.requiredString("provisioning_order_id"), row.requiredString("stage_id"),
                        row.requiredString("account_manager"), row.requiredString("station_manager"),
                        row.requiredString("executor"), row.requiredString("it_support"), row.instant("due_at"),
                        row.instant("done_at")},
                period.startAt(zone), period.endAt(zone))) {
            rows.forEach(r -> KpiFacts.responsibilitiesOf((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (Instant) r[6], (Instant) r[7], sink));
        }
    }

    @Override
    public void capex(Period period, ZoneId zone, Consumer<? super CapexFact> sink) {
        check(period, zone, sink);
        List<String> ids = session.query("SELECT b.budget_id FROM keyline_budget b WHERE b.fiscal_year = ?"
                + " AND b.status IN ('ISSUED', 'CLOSED') AND NOT EXISTS"
                + " (SELECT 1 FROM keyline_budget c WHERE c.parent_budget_id = b.budget_id) ORDER BY b.budget_id",
                row -> row.requiredString("budget_id"), period.year());
        for (String id : ids) {
            budgets.find(new BudgetId(id)).ifPresent(budget -> sink.accept(KpiFacts.capexOf(budget)));
        }
    }

    @Override
    public void acceptances(Period period, ZoneId zone, Consumer<? super AcceptanceFact> sink) {
        check(period, zone, sink);
        stream("SELECT project_id, planned_acceptance, accepted_at " + ACCEPTANCES,
                row -> new AcceptanceFact(row.requiredString("project_id"), row.instant("planned_acceptance"),
                        Optional.of(row.instant("accepted_at"))),
                sink, period.startAt(zone), period.endAt(zone));
    }

    @Override
    public void bills(Period period, ZoneId zone, Consumer<? super BillFact> sink) {
        check(period, zone, sink);
        LocalDate last = KpiFacts.lastDay(period);
        stream("SELECT b.account_id, b.bill_id, b.amount, b.currency, b.fact_date, b.due_date,"
                        + " COALESCE(s.settled, 0) AS settled " + BILLS,
                row -> KpiFacts.bill(row.requiredString("account_id"), row.requiredString("bill_id"),
                        row.money("amount", "currency"), row.localDate("fact_date"), row.localDate("due_date"),
                        Money.of(row.bigDecimal("settled"), row.currency("currency"))),
                sink, last, last, period.start(), last);
    }

    /**
     * Sums the five column-based KPIs and the arrears rate in SQL and streams only the forecasts and
     * the CAPEX, whose facts need their aggregates.
     */
    @Override
    public List<KpiValue> compute(Period period, ZoneId zone) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        Instant start = period.startAt(zone);
        Instant end = period.endAt(zone);
        KpiComputation rest = new KpiComputation(period, zone);
        forecasts(period, zone, rest::accept);
        capex(period, zone, rest::accept);
        List<KpiValue> values = new ArrayList<>();
        for (ComputedKpi kpi : ComputedKpi.values()) {
            values.add(switch (kpi) {
                case MARKET_RESPONSE_COMPLIANCE -> ratio(kpi, period,
                        "SELECT SUM(CASE WHEN accepted_at <= committed_completion THEN 1 ELSE 0 END) AS n,"
                                + " COUNT(*) AS d " + WORK_ORDERS, start, end);
                case FAULT_HANDLING_TIMELINESS -> ratio(kpi, period,
                        "SELECT SUM(CASE WHEN resolved_at <= resolution_deadline THEN 1 ELSE 0 END) AS n,"
                                + " COUNT(*) AS d " + FAULTS, start, end);
                case CHURN_RATE -> ratio(kpi, period,
                        "SELECT SUM(CASE WHEN exited_at IS NOT NULL AND exited_at < ? THEN 1 ELSE 0 END) AS n,"
                                + " COUNT(*) AS d " + ACCOUNTS, end, KpiFacts.registeredBefore(period, zone), start);
                case RESOURCE_UTILIZATION -> ratio(kpi, period,
                        "SELECT SUM(m.allocated) AS n, SUM(m.capacity) AS d " + POOLS_AT_END, end, end);
                case ACCEPTANCE_COMPLIANCE -> ratio(kpi, period,
                        "SELECT SUM(CASE WHEN accepted_at <= planned_acceptance THEN 1 ELSE 0 END) AS n,"
                                + " COUNT(*) AS d " + ACCEPTANCES, start, end);
                case ARREARS_RATE -> arrearsRate(period);
                case FORECAST_ACCURACY, CAPEX_RATIO, CAPEX_PER_LINE -> rest.value(kpi);
            });
        }
        return List.copyOf(values);
    }

    private KpiValue ratio(ComputedKpi kpi, Period period, String sql, Object... params) {
        long[] sums = session.queryOne(sql, row -> new long[] {orZero(row.nullableLong("n")), orZero(row.nullableLong("d"))},
                params).orElseThrow();
        return KpiValue.ratio(kpi.id(), period, sums[0], sums[1]);
    }

    /**
     * The overdue receivables and the billed amount per currency of the bills that count; more than
     * one currency is refused as the streaming computation refuses it.
     */
    private KpiValue arrearsRate(Period period) {
        LocalDate last = KpiFacts.lastDay(period);
        List<BigDecimal[]> sums = session.query("SELECT b.currency,"
                        + " SUM(CASE WHEN b.due_date < ? AND b.amount > COALESCE(s.settled, 0)"
                        + " THEN b.amount - COALESCE(s.settled, 0) END) AS n,"
                        + " SUM(CASE WHEN b.fact_date >= ? THEN b.amount END) AS d " + BILLS + " GROUP BY b.currency",
                row -> new BigDecimal[] {amount(row.bigDecimal("n")), amount(row.bigDecimal("d"))},
                last, period.start(), last, last, period.start(), last);
        if (sums.size() > 1) {
            throw new InvalidArgumentException("bills", "the arrears rate of " + period
                    + " needs bills in one currency, but they are in " + sums.size() + " currencies");
        }
        BigDecimal[] sum = sums.isEmpty() ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO} : sums.get(0);
        return KpiValue.ratio(ComputedKpi.ARREARS_RATE.id(), period, sum[0], sum[1]);
    }

    /** A summed amount as the streaming computation holds it: zero unscaled, else to the cent. */
    private static BigDecimal amount(BigDecimal sum) {
        return sum == null || sum.signum() == 0 ? BigDecimal.ZERO : sum.setScale(Money.SCALE);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    @Override
    public String toString() {
        return "JdbcKpiFactSource";
    }
}
