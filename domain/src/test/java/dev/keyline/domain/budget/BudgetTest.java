package dev.keyline.domain.budget;

import static dev.keyline.domain.budget.BudgetGenerators.DRAFTER;
import static dev.keyline.domain.budget.BudgetGenerators.LINES;
import static dev.keyline.domain.budget.BudgetGenerators.PROVINCE;
import static dev.keyline.domain.budget.BudgetGenerators.REVIEWER;
import static dev.keyline.domain.budget.BudgetGenerators.SUZHOU;
import static dev.keyline.domain.budget.BudgetGenerators.YEAR;
import static dev.keyline.domain.budget.BudgetGenerators.cents;
import static dev.keyline.domain.budget.BudgetGenerators.inMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the budget's rules: the chain of documents, control, phasing, alerts, challenges and restore. */
class BudgetTest {

    private static final BudgetLineId ACCESS = LINES.get(0);
    private static final BudgetLineId CORE = LINES.get(1);
    private static final BudgetLineId MAINT = LINES.get(2);

    private static Budget stopped() {
        return BudgetGenerators.issued(List.of(BudgetControl.uniform(ControlLevel.STOP),
                BudgetControl.uniform(ControlLevel.WARN), BudgetControl.uniform(ControlLevel.IGNORE)));
    }

    @Test
    void requestThenOrderThenInvoiceMovesTheAmountFromCommitmentsToActuals() {
        Budget budget = stopped();
        budget.bookCommitment(ACCESS, new CommitmentId("PR-1"), DocumentStage.REQUEST, cents(30_000_00), null, DRAFTER,
                inMonth(6));
        budget.bookCommitment(ACCESS, new CommitmentId("PO-1"), DocumentStage.ORDER, cents(28_000_00),
                new CommitmentId("PR-1"), DRAFTER, inMonth(6));
        LineBalance afterInvoice = budget.recordActual(ACCESS, new CommitmentId("INV-1"), cents(28_500_00),
                new CommitmentId("PO-1"), DRAFTER, inMonth(7));
        assertThat(afterInvoice.committed()).isEqualTo(cents(0));
        assertThat(afterInvoice.actual()).isEqualTo(cents(28_500_00));
        assertThat(afterInvoice.available()).isEqualTo(cents(1_000_000_00 - 28_500_00));
        assertThat(budget.ledger()).extracting(LedgerEntry::kind).containsExactly(LedgerEntryKind.COMMITMENT_BOOKED,
                LedgerEntryKind.COMMITMENT_REVERSED, LedgerEntryKind.COMMITMENT_BOOKED,
                LedgerEntryKind.COMMITMENT_REVERSED, LedgerEntryKind.ACTUAL_RECORDED);
        assertThat(budget.pendingEvents()).extracting(e -> e.type()).containsExactly(CommitmentBooked.TYPE,
                CommitmentReversed.TYPE, CommitmentBooked.TYPE, CommitmentReversed.TYPE, ActualRecorded.TYPE);
    }

    @Test
    void stopRefusesAnOverrunNamingLineStageAmountAndAvailable() {
        Budget budget = stopped();
        budget.bookCommitment(ACCESS, new CommitmentId("PO-1"), DocumentStage.ORDER, cents(900_000_00), null, DRAFTER,
                inMonth(12));
        BudgetSnapshot before = budget.snapshot();
        assertThatThrownBy(() -> budget.bookCommitment(ACCESS, new CommitmentId("PO-2"), DocumentStage.ORDER,
                cents(100_000_01), null, DRAFTER, inMonth(12)))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.line()).isEqualTo(ACCESS);
                    assertThat(e.stage()).isEqualTo(DocumentStage.ORDER);
                    assertThat(e.amount()).isEqualTo(cents(100_000_01));
                    assertThat(e.available()).isEqualTo(cents(100_000_00));
                    assertThat(e.limit()).isEqualTo(OverrunLimit.ANNUAL);
                })
                .hasMessageContaining("line CAPEX-ACCESS").hasMessageContaining("ORDER")
                .hasMessageContaining("100000.01 CNY").hasMessageContaining("available 100000.00 CNY");
        assertThat(budget.snapshot()).isEqualTo(before);
    }

    @Test
    void theMonthlyPhasingStopsEarlySpendingBeyondTheAmountAccumulatedToTheMonth() {
        Budget budget = stopped();
        assertThat(budget.phasedTo(ACCESS, YearMonth.of(YEAR, 3))).isEqualTo(cents(250_000_02));
        assertThat(budget.phasedTo(ACCESS, YearMonth.of(YEAR - 1, 12))).isEqualTo(cents(0));
        assertThat(budget.phasedTo(ACCESS, YearMonth.of(YEAR + 1, 1))).isEqualTo(cents(1_000_000_00));
        assertThatThrownBy(() -> budget.bookCommitment(ACCESS, new CommitmentId("PR-1"), DocumentStage.REQUEST,
                cents(250_000_03), null, DRAFTER, inMonth(3)))
                .isInstanceOfSatisfying(BudgetExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(OverrunLimit.PERIOD));
        budget.bookCommitment(ACCESS, new CommitmentId("PR-1"), DocumentStage.REQUEST, cents(250_000_03), null, DRAFTER,
                inMonth(4));
    }

    @Test
    void warnBooksTheOverrunAndRaisesAnEventAndEachShareOnce() {
        Budget budget = stopped();
        budget.bookCommitment(CORE, new CommitmentId("PO-1"), DocumentStage.ORDER, cents(480_000_00), null, DRAFTER,
                inMonth(12));
        budget.bookCommitment(CORE, new CommitmentId("PO-2"), DocumentStage.ORDER, cents(200_000_00), null, DRAFTER,
                inMonth(12));
        budget.reverseCommitment(new CommitmentId("PO-2"), "cancelled", DRAFTER, inMonth(12));
        budget.bookCommitment(CORE, new CommitmentId("PO-3"), DocumentStage.ORDER, cents(200_000_00), null, DRAFTER,
                inMonth(12));
        List<BudgetShareReached> shares = new ArrayList<>();
        List<BudgetOverrunWarned> warnings = new ArrayList<>();
        budget.pendingEvents().forEach(e -> {
            if (e instanceof BudgetShareReached s) {
                shares.add(s);
            } else if (e instanceof BudgetOverrunWarned w) {
                warnings.add(w);
            }
        });
        assertThat(shares).extracting(BudgetShareReached::share).containsExactly(new BigDecimal("0.800000"),
                new BigDecimal("1.000000"));
        assertThat(warnings).hasSize(2);
        assertThat(budget.balance(CORE).available()).isEqualTo(cents(-80_000_00));
    }

    @Test
    void ignoreBooksSilentlyOnALineOfZero() {
        Budget budget = stopped();
        budget.recordActual(MAINT, new CommitmentId("INV-1"), cents(1_00), null, DRAFTER, inMonth(1));
        assertThat(budget.pendingEvents()).noneMatch(e -> e instanceof BudgetOverrunWarned);
        assertThat(budget.balance(MAINT).available()).isEqualTo(cents(-1_00));
    }

    @Test
    void revisionsAreDeltasOnTheOriginalAndRespectTheFundPlanAndTheLedger() {
        Budget budget = stopped();
        budget.bookCommitment(ACCESS, new CommitmentId("PO-1"), DocumentStage.ORDER, cents(700_000_00), null, DRAFTER,
                inMonth(12));
        Revision cut = budget.approveRevision(ACCESS, cents(-200_000_00), "slower roll-out", REVIEWER, inMonth(8));
        assertThat(cut.number()).isEqualTo(1);
        assertThat(budget.balance(ACCESS).original()).isEqualTo(cents(1_000_000_00));
        assertThat(budget.balance(ACCESS).issued()).isEqualTo(cents(800_000_00));
        assertThatThrownBy(() -> budget.approveRevision(ACCESS, cents(-100_000_01), "too deep", REVIEWER, inMonth(8)))
                .isInstanceOf(InsufficientCapacityException.class).hasMessageContaining("below its commitments");
        assertThatThrownBy(() -> budget.approveRevision(CORE, cents(600_000_01), "above the plan", REVIEWER, inMonth(8)))
                .isInstanceOf(InsufficientCapacityException.class).hasMessageContaining("fund plan");
        assertThat(budget.revisions()).containsExactly(cut);
    }

    @Test
    void challengesMustBeAnsweredBeforeSubmittingAgain() {
        Budget budget = Budget.setTargets(new BudgetId("SZ-2027"), BudgetTargets.of(SUZHOU, YEAR, null,
                cents(1_000_00)), REVIEWER, "targets", inMonth(0));
        assertThatThrownBy(() -> budget.submit(DRAFTER, "too early", inMonth(0)))
                .isInstanceOfSatisfying(IllegalBudgetTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(BudgetStatus.TARGETS_SET);
                    assertThat(e.to()).isEqualTo(BudgetStatus.SUBMITTED);
                });
        budget.startDraft(DRAFTER, "draft", inMonth(0));
        budget.planLine(new BudgetLine(ACCESS, LineKind.CAPEX, "access", cents(1_000_00),
                BudgetControl.uniform(ControlLevel.STOP), null), DRAFTER, inMonth(0));
        budget.submit(DRAFTER, "first", inMonth(0));
        Challenge challenge = budget.challenge("why access?", REVIEWER, inMonth(0));
        assertThatThrownBy(() -> budget.submit(DRAFTER, "again", inMonth(0))).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("awaits an answer");
        budget.answerChallenge(challenge.number(), "new estates", DRAFTER, inMonth(0));
        budget.submit(DRAFTER, "again", inMonth(0));
        budget.approve(REVIEWER, "ok", inMonth(0));
        assertThat(budget.history()).extracting(StatusChange::to).containsExactly(BudgetStatus.TARGETS_SET,
                BudgetStatus.DRAFT, BudgetStatus.SUBMITTED, BudgetStatus.CHALLENGED, BudgetStatus.SUBMITTED,
                BudgetStatus.APPROVED);
        assertThat(budget.pendingEvents()).anyMatch(e -> e instanceof BudgetChallengeRaised r && r.number() == 1);
    }

    @Test
    void anAlertShareOutOfRangeIsNamedByItsPlace() {
        assertThatThrownBy(() -> new BudgetTargets(SUZHOU, YEAR, null, cents(1_000_00),
                List.of(new BigDecimal("0.8"), new BigDecimal("11")), java.time.ZoneId.of("Asia/Shanghai")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("alertShares[1]: must lie in (0, 10], was 11");
    }

    @Test
    void aChildBudgetDrawsEachLineOnAParentLine() {
        BudgetTargets child = BudgetTargets.of(SUZHOU, YEAR, new BudgetId("JS-2027"), cents(1_000_00));
        Budget budget = Budget.setTargets(new BudgetId("SZ-2027"), child, REVIEWER, "targets", inMonth(0));
        budget.startDraft(DRAFTER, "draft", inMonth(0));
        assertThatThrownBy(() -> budget.planLine(new BudgetLine(ACCESS, LineKind.CAPEX, "access", cents(1_00),
                BudgetControl.uniform(ControlLevel.STOP), null), DRAFTER, inMonth(0)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("parent line");
        assertThatThrownBy(() -> BudgetTargets.of(PROVINCE, YEAR, new BudgetId("X"), cents(1)))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void restoreRejectsALedgerThatReversesWhatWasNeverBooked() {
        Budget budget = stopped();
        budget.bookCommitment(ACCESS, new CommitmentId("PR-1"), DocumentStage.REQUEST, cents(1_00), null, DRAFTER,
                inMonth(1));
        BudgetSnapshot good = budget.snapshot();
        List<LedgerEntry> ledger = new ArrayList<>(good.ledger());
        ledger.add(new LedgerEntry(2, LedgerEntryKind.COMMITMENT_REVERSED, ACCESS, new CommitmentId("PR-9"),
                DocumentStage.REQUEST, cents(1_00), DRAFTER, inMonth(1), "x"));
        assertThatThrownBy(() -> Budget.restore(new BudgetSnapshot(good.id(), good.version(), good.targets(),
                good.status(), good.lines(), good.history(), good.challenges(), good.revisions(), ledger,
                good.reachedShares()))).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("budget " + good.id() + ": ledger entry 2 reverses no matching open commitment");
        // messages built only on failure still name the loop's values at the failing step
        assertThatThrownBy(() -> Budget.restore(new BudgetSnapshot(good.id(), good.version(), good.targets(),
                BudgetStatus.DRAFT, good.lines(), good.history(), good.challenges(), good.revisions(), good.ledger(),
                good.reachedShares()))).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("budget " + good.id() + ": status DRAFT does not match its history, which ends at "
                        + good.status());
        List<StatusChange> skipping = new ArrayList<>(good.history());
        skipping.remove(1);
        assertThatThrownBy(() -> Budget.restore(new BudgetSnapshot(good.id(), good.version(), good.targets(),
                good.status(), good.lines(), skipping, good.challenges(), good.revisions(), good.ledger(),
                good.reachedShares()))).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("budget " + good.id() + ": status history moves from " + skipping.get(1).from() + " to "
                        + skipping.get(1).to() + " after " + skipping.get(0).to());
        assertThatThrownBy(() -> Budget.restore(new BudgetSnapshot(good.id(), -1, good.targets(), good.status(),
                good.lines(), good.history(), good.challenges(), good.revisions(), good.ledger(), good.reachedShares())))
                .isInstanceOf(CorruptStateException.class);
        assertThat(Budget.restore(good).snapshot()).isEqualTo(good);
    }

    @Test
    void aDocumentBeforeTheFiscalYearIsRefused() {
        Budget budget = stopped();
        assertThatThrownBy(() -> budget.bookCommitment(ACCESS, new CommitmentId("PR-1"), DocumentStage.REQUEST,
                Money.cny("1.00"), null, DRAFTER, inMonth(0))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("fiscal year");
    }
}
