package dev.keyline.tck.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetGenerators;
import dev.keyline.domain.budget.BudgetGenerators.Op;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.budget.BudgetRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link BudgetRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real budgets, full round trips of budgets with random
 * ledgers, revisions and alert shares (saved, grown and saved again: the ledger is append-only),
 * and the two queries. A provider runs it by extending {@link BudgetAreaContract}, or this class
 * directly with {@link #newStorage()}.
 */
public abstract class BudgetRepositoryContract extends AggregateRepositoryContract<Budget, BudgetId, BudgetSnapshot> {

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    @Override
    protected AggregateRepository<Budget, BudgetId> repository(StorageProvider storage) {
        return storage.port(BudgetRepository.class);
    }

    @Override
    protected BudgetId newId() {
        return new BudgetId(samples.nextId("BU"));
    }

    /** An issued budget of three lines with one request booked. */
    @Override
    protected Budget newAggregate(BudgetId id) {
        Budget budget = renamed(BudgetGenerators.issued(List.of(BudgetControl.uniform(ControlLevel.STOP),
                BudgetControl.uniform(ControlLevel.WARN), BudgetControl.uniform(ControlLevel.IGNORE))), id);
        budget.bookCommitment(BudgetGenerators.LINES.get(0), new CommitmentId("PR-0"), DocumentStage.REQUEST,
                BudgetGenerators.cents(1_000_00), null, BudgetGenerators.DRAFTER, BudgetGenerators.inMonth(1));
        return budget;
    }

    /** Books one more request on the WARN line. */
    @Override
    protected void change(Budget budget) {
        budget.bookCommitment(BudgetGenerators.LINES.get(1), new CommitmentId("PR-" + (budget.ledger().size() + 1)),
                DocumentStage.REQUEST, BudgetGenerators.cents(10_00), null, BudgetGenerators.DRAFTER,
                BudgetGenerators.inMonth(2));
    }

    @Override
    protected BudgetSnapshot snapshot(Budget budget) {
        return budget.snapshot();
    }

    @Override
    protected Budget restore(BudgetSnapshot snapshot) {
        return Budget.restore(snapshot);
    }

    /** Claims a status its history never reached. */
    @Override
    protected BudgetSnapshot corrupt(BudgetSnapshot s) {
        return new BudgetSnapshot(s.id(), s.version(), s.targets(), BudgetStatus.DRAFT, s.lines(), s.history(),
                s.challenges(), s.revisions(), s.ledger(), s.reachedShares());
    }

    /** The same budget under another id, never saved, with no pending events. */
    protected static Budget renamed(Budget budget, BudgetId id) {
        BudgetSnapshot s = budget.snapshot();
        return Budget.restore(new BudgetSnapshot(id, 0, s.targets(), s.status(), s.lines(), s.history(),
                s.challenges(), s.revisions(), s.ledger(), s.reachedShares()));
    }

    /** Applies random ledger commands, ignoring the refused ones. */
    protected static Budget applied(Budget budget, List<Op> ops) {
        for (Op op : ops) {
            BudgetLineId line = BudgetGenerators.LINES.get(op.line());
            int month = 1 + op.month() % 12;
            String document = "D" + (budget.ledger().size() + 1);
            try {
                switch (op.kind()) {
                    case 0, 1, 2, 3 -> budget.bookCommitment(line, new CommitmentId(document),
                            op.stage() == 0 ? DocumentStage.REQUEST : DocumentStage.ORDER,
                            BudgetGenerators.cents(op.cents()), replaced(budget, op), BudgetGenerators.DRAFTER,
                            BudgetGenerators.inMonth(month));
                    case 4, 5 -> budget.recordActual(line, new CommitmentId(document), BudgetGenerators.cents(op.cents()),
                            replaced(budget, op), BudgetGenerators.DRAFTER, BudgetGenerators.inMonth(month));
                    case 6 -> {
                        CommitmentId open = replaced(budget, op);
                        if (open != null) {
                            budget.reverseCommitment(open, "cancelled", BudgetGenerators.DRAFTER,
                                    BudgetGenerators.inMonth(month));
                        }
                    }
                    case 7 -> budget.approveRevision(line, BudgetGenerators.cents(op.cents() - 200_000), "revised",
                            BudgetGenerators.REVIEWER, BudgetGenerators.inMonth(month));
                    default -> { }
                }
            } catch (KeylineException refused) {
                // a refused command changes nothing
            }
        }
        return budget;
    }

    private static CommitmentId replaced(Budget budget, Op op) {
        var open = budget.openCommitments();
        return op.ref() < 0 || open.isEmpty() ? null : open.get(op.ref() % open.size()).document();
    }

    /** Everything a budget holds survives saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void aBudgetInEachStatusSurvives() {
            Budget budget = Budget.setTargets(newId(), BudgetTargets.of(BudgetGenerators.SUZHOU, 2027, null,
                    BudgetGenerators.cents(5_000_00)), BudgetGenerators.REVIEWER, "targets", BudgetGenerators.inMonth(0));
            saveInTransaction(budget);
            assertThat(load(budget.id()).snapshot()).isEqualTo(budget.snapshot());
            budget.startDraft(BudgetGenerators.DRAFTER, "draft", BudgetGenerators.inMonth(0));
            budget.planLine(new BudgetLine(new BudgetLineId("L1"), LineKind.OPEX, "rent 房租", BudgetGenerators.cents(4_000_00),
                    new BudgetControl(ControlLevel.STOP, ControlLevel.WARN, ControlLevel.IGNORE), null),
                    BudgetGenerators.DRAFTER, BudgetGenerators.inMonth(0));
            budget.submit(BudgetGenerators.DRAFTER, "submit", BudgetGenerators.inMonth(0));
            budget.challenge("why rent? 为什么", BudgetGenerators.REVIEWER, BudgetGenerators.inMonth(0));
            saveInTransaction(budget);
            assertThat(load(budget.id()).snapshot()).isEqualTo(budget.snapshot());
            budget.answerChallenge(1, "new office", BudgetGenerators.DRAFTER, BudgetGenerators.inMonth(0));
            budget.submit(BudgetGenerators.DRAFTER, "again", BudgetGenerators.inMonth(0));
            budget.approve(BudgetGenerators.REVIEWER, "ok", BudgetGenerators.inMonth(0));
            budget.issue(BudgetGenerators.REVIEWER, "issued", BudgetGenerators.inMonth(0));
            budget.close(BudgetGenerators.REVIEWER, "closed", BudgetGenerators.inMonth(0));
            saveInTransaction(budget);
            Budget loaded = load(budget.id());
            assertThat(loaded.snapshot()).isEqualTo(budget.snapshot());
            assertThat(loaded.version()).isEqualTo(3);
        }

        @Test
        void everyReachableLedgerSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(BudgetGenerators.controls(), lists().of(BudgetGenerators.ops()).ofSizeBetween(0, 20),
                            lists().of(BudgetGenerators.ops()).ofSizeBetween(0, 10))
                    .checkAssert((controls, ops, more) -> {
                        Budget budget = applied(renamed(BudgetGenerators.issued(controls), newId()), ops);
                        saveInTransaction(budget);
                        Budget loaded = load(budget.id());
                        assertThat(loaded.snapshot()).isEqualTo(budget.snapshot());
                        applied(loaded, more);
                        saveInTransaction(loaded);
                        Budget reloaded = load(budget.id());
                        assertThat(reloaded.snapshot()).isEqualTo(loaded.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }
    }

    /** The queries by parent and by unit. */
    @Nested
    class Queries {

        @Test
        void childrenAndUnitBudgetsAreFoundInOrder() {
            BudgetRepository budgets = storage.port(BudgetRepository.class);
            OrgUnit province = OrgUnit.province(new OrgUnitId(samples.nextId("P")));
            OrgUnit network = OrgUnit.localNetwork(new OrgUnitId(samples.nextId("N")), new LocalNetworkId("SZ"),
                    province.id());
            BudgetId parentId = newId();
            Budget parent = Budget.setTargets(parentId, BudgetTargets.of(province, 2027, null,
                    BudgetGenerators.cents(100)), new UserId("gm"), "targets", BudgetGenerators.inMonth(0));
            Budget second = Budget.setTargets(new BudgetId(parentId.value() + "-b"), BudgetTargets.of(network, 2027,
                    parentId, BudgetGenerators.cents(100)), new UserId("gm"), "targets", BudgetGenerators.inMonth(0));
            Budget first = Budget.setTargets(new BudgetId(parentId.value() + "-a"), BudgetTargets.of(network, 2026,
                    parentId, BudgetGenerators.cents(100)), new UserId("gm"), "targets", BudgetGenerators.inMonth(0));
            saveInTransaction(parent);
            saveInTransaction(second);
            saveInTransaction(first);
            assertThat(inTransaction(() -> budgets.childrenOf(parentId))).extracting(Budget::id)
                    .containsExactly(first.id(), second.id());
            assertThat(inTransaction(() -> budgets.childrenOf(first.id()))).isEmpty();
            assertThat(inTransaction(() -> budgets.ofUnit(network.id()))).extracting(Budget::id)
                    .containsExactly(first.id(), second.id());
            assertThat(inTransaction(() -> budgets.ofUnit(province.id()))).extracting(Budget::id)
                    .containsExactly(parentId);
        }
    }
}
