package dev.keyline.jdbc.budget;

import static dev.keyline.jdbc.StoredValues.currency;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.Challenge;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LedgerEntry;
import dev.keyline.domain.budget.LedgerEntryKind;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgLevel;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.budget.ReachedShare;
import dev.keyline.domain.budget.Revision;
import dev.keyline.domain.budget.StatusChange;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.budget.BudgetRepository;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The budgets of a {@link dev.keyline.jdbc.JdbcStorage}: one row per budget in
 * {@code keyline_budget} (its targets, status and version) and its owned collections in child
 * tables. The status history, revisions, commitment ledger and reached alert shares are
 * append-only: a save inserts only the entries added since the budget was loaded. The lines and
 * challenges change while a budget is drafted and challenged, and are rewritten by a save that
 * changed them (compared with the rows the transaction loaded or last wrote, else with the rows
 * read back); the alert shares are written once. Every amount is in the budget's one currency, kept on its row.
 * Loading reads them consistently and restores through {@link Budget#restore(BudgetSnapshot)},
 * which validates everything again.
 */
public final class JdbcBudgetRepository extends JdbcParentChildRepository<Budget, BudgetId, BudgetSnapshot>
        implements BudgetRepository {

    private static final String TABLE = "keyline_budget";
    private static final String SHARES = "keyline_budget_alert_share";
    private static final String LINES = "keyline_budget_line";
    private static final String HISTORY = "keyline_budget_status_change";
    private static final String CHALLENGES = "keyline_budget_challenge";
    private static final String REVISIONS = "keyline_budget_revision";
    private static final String LEDGER = "keyline_budget_ledger";
    private static final String REACHED = "keyline_budget_reached_share";
    private static final String KEY = "budget_id";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcBudgetRepository(JdbcSession session) {
        super(session, "budget", TABLE, KEY, Budget::snapshot, Budget::restore);
    }

    @Override
    public List<Budget> childrenOf(BudgetId parent) {
        Require.nonNull(parent, "parent");
        return listWhere("parent_budget_id = ?", "budget_id", parent);
    }

    @Override
    public List<Budget> ofUnit(OrgUnitId unit) {
        Require.nonNull(unit, "unit");
        return listWhere("unit_id = ?", "fiscal_year, budget_id", unit);
    }

    @Override
    protected Columns columns(Budget budget) {
        BudgetTargets targets = budget.targets();
        OrgUnit unit = targets.unit();
        return Columns.create()
                .set("unit_id", unit.id())
                .set("unit_level", unit.level())
                .set("network_id", unit.network())
                .set("unit_parent_id", unit.parent())
                .set("fiscal_year", targets.fiscalYear())
                .set("parent_budget_id", targets.parent())
                .set("currency", targets.fundPlan().currency())
                .set("fund_plan", targets.fundPlan().amount())
                .set("zone_id", targets.zone().getId())
                .set("status", budget.status());
    }

    @Override
    protected void saveChildren(Budget budget, boolean inserted) {
        BudgetId id = budget.id();
        List<Object[]> shares = new ArrayList<>();
        List<BigDecimal> alertShares = budget.targets().alertShares();
        for (int i = 0; i < alertShares.size(); i++) {
            shares.add(new Object[] {id, i + 1, alertShares.get(i)});
        }
        appendChildren(SHARES, KEY, id, inserted, "INSERT INTO " + SHARES + " (budget_id, line_no, share) VALUES (?, ?, ?)",
                shares);

        Currency currency = budget.targets().fundPlan().currency();
        List<BudgetLine> planned = budget.lines();
        // planned and revised while drafted and challenged, unchanged by every other command: rewritten only when they differ
        List<BudgetLine> storedLines = inserted ? List.of() : this.<BudgetLine>storedChildren(LINES, id)
                .orElseGet(() -> session().query("SELECT * FROM " + LINES + " WHERE budget_id = ? ORDER BY line_no",
                        row -> line(row, id.value(), currency), id));
        if (!storedLines.equals(planned)) {
            if (!storedLines.isEmpty()) {
                deleteChildren(LINES, KEY, id);
            }
            List<Object[]> lines = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                BudgetLine l = planned.get(i);
                lines.add(new Object[] {id, i + 1, l.id(), l.kind(), l.category(), l.amount().amount(),
                        l.control().request(), l.control().order(), l.control().invoice(), l.parentLine()});
            }
            insertChildren("INSERT INTO " + LINES + " (budget_id, line_no, line_id, kind, category, amount, "
                    + "control_request, control_order, control_invoice, parent_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    lines);
        }
        storedChildrenAre(LINES, id, planned);
        List<Challenge> raised = budget.challenges();
        List<Challenge> storedChallenges = inserted ? List.of() : this.<Challenge>storedChildren(CHALLENGES, id)
                .orElseGet(() -> session().query("SELECT * FROM " + CHALLENGES + " WHERE budget_id = ? ORDER BY line_no",
                        row -> challenge(row, id.value()), id));
        if (!storedChallenges.equals(raised)) {
            if (!storedChallenges.isEmpty()) {
                deleteChildren(CHALLENGES, KEY, id);
            }
            List<Object[]> challenges = new ArrayList<>();
            for (Challenge c : raised) {
                challenges.add(new Object[] {id, c.number(), c.comment(), c.raisedBy(), c.raisedAt(), c.answer(),
                        c.answeredBy(), c.answeredAt()});
            }
            insertChildren("INSERT INTO " + CHALLENGES + " (budget_id, line_no, comment, raised_by, raised_at, answer, "
                    + "answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", challenges);
        }
        storedChildrenAre(CHALLENGES, id, raised);

        // the append-only histories: rows built for the entries after those stored only
        List<Object[]> history = appendRows(budget.history(),
                (i, c) -> new Object[] {id, i + 1, c.from(), c.to(), c.by(), c.at(), c.reason()});
        appendChildren(HISTORY, KEY, id, inserted, "INSERT INTO " + HISTORY + " (budget_id, line_no, from_status, "
                + "to_status, changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", history);

        List<Object[]> revisions = appendRows(budget.revisions(), (i, r) -> new Object[] {id, r.number(), r.line(),
                r.delta().amount(), r.reason(), r.approvedBy(), r.approvedAt()});
        appendChildren(REVISIONS, KEY, id, inserted, "INSERT INTO " + REVISIONS + " (budget_id, line_no, line_id, delta, "
                + "reason, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?)", revisions);

        List<Object[]> ledger = appendRows(budget.ledger(), (i, e) -> new Object[] {id, e.sequence(), e.kind(), e.line(),
                e.document(), e.stage(), e.amount().amount(), e.by(), e.at(), e.note()});
        appendChildren(LEDGER, KEY, id, inserted, "INSERT INTO " + LEDGER + " (budget_id, line_no, entry_kind, line_id, "
                + "document_id, stage, amount, entered_by, entered_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ledger);

        List<Object[]> reached = appendRows(budget.reachedShares(), (i, r) -> new Object[] {id, i + 1, r.line(), r.share()});
        appendChildren(REACHED, KEY, id, inserted, "INSERT INTO " + REACHED + " (budget_id, line_no, line_id, share) "
                + "VALUES (?, ?, ?, ?)", reached);
    }

    /** The budget's row, its collections still empty and its alert shares not yet read. */
    @Override
    protected BudgetSnapshot parent(Row row) {
        BudgetId id = required(row, KEY, BudgetId::new);
        return stored(() -> "budget " + id, () -> {
            Currency currency = currency(row, "currency");
            OrgUnit unit = new OrgUnit(required(row, "unit_id", OrgUnitId::new), requiredEnum(row, "unit_level", OrgLevel.class),
                    row.identifier("network_id", LocalNetworkId::new), row.identifier("unit_parent_id", OrgUnitId::new));
            ZoneId zone;
            try {
                zone = ZoneId.of(row.requiredString("zone_id"));
            } catch (DateTimeException e) {
                throw new CorruptStateException("budget " + id + ": unknown time zone " + row.string("zone_id"), e);
            }
            BudgetTargets targets = new BudgetTargets(unit, row.intValue("fiscal_year"),
                    row.identifier("parent_budget_id", BudgetId::new), new Money(row.bigDecimal("fund_plan"), currency),
                    List.of(), zone);
            return new BudgetSnapshot(id, row.longValue("version"), targets, requiredEnum(row, "status", BudgetStatus.class),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        });
    }

    @Override
    protected String idOf(BudgetSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(BudgetSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<BudgetSnapshot, Budget> readChildren(List<BudgetSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, Currency> currencies = new java.util.HashMap<>();
        parents.forEach(p -> currencies.put(p.id().value(), p.targets().fundPlan().currency()));
        Map<String, List<BigDecimal>> shares = childrenOf(SHARES, KEY, ids, "line_no", (row, id) -> row.bigDecimal("share"));
        Map<String, List<BudgetLine>> lines = childrenOf(LINES, KEY, ids, "line_no",
                (row, id) -> line(row, id, currencies.get(id)));
        Map<String, List<StatusChange>> history = childrenOf(HISTORY, KEY, ids, "line_no",
                (row, id) -> stored(() -> "status change " + row.intValue("line_no") + " of budget " + id,
                        () -> new StatusChange(row.enumValue("from_status", BudgetStatus.class),
                                requiredEnum(row, "to_status", BudgetStatus.class), user(row, "changed_by"),
                                row.instant("changed_at"), row.requiredString("reason"))));
        Map<String, List<Challenge>> challenges = childrenOf(CHALLENGES, KEY, ids, "line_no",
                (row, id) -> challenge(row, id));
        Map<String, List<Revision>> revisions = childrenOf(REVISIONS, KEY, ids, "line_no",
                (row, id) -> stored(() -> "revision " + row.intValue("line_no") + " of budget " + id,
                        () -> new Revision(row.intValue("line_no"), required(row, "line_id", BudgetLineId::new),
                                new Money(row.bigDecimal("delta"), currencies.get(id)), row.requiredString("reason"),
                                user(row, "approved_by"), row.instant("approved_at"))));
        Map<String, List<LedgerEntry>> ledger = childrenOf(LEDGER, KEY, ids, "line_no",
                (row, id) -> stored(() -> "ledger entry " + row.longValue("line_no") + " of budget " + id,
                        () -> new LedgerEntry(row.longValue("line_no"), requiredEnum(row, "entry_kind", LedgerEntryKind.class),
                                required(row, "line_id", BudgetLineId::new), required(row, "document_id", CommitmentId::new),
                                requiredEnum(row, "stage", DocumentStage.class),
                                new Money(row.bigDecimal("amount"), currencies.get(id)), user(row, "entered_by"),
                                row.instant("entered_at"), row.string("note"))));
        Map<String, List<ReachedShare>> reached = childrenAndVersionsOf(REACHED, KEY, ids, "line_no",
                (row, id) -> stored(() -> "reached share " + row.intValue("line_no") + " of budget " + id,
                        () -> new ReachedShare(required(row, "line_id", BudgetLineId::new), row.bigDecimal("share"))));
        return s -> {
            String id = s.id().value();
            BudgetTargets t = s.targets();
            BudgetTargets targets = stored(() -> "budget " + id, () -> new BudgetTargets(t.unit(), t.fiscalYear(), t.parent(),
                    t.fundPlan(), shares.getOrDefault(id, List.of()), t.zone()));
            return Budget.restore(new BudgetSnapshot(s.id(), s.version(), targets, s.status(),
                    lines.getOrDefault(id, List.of()), history.getOrDefault(id, List.of()),
                    challenges.getOrDefault(id, List.of()), revisions.getOrDefault(id, List.of()),
                    ledger.getOrDefault(id, List.of()), reached.getOrDefault(id, List.of())));
        };
    }

    /** A row of the lines table, in the budget's currency. */
    private static BudgetLine line(Row row, String id, Currency currency) {
        return stored(() -> "line " + row.intValue("line_no") + " of budget " + id,
                () -> new BudgetLine(required(row, "line_id", BudgetLineId::new), requiredEnum(row, "kind", LineKind.class),
                        row.requiredString("category"), new Money(row.bigDecimal("amount"), currency),
                        new BudgetControl(requiredEnum(row, "control_request", ControlLevel.class),
                                requiredEnum(row, "control_order", ControlLevel.class),
                                requiredEnum(row, "control_invoice", ControlLevel.class)),
                        row.identifier("parent_line_id", BudgetLineId::new)));
    }

    /** A row of the challenges table. */
    private static Challenge challenge(Row row, String id) {
        return stored(() -> "challenge " + row.intValue("line_no") + " of budget " + id,
                () -> new Challenge(row.intValue("line_no"), row.requiredString("comment"), user(row, "raised_by"),
                        row.instant("raised_at"), row.string("answer"), row.identifier("answered_by", UserId::new),
                        row.instant("answered_at")));
    }
}
