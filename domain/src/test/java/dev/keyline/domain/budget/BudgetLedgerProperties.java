package dev.keyline.domain.budget;

import static dev.keyline.domain.budget.BudgetGenerators.LINES;
import static dev.keyline.domain.budget.BudgetGenerators.REVIEWER;
import static dev.keyline.domain.budget.BudgetGenerators.DRAFTER;
import static dev.keyline.domain.budget.BudgetGenerators.cents;
import static dev.keyline.domain.budget.BudgetGenerators.inMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.budget.BudgetGenerators.Op;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of commitments, reversals, actuals, revisions and transitions on an issued
 * {@link Budget}, checked against an independent model of the ledger after every step: the
 * balances equal the model's, the ledger reconciles ({@code issued = available + commitments +
 * actuals}) and only grows, a line that stops every stage never has commitments and actuals above
 * its issued amount, the issued lines never exceed the fund plan, each alert share is reached once,
 * a refused command (with the exception the model predicts) leaves the budget and its events
 * unchanged, and the snapshot round-trips.
 */
class BudgetLedgerProperties {

    private static final long FUND_PLAN = 200_000_000;
    private static final List<BigDecimal> SHARES = BudgetTargets.DEFAULT_ALERT_SHARES;

    /** A document the model knows. */
    private static final class Doc {
        final CommitmentId id;
        final int line;
        final DocumentStage stage;
        final long cents;
        boolean open;

        Doc(CommitmentId id, int line, DocumentStage stage, long cents) {
            this.id = id;
            this.line = line;
            this.stage = stage;
            this.cents = cents;
            this.open = stage.isCommitment();
        }
    }

    /** The independent model of a budget's three lines. */
    private static final class Model {
        final long[] issued = {100_000_000, 60_000_000, 0};
        final long[] committed = new long[3];
        final long[] actual = new long[3];
        final List<Doc> docs = new ArrayList<>();
        final Set<String> reached = new HashSet<>();
        boolean closed;
        int next;

        long used(int line) {
            return committed[line] + actual[line];
        }

        long totalIssued() {
            return issued[0] + issued[1] + issued[2];
        }

        /** Twelve equal parts, the leftover cents to the first months, accumulated to {@code month}. */
        long phased(int line, int month) {
            int months = Math.min(month, 12);
            long part = issued[line] / 12;
            long leftover = issued[line] % 12;
            return months * part + Math.min(months, leftover);
        }
    }

    @Test
    void randomLedgerCommandsKeepEveryInvariant() {
        qt().withExamples(400).forAll(BudgetGenerators.controls(), lists().of(BudgetGenerators.ops()).ofSizeBetween(1, 40))
                .checkAssert((controls, ops) -> {
                    Budget budget = BudgetGenerators.issued(controls);
                    Model model = new Model();
                    for (Op op : ops) {
                        step(budget, model, controls, op);
                        checkInvariants(budget, model, controls);
                    }
                    assertThat(Budget.restore(budget.snapshot()).snapshot()).isEqualTo(budget.snapshot());
                });
    }

    private static void step(Budget budget, Model model, List<BudgetControl> controls, Op op) {
        BudgetSnapshot before = budget.snapshot();
        List<DomainEvent> eventsBefore = budget.pendingEvents();
        List<LedgerEntry> ledgerBefore = budget.ledger();
        Class<? extends KeylineException> expected;
        Runnable command;
        Runnable apply;
        int line = op.line();
        if (op.kind() <= 5) {
            DocumentStage stage = op.kind() >= 4 ? DocumentStage.INVOICE
                    : op.stage() == 0 ? DocumentStage.REQUEST : DocumentStage.ORDER;
            boolean duplicate = op.cents() % 13 == 0 && !model.docs.isEmpty();
            CommitmentId document = duplicate ? model.docs.get(0).id : new CommitmentId("D" + (model.next + 1));
            Doc replaced = op.ref() < 0 || model.docs.isEmpty() ? null : model.docs.get(op.ref() % model.docs.size());
            CommitmentId replaces = replaced == null ? null : replaced.id;
            long amount = op.cents();
            int month = op.month();
            long released = replaced == null || !replaced.open ? 0 : replaced.cents;
            long usedWithout = model.used(line) - released;
            boolean annual = amount > released && amount > model.issued[line] - usedWithout;
            boolean period = amount > released && amount > model.phased(line, month) - usedWithout;
            ControlLevel level = controls.get(line).levelAt(stage);
            if (amount <= 0) {
                expected = InvalidArgumentException.class;
            } else if (model.closed) {
                expected = InvalidStateException.class;
            } else if (duplicate) {
                expected = InvalidArgumentException.class;
            } else if (month == 0) {
                expected = InvalidArgumentException.class;
            } else if (replaced != null && !replaced.open) {
                expected = NotFoundException.class;
            } else if (replaced != null && (replaced.line != line || replaced.stage.ordinal() >= stage.ordinal())) {
                expected = InvalidArgumentException.class;
            } else if ((annual || period) && level == ControlLevel.STOP) {
                expected = BudgetExceededException.class;
            } else {
                expected = null;
            }
            command = () -> {
                LineBalance after = stage.isCommitment()
                        ? budget.bookCommitment(LINES.get(line), document, stage, cents(amount), replaces, DRAFTER, inMonth(month))
                        : budget.recordActual(LINES.get(line), document, cents(amount), replaces, DRAFTER, inMonth(month));
                assertThat(after).isEqualTo(budget.balance(LINES.get(line)));
            };
            apply = () -> {
                model.next++;
                if (replaced != null) {
                    replaced.open = false;
                    model.committed[line] -= replaced.cents;
                }
                model.docs.add(new Doc(document, line, stage, amount));
                if (stage.isCommitment()) {
                    model.committed[line] += amount;
                } else {
                    model.actual[line] += amount;
                }
                List<DomainEvent> raised = budget.pendingEvents().subList(eventsBefore.size(), budget.pendingEvents().size());
                boolean warned = raised.stream().anyMatch(e -> e instanceof BudgetOverrunWarned);
                assertThat(warned).as("overrun warned").isEqualTo((annual || period) && level == ControlLevel.WARN);
                raised.stream().filter(e -> e instanceof BudgetOverrunWarned).map(BudgetOverrunWarned.class::cast)
                        .forEach(w -> assertThat(w.limit()).isEqualTo(annual ? OverrunLimit.ANNUAL : OverrunLimit.PERIOD));
                assertThat(raised.stream().filter(e -> e instanceof CommitmentReversed).count())
                        .isEqualTo(replaced == null ? 0 : 1);
            };
        } else if (op.kind() == 6) {
            Doc doc = model.docs.isEmpty() ? null : model.docs.get(Math.abs(op.ref()) % model.docs.size());
            CommitmentId document = doc == null ? new CommitmentId("NONE") : doc.id;
            expected = model.closed ? InvalidStateException.class
                    : doc == null || !doc.open ? NotFoundException.class : null;
            command = () -> budget.reverseCommitment(document, "cancelled", DRAFTER, inMonth(op.month()));
            apply = () -> {
                doc.open = false;
                model.committed[doc.line] -= doc.cents;
            };
        } else if (op.kind() == 7) {
            long delta = op.cents() - 200_000;
            long issuedAfter = model.issued[line] + delta;
            if (delta == 0) {
                expected = InvalidArgumentException.class;
            } else if (model.closed) {
                expected = InvalidStateException.class;
            } else if (issuedAfter < 0 || issuedAfter < model.used(line)
                    || model.totalIssued() + delta > FUND_PLAN) {
                expected = InsufficientCapacityException.class;
            } else {
                expected = null;
            }
            command = () -> budget.approveRevision(LINES.get(line), cents(delta), "revised", REVIEWER, inMonth(op.month()));
            apply = () -> model.issued[line] += delta;
        } else if (op.stage() == 0) {
            expected = model.closed ? IllegalBudgetTransitionException.class : null;
            command = () -> budget.close(REVIEWER, "year closed", inMonth(12));
            apply = () -> model.closed = true;
        } else {
            expected = IllegalBudgetTransitionException.class;
            command = () -> budget.approve(REVIEWER, "again", inMonth(12));
            apply = () -> { };
        }
        try {
            command.run();
            if (expected != null) {
                fail("expected " + expected.getSimpleName() + " for " + op);
            }
            apply.run();
            assertThat(budget.ledger().subList(0, ledgerBefore.size())).as("the ledger only grows").isEqualTo(ledgerBefore);
        } catch (KeylineException refused) {
            if (expected == null) {
                throw new AssertionError("expected " + op + " to be accepted", refused);
            }
            assertThat(refused).as(op.toString()).isInstanceOf(expected);
            assertThat(budget.snapshot()).isEqualTo(before);
            assertThat(budget.pendingEvents()).isEqualTo(eventsBefore);
        }
        // alert shares, raised once each, from the model's used and issued amounts
        for (int i = 0; i < 3; i++) {
            for (BigDecimal share : SHARES) {
                long threshold = BigDecimal.valueOf(model.issued[i]).multiply(share).setScale(0, RoundingMode.HALF_EVEN)
                        .longValueExact();
                if (model.used(i) > 0 && model.used(i) >= threshold) {
                    model.reached.add(i + "@" + share);
                }
            }
        }
    }

    private static void checkInvariants(Budget budget, Model model, List<BudgetControl> controls) {
        Money total = Money.zero();
        for (int i = 0; i < 3; i++) {
            LineBalance balance = budget.balance(LINES.get(i));
            assertThat(balance.issued()).isEqualTo(cents(model.issued[i]));
            assertThat(balance.committed()).isEqualTo(cents(model.committed[i]));
            assertThat(balance.actual()).isEqualTo(cents(model.actual[i]));
            assertThat(balance.available().plus(balance.committed()).plus(balance.actual()))
                    .as("the ledger reconciles").isEqualTo(balance.issued());
            assertThat(balance.issued().isNegative()).isFalse();
            if (controls.get(i).stopsEverywhere()) {
                assertThat(balance.used()).as("under STOP").isLessThanOrEqualTo(balance.issued());
            }
            Money open = Money.zero();
            for (LedgerEntry entry : budget.openCommitments()) {
                if (entry.line().equals(LINES.get(i))) {
                    open = open.plus(entry.amount());
                }
            }
            assertThat(open).isEqualTo(balance.committed());
            total = total.plus(balance.issued());
        }
        assertThat(total).as("fund plan").isLessThanOrEqualTo(cents(FUND_PLAN)).isEqualTo(budget.totalIssued());
        Set<String> reached = new HashSet<>();
        for (ReachedShare share : budget.reachedShares()) {
            reached.add(LINES.indexOf(share.line()) + "@" + share.share());
        }
        assertThat(reached).isEqualTo(model.reached);
        long shareEvents = budget.pendingEvents().stream().filter(e -> e instanceof BudgetShareReached).count();
        assertThat(shareEvents).as("each share raised once").isEqualTo(budget.reachedShares().size());
        assertThat(budget.status()).isEqualTo(model.closed ? BudgetStatus.CLOSED : BudgetStatus.ISSUED);
        assertThat(Budget.restore(budget.snapshot()).snapshot()).isEqualTo(budget.snapshot());
    }
}
