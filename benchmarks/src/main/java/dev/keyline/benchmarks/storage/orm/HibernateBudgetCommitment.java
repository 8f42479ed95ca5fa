package dev.keyline.benchmarks.storage.orm;

import dev.keyline.benchmarks.storage.BudgetCommitmentMix;
import dev.keyline.benchmarks.storage.Fixture;
import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LedgerEntry;
import dev.keyline.domain.budget.ReachedShare;
import dev.keyline.domain.budget.StatusChange;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.UserId;
import dev.keyline.json.KeylineJson;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The budget-commitment mix ({@link BudgetCommitmentMix}) through JPA entities with Hibernate, one
 * session and transaction per command. The domain computes every value in memory, as on the other
 * sides, and the program keeps the budget it created, so nothing is read back for the domain's sake.
 *
 * <p>Setting the targets persists the budget's row (version 1), its two alert shares, its first
 * status change and its event: four statements (the shares in one batch), as on the raw side.
 * Every later command loads the budget's row by id (a host's code has no other way to change an
 * entity), persists the entries the command added (a status change, the line, ledger entries,
 * reached shares; each table's rows in one batch) and its events (one batch), and the budget's
 * version moves by one with the version check:
 * <ul>
 *   <li>when the status moves (draft, submit, approve, issue), it sets the status and the flush
 *       writes a versioned update of the whole row (Hibernate's default: every column, where the
 *       raw side sets the status and the version);</li>
 *   <li>when only entries are added (plan the line, book the request, book the order that
 *       replaces it), it loads the row with {@code OPTIMISTIC_FORCE_INCREMENT}, and Hibernate
 *       updates the version alone after the flush, as the raw side does.</li>
 * </ul>
 * So each later command sends one statement more than the raw side, the {@code find}'s select,
 * which the raw side, keeping its object, skips: four rather than three, the last command (two
 * ledger entries, two events) too. The flush sends the inserts before the update, the raw side the
 * update first.
 */
public final class HibernateBudgetCommitment {

    private final SessionFactory sessions;
    private final KeylineJson json = KeylineJson.create();

    /**
     * The Hibernate side.
     *
     * @param sessions the session factory
     */
    public HibernateBudgetCommitment(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs the eight commands for budget {@code n}, one session and transaction each.
     *
     * @param n the budget number
     */
    public void run(long n) {
        run(n, BudgetCommitmentMix.COMMANDS);
    }

    /**
     * Runs the first {@code count} commands of the mix for budget {@code n}, one session and
     * transaction each.
     *
     * @param n the budget number
     * @param count how many, 1 to {@link BudgetCommitmentMix#COMMANDS}
     */
    public void run(long n, int count) {
        Budget budget = BudgetCommitmentMix.create(n);
        UserId drafter = BudgetCommitmentMix.DRAFTER.user();
        UserId reviewer = BudgetCommitmentMix.REVIEWER.user();
        List<Consumer<Budget>> later = List.of(
                b -> b.startDraft(drafter, "drafting", Fixture.NOW),
                b -> b.planLine(BudgetCommitmentMix.LINE, drafter, Fixture.NOW),
                b -> b.submit(drafter, "for review", Fixture.NOW),
                b -> b.approve(reviewer, "approved", Fixture.NOW),
                b -> b.issue(reviewer, "issued", Fixture.NOW),
                b -> b.bookCommitment(BudgetCommitmentMix.LINE.id(), BudgetCommitmentMix.request(n),
                        DocumentStage.REQUEST, BudgetCommitmentMix.REQUESTED, null, drafter, Fixture.NOW),
                b -> b.bookCommitment(BudgetCommitmentMix.LINE.id(), BudgetCommitmentMix.order(n),
                        DocumentStage.ORDER, BudgetCommitmentMix.ORDERED, BudgetCommitmentMix.request(n), drafter,
                        Fixture.NOW));
        sessions.inTransaction(s -> create(s, budget));
        budget.markSaved(1);
        for (Consumer<Budget> command : later.subList(0, count - 1)) {
            sessions.inTransaction(s -> change(s, budget, command));
            budget.markSaved(budget.version() + 1);
        }
    }

    /** Persists the new budget: its row, alert shares, first status change and event. */
    private void create(Session s, Budget budget) {
        BudgetTargets t = budget.targets();
        String id = budget.id().value();
        s.persist(new BudgetEntity(id, t.unit().id().value(), t.unit().level().name(), value(t.unit().network()),
                value(t.unit().parent()), t.fiscalYear(), value(t.parent()), t.fundPlan().currency().getCurrencyCode(),
                t.fundPlan().amount(), t.zone().getId(), budget.status().name()));
        int line = 0;
        for (BigDecimal share : t.alertShares()) {
            s.persist(new BudgetAlertShareEntity(new ChildKey(id, ++line), share));
        }
        appended(s, budget, 0, 0, 0, 0);
    }

    /** Runs one command on the budget and writes what it changed. */
    private void change(Session s, Budget budget, Consumer<Budget> command) {
        BudgetStatus status = budget.status();
        int history = budget.history().size();
        List<BudgetLine> lines = budget.lines();
        int ledger = budget.ledger().size();
        int reached = budget.reachedShares().size();
        command.accept(budget);
        if (!budget.lines().subList(0, Math.min(lines.size(), budget.lines().size())).equals(lines)) {
            throw new IllegalStateException("the mix only adds lines; budget " + budget.id() + " changed one");
        }
        String id = budget.id().value();
        if (budget.status() != status) {
            s.find(BudgetEntity.class, id).moved(budget.status().name());
        } else {
            // the budget is the aggregate: its version moves with every command, an added entry's too
            s.find(BudgetEntity.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        appended(s, budget, history, lines.size(), ledger, reached);
    }

    /**
     * Persists the entries made after the first {@code history}, {@code lines}, ... of each
     * collection, and the events.
     */
    private void appended(Session s, Budget budget, int history, int lines, int ledger, int reached) {
        String id = budget.id().value();
        List<StatusChange> changes = budget.history();
        for (int i = history; i < changes.size(); i++) {
            StatusChange c = changes.get(i);
            s.persist(new BudgetStatusChangeEntity(new ChildKey(id, i + 1),
                    c.from() == null ? null : c.from().name(), c.to().name(), c.by().value(), c.at(), c.reason()));
        }
        List<BudgetLine> planned = budget.lines();
        for (int i = lines; i < planned.size(); i++) {
            BudgetLine l = planned.get(i);
            s.persist(new BudgetLineEntity(new ChildKey(id, i + 1), l.id().value(), l.kind().name(),
                    l.category(), l.amount().amount(), l.control().request().name(), l.control().order().name(),
                    l.control().invoice().name(), value(l.parentLine())));
        }
        List<LedgerEntry> entries = budget.ledger();
        for (int i = ledger; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            s.persist(new BudgetLedgerEntity(new ChildKey(id, Math.toIntExact(e.sequence())),
                    e.kind().name(), e.line().value(), e.document().value(), e.stage().name(), e.amount().amount(),
                    e.by().value(), e.at(), e.note()));
        }
        List<ReachedShare> shares = budget.reachedShares();
        for (int i = reached; i < shares.size(); i++) {
            s.persist(new BudgetReachedShareEntity(new ChildKey(id, i + 1), shares.get(i).line().value(),
                    shares.get(i).share()));
        }
        for (DomainEvent event : budget.drainEvents()) {
            s.persist(OutboxEntity.of(event, json));
        }
    }

    private static String value(Identifier id) {
        return id == null ? null : id.value();
    }
}
