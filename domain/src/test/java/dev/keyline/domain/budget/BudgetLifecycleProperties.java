package dev.keyline.domain.budget;

import static dev.keyline.domain.budget.BudgetGenerators.DRAFTER;
import static dev.keyline.domain.budget.BudgetGenerators.LINES;
import static dev.keyline.domain.budget.BudgetGenerators.REVIEWER;
import static dev.keyline.domain.budget.BudgetGenerators.SUZHOU;
import static dev.keyline.domain.budget.BudgetGenerators.YEAR;
import static dev.keyline.domain.budget.BudgetGenerators.ZONE;
import static dev.keyline.domain.budget.BudgetGenerators.cents;
import static dev.keyline.domain.budget.BudgetGenerators.inMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of lifecycle commands on a {@link Budget}, against a model of the allowed
 * transitions: each accepted transition appends exactly one history entry (who, when, why) and one
 * {@link BudgetStatusChanged}; an illegal one is refused with
 * {@link IllegalBudgetTransitionException} and, like every refused command, changes nothing; lines
 * change only while editable and never exceed the fund plan; a budget is submitted again only once
 * every challenge is answered; and the snapshot round-trips after every step.
 */
class BudgetLifecycleProperties {

    private static final long FUND_PLAN = 100_000_000;

    @Test
    void randomLifecycleCommandsKeepEveryInvariant() {
        qt().withExamples(500).forAll(lists().of(lists().of(integers().between(0, 1_000_000)).ofSize(2))
                .ofSizeBetween(1, 30)).checkAssert(ops -> {
                    Budget budget = Budget.setTargets(new BudgetId("SZ-2027"), new BudgetTargets(SUZHOU, YEAR, null,
                            cents(FUND_PLAN), BudgetTargets.DEFAULT_ALERT_SHARES, ZONE), REVIEWER, "targets", inMonth(0));
                    long[] planned = new long[3];
                    boolean[] has = new boolean[3];
                    int minute = 0;
                    for (List<Integer> op : ops) {
                        int kind = op.get(0) % 8;
                        int arg = op.get(1);
                        Instant at = inMonth(0).plusSeconds(60L * ++minute);
                        BudgetStatus status = budget.status();
                        BudgetSnapshot before = budget.snapshot();
                        List<DomainEvent> events = budget.pendingEvents();
                        int historyBefore = budget.history().size();
                        BudgetStatus target = switch (kind) {
                            case 0 -> BudgetStatus.DRAFT;
                            case 2 -> BudgetStatus.SUBMITTED;
                            case 3 -> BudgetStatus.CHALLENGED;
                            case 5 -> BudgetStatus.APPROVED;
                            case 6 -> BudgetStatus.ISSUED;
                            case 7 -> BudgetStatus.CLOSED;
                            default -> null;
                        };
                        Class<? extends KeylineException> expected = null;
                        int line = arg % 3;
                        long amount = (arg % 60_000) * 1_000L;
                        if (target != null && !status.next().contains(target)) {
                            expected = IllegalBudgetTransitionException.class;
                        } else if (kind == 2 && !(has[0] || has[1] || has[2])) {
                            expected = InvalidStateException.class;
                        } else if (kind == 2 && budget.openChallenge().isPresent()) {
                            expected = InvalidStateException.class;
                        } else if (kind == 1 && !status.isEditable()) {
                            expected = InvalidStateException.class;
                        } else if (kind == 1 && planned[0] + planned[1] + planned[2] - planned[line] + amount > FUND_PLAN) {
                            expected = InsufficientCapacityException.class;
                        } else if (kind == 4 && status != BudgetStatus.CHALLENGED) {
                            expected = InvalidStateException.class;
                        } else if (kind == 4 && (arg % 4 == 0 || arg % 4 > budget.challenges().size())) {
                            expected = NotFoundException.class;
                        } else if (kind == 4 && budget.challenges().get(arg % 4 - 1).isAnswered()) {
                            expected = InvalidStateException.class;
                        }
                        try {
                            switch (kind) {
                                case 0 -> budget.startDraft(DRAFTER, "draft", at);
                                case 1 -> budget.planLine(new BudgetLine(LINES.get(line), LineKind.CAPEX, "c",
                                        cents(amount), BudgetControl.uniform(ControlLevel.STOP), null), DRAFTER, at);
                                case 2 -> budget.submit(DRAFTER, "submit", at);
                                case 3 -> budget.challenge("why so much?", REVIEWER, at);
                                case 4 -> budget.answerChallenge(arg % 4, "because", DRAFTER, at);
                                case 5 -> budget.approve(REVIEWER, "ok", at);
                                case 6 -> budget.issue(REVIEWER, "issued", at);
                                default -> budget.close(REVIEWER, "closed", at);
                            }
                            if (expected != null) {
                                fail("expected " + expected.getSimpleName() + " for " + kind + " in " + status);
                            }
                            if (kind == 1) {
                                planned[line] = amount;
                                has[line] = true;
                            }
                            if (target != null) {
                                assertThat(budget.status()).isEqualTo(target);
                                assertThat(budget.history()).hasSize(historyBefore + 1);
                                StatusChange last = budget.history().get(historyBefore);
                                assertThat(last.from()).isEqualTo(status);
                                assertThat(last.to()).isEqualTo(target);
                                assertThat(last.at()).isEqualTo(at);
                                assertThat(last.by()).isEqualTo(kind <= 2 ? DRAFTER : REVIEWER);
                                assertThat(budget.pendingEvents().stream().filter(e -> e instanceof BudgetStatusChanged)
                                        .count()).isEqualTo(events.stream().filter(e -> e instanceof BudgetStatusChanged)
                                        .count() + 1);
                            } else {
                                assertThat(budget.history()).hasSize(historyBefore);
                            }
                        } catch (KeylineException refused) {
                            if (expected == null) {
                                throw new AssertionError("expected " + kind + " in " + status + " to be accepted", refused);
                            }
                            assertThat(refused).isInstanceOf(expected);
                            assertThat(budget.snapshot()).isEqualTo(before);
                            assertThat(budget.pendingEvents()).isEqualTo(events);
                        }
                        assertThat(budget.totalIssued()).isLessThanOrEqualTo(cents(FUND_PLAN));
                        assertThat(budget.history().get(budget.history().size() - 1).to()).isEqualTo(budget.status());
                        assertThat(Budget.restore(budget.snapshot()).snapshot()).isEqualTo(budget.snapshot());
                    }
                });
    }
}
