package dev.keyline.jdbc.staff;

import static dev.keyline.jdbc.StoredValues.decimal;
import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedger;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveLedgerSnapshot;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.staff.IncentiveTableSetting;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.staff.IncentiveLedgerRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The incentive ledgers in a {@link dev.keyline.jdbc.JdbcStorage}: one row per ledger in
 * {@code keyline_incentive_ledger}, every table in {@code keyline_incentive_table} and every award
 * in {@code keyline_incentive_award}, oldest first, both append-only. A unique key on the award
 * table backs the rule that a person is paid once per scorecard, unit and period.
 */
public final class JdbcIncentiveLedgerRepository
        extends JdbcParentChildRepository<IncentiveLedger, IncentiveLedgerId, IncentiveLedgerSnapshot>
        implements IncentiveLedgerRepository {

    private static final String TABLES = "keyline_incentive_table";
    private static final String AWARDS = "keyline_incentive_award";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcIncentiveLedgerRepository(JdbcSession session) {
        super(session, "incentive ledger", "keyline_incentive_ledger", "ledger_id", IncentiveLedger::snapshot, IncentiveLedger::restore);
    }

    @Override
    protected Columns columns(IncentiveLedger ledger) {
        return Columns.create();
    }

    @Override
    protected void saveChildren(IncentiveLedger ledger, boolean inserted) {
        List<Object[]> tables = appendRows(ledger.tables(), (i, s) -> new Object[] {ledger.id(), i + 1,
                s.table().green(), s.table().amber(), s.table().red(), s.setBy(), s.setAt()});
        appendChildren(TABLES, "ledger_id", ledger.id(), inserted, "INSERT INTO " + TABLES
                + " (ledger_id, line_no, green, amber, red, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tables);
        List<Object[]> awards = appendRows(ledger.awards(), (i, a) -> new Object[] {ledger.id(), i + 1,
                a.recipient(), a.scorecard(), a.role().name(), a.unit().value(), a.period().toString(),
                a.band().name(), a.factor(), a.base().amount(), a.amount().amount(),
                a.amount().currency().getCurrencyCode(), a.awardedBy(), a.awardedAt()});
        appendChildren(AWARDS, "ledger_id", ledger.id(), inserted, "INSERT INTO " + AWARDS
                + " (ledger_id, line_no, recipient, scorecard, role, unit_id, period, band, factor, base, amount, currency,"
                + " awarded_by, awarded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", awards);
    }

    @Override
    protected IncentiveLedgerSnapshot parent(Row row) {
        return new IncentiveLedgerSnapshot(required(row, "ledger_id", IncentiveLedgerId::new), row.longValue("version"),
                List.of(), List.of());
    }

    @Override
    protected String idOf(IncentiveLedgerSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(IncentiveLedgerSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<IncentiveLedgerSnapshot, IncentiveLedger> readChildren(List<IncentiveLedgerSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<IncentiveTableSetting>> tables = childrenOf(TABLES, "ledger_id", ids, "line_no",
                (row, ledger) -> stored(() -> "incentive table " + row.intValue("line_no") + " of ledger " + ledger,
                        () -> new IncentiveTableSetting(new IncentiveTable(decimal(row, "green"), decimal(row, "amber"),
                                decimal(row, "red")), user(row, "set_by"), row.instant("set_at"))));
        Map<String, List<IncentiveAward>> awards = childrenAndVersionsOf(AWARDS, "ledger_id", ids, "line_no",
                (row, ledger) -> stored(() -> "incentive award " + row.intValue("line_no") + " of ledger " + ledger, () -> {
                    Money amount = money(row, "amount", "currency");
                    return new IncentiveAward(user(row, "recipient"), row.requiredString("scorecard"),
                            requiredEnum(row, "role", Role.class), required(row, "unit_id", KpiUnit::new),
                            required(row, "period", Period::parse), requiredEnum(row, "band", Band.class),
                            decimal(row, "factor"), Money.of(decimal(row, "base"), amount.currency()), amount,
                            user(row, "awarded_by"), row.instant("awarded_at"));
                }));
        return s -> IncentiveLedger.restore(new IncentiveLedgerSnapshot(s.id(), s.version(),
                tables.getOrDefault(s.id().value(), List.of()), awards.getOrDefault(s.id().value(), List.of())));
    }
}
