package dev.keyline.benchmarks.storage;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LedgerEntry;
import dev.keyline.domain.budget.ReachedShare;
import dev.keyline.domain.budget.StatusChange;
import dev.keyline.domain.common.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The budget-commitment mix ({@link BudgetCommitmentMix}) written by hand with plain JDBC into
 * Keyline's schema. The domain decides every value in memory, as on the Keyline side, and the
 * program keeps the budget it created, so nothing is read back. Per command: the first inserts
 * the budget row, its alert shares in one batch, its first status change and its event; every
 * later command updates only the budget columns it changes (the status when it moves, and the
 * version, with the version check), inserts only the entries it adds (a status change, the line,
 * ledger entries in one batch) and its events in one batch. Unlike Keyline it does not rewrite the
 * budget's lines with every save.
 */
public final class RawBudgetCommitment {

    static final String INSERT_BUDGET = "INSERT INTO keyline_budget (budget_id, unit_id, unit_level, network_id, "
            + "unit_parent_id, fiscal_year, parent_budget_id, currency, fund_plan, zone_id, status, version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_SHARE = "INSERT INTO keyline_budget_alert_share (budget_id, line_no, share) VALUES (?, ?, ?)";
    static final String INSERT_CHANGE = "INSERT INTO keyline_budget_status_change (budget_id, line_no, from_status, "
            + "to_status, changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_LINE = "INSERT INTO keyline_budget_line (budget_id, line_no, line_id, kind, category, amount, "
            + "control_request, control_order, control_invoice, parent_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_LEDGER = "INSERT INTO keyline_budget_ledger (budget_id, line_no, entry_kind, line_id, "
            + "document_id, stage, amount, entered_by, entered_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_REACHED = "INSERT INTO keyline_budget_reached_share (budget_id, line_no, line_id, share) "
            + "VALUES (?, ?, ?, ?)";
    static final String BUMP = "UPDATE keyline_budget SET version = ? WHERE budget_id = ? AND version = ?";
    static final String STATUS = "UPDATE keyline_budget SET status = ?, version = ? WHERE budget_id = ? AND version = ?";

    private final RawJdbc jdbc;

    /**
     * The raw side on a pool of connections.
     *
     * @param dataSource the connections
     */
    public RawBudgetCommitment(DataSource dataSource) {
        this.jdbc = new RawJdbc(dataSource);
    }

    /** One command on the budget. */
    @FunctionalInterface
    private interface Change {
        void apply(Budget budget);
    }

    /**
     * Runs the eight commands for budget {@code n} in eight transactions.
     *
     * @param n the budget number
     * @throws SQLException when the database fails
     */
    public void run(long n) throws SQLException {
        run(n, BudgetCommitmentMix.COMMANDS);
    }

    /**
     * Runs the first {@code count} commands of the mix for budget {@code n}, each in a
     * transaction of its own.
     *
     * @param n the budget number
     * @param count how many, 1 to {@link BudgetCommitmentMix#COMMANDS}
     * @throws SQLException when the database fails
     */
    public void run(long n, int count) throws SQLException {
        Budget budget = BudgetCommitmentMix.create(n);
        UserId drafter = BudgetCommitmentMix.DRAFTER.user();
        UserId reviewer = BudgetCommitmentMix.REVIEWER.user();
        jdbc.transactions(count, c -> {
            BudgetTargets t = budget.targets();
            RawJdbc.update(c, INSERT_BUDGET, budget.id(), t.unit().id(), t.unit().level(), t.unit().network(),
                    t.unit().parent(), t.fiscalYear(), t.parent(), t.fundPlan().currency(), t.fundPlan().amount(),
                    t.zone().getId(), budget.status(), 1L);
            budget.markSaved(1);
            List<Object[]> shares = new ArrayList<>();
            for (java.math.BigDecimal share : t.alertShares()) {
                shares.add(new Object[] {budget.id(), shares.size() + 1, share});
            }
            RawJdbc.batch(c, INSERT_SHARE, shares);
            appended(c, budget, 0, 0, 0, 0);
        }, c -> change(c, budget, b -> b.startDraft(drafter, "drafting", Fixture.NOW)),
                c -> change(c, budget, b -> b.planLine(BudgetCommitmentMix.LINE, drafter, Fixture.NOW)),
                c -> change(c, budget, b -> b.submit(drafter, "for review", Fixture.NOW)),
                c -> change(c, budget, b -> b.approve(reviewer, "approved", Fixture.NOW)),
                c -> change(c, budget, b -> b.issue(reviewer, "issued", Fixture.NOW)),
                c -> change(c, budget, b -> b.bookCommitment(BudgetCommitmentMix.LINE.id(), BudgetCommitmentMix.request(n),
                        DocumentStage.REQUEST, BudgetCommitmentMix.REQUESTED, null, drafter, Fixture.NOW)),
                c -> change(c, budget, b -> b.bookCommitment(BudgetCommitmentMix.LINE.id(), BudgetCommitmentMix.order(n),
                        DocumentStage.ORDER, BudgetCommitmentMix.ORDERED, BudgetCommitmentMix.request(n), drafter,
                        Fixture.NOW)));
    }

    /** Runs one command on the budget and writes what it changed. */
    private void change(Connection c, Budget budget, Change command) throws SQLException {
        BudgetStatus status = budget.status();
        int history = budget.history().size();
        List<BudgetLine> lines = budget.lines();
        int ledger = budget.ledger().size();
        int reached = budget.reachedShares().size();
        command.apply(budget);
        if (!budget.lines().subList(0, Math.min(lines.size(), budget.lines().size())).equals(lines)) {
            throw new IllegalStateException("the mix only adds lines; budget " + budget.id() + " changed one");
        }
        if (budget.status() != status) {
            RawJdbc.versioned(c, budget, STATUS, budget.status());
        } else {
            RawJdbc.versioned(c, budget, BUMP);
        }
        appended(c, budget, history, lines.size(), ledger, reached);
    }

    /** Inserts the entries made after the first {@code history}, {@code lines}, ... of each collection, and the events. */
    private void appended(Connection c, Budget budget, int history, int lines, int ledger, int reached)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<StatusChange> changes = budget.history();
        for (int i = history; i < changes.size(); i++) {
            StatusChange s = changes.get(i);
            rows.add(new Object[] {budget.id(), i + 1, s.from(), s.to(), s.by(), s.at(), s.reason()});
        }
        RawJdbc.batch(c, INSERT_CHANGE, rows);
        rows = new ArrayList<>();
        List<BudgetLine> planned = budget.lines();
        for (int i = lines; i < planned.size(); i++) {
            BudgetLine l = planned.get(i);
            rows.add(new Object[] {budget.id(), i + 1, l.id(), l.kind(), l.category(), l.amount().amount(),
                    l.control().request(), l.control().order(), l.control().invoice(), l.parentLine()});
        }
        RawJdbc.batch(c, INSERT_LINE, rows);
        rows = new ArrayList<>();
        List<LedgerEntry> entries = budget.ledger();
        for (int i = ledger; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            rows.add(new Object[] {budget.id(), e.sequence(), e.kind(), e.line(), e.document(), e.stage(),
                    e.amount().amount(), e.by(), e.at(), e.note()});
        }
        RawJdbc.batch(c, INSERT_LEDGER, rows);
        rows = new ArrayList<>();
        List<ReachedShare> shares = budget.reachedShares();
        for (int i = reached; i < shares.size(); i++) {
            rows.add(new Object[] {budget.id(), i + 1, shares.get(i).line(), shares.get(i).share()});
        }
        RawJdbc.batch(c, INSERT_REACHED, rows);
        jdbc.outbox(c, budget.drainEvents());
    }
}
