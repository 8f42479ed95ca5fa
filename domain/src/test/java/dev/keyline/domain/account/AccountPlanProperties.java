package dev.keyline.domain.account;

import static dev.keyline.domain.account.AccountGenerators.accountPlanCommandSequences;
import static dev.keyline.domain.account.AccountGenerators.accountPlanSnapshots;
import static dev.keyline.domain.account.AccountGenerators.drawnPlans;
import static dev.keyline.domain.account.AccountGenerators.ledgers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AccountPlanProperties {

    @Test
    void everyCommandKeepsEveryInvariantAndEveryRejectionChangesNothing() {
        Map<String, int[]> outcomes = new TreeMap<>();
        qt().withExamples(500).forAll(drawnPlans(), accountPlanCommandSequences()).checkAssert((plan, commands) -> {
            checkInvariants(plan.snapshot());
            for (AccountPlanCommand command : commands) {
                AccountPlanSnapshot before = plan.snapshot();
                int eventsBefore = plan.pendingEvents().size();
                Instant at = before.lastChangedAt().plusSeconds(command.secondsAfterLastChange());
                boolean expected = expectedAccepted(before, command);
                boolean accepted;
                try {
                    command.applyTo(plan);
                    accepted = true;
                } catch (KeylineException rejected) {
                    accepted = false;
                }
                outcomes.computeIfAbsent(command.getClass().getSimpleName(), k -> new int[2])[accepted ? 0 : 1]++;
                AccountPlanSnapshot after = plan.snapshot();
                assertThat(accepted).as("accepted %s in %s", command, before).isEqualTo(expected);
                checkInvariants(after);
                List<DomainEvent> events = plan.pendingEvents();
                if (!accepted) {
                    assertThat(after).isEqualTo(before);
                    assertThat(events).hasSize(eventsBefore);
                    continue;
                }
                assertThat(events).hasSize(eventsBefore + 1);
                DomainEvent event = events.get(events.size() - 1);
                assertThat(event.aggregateId()).isEqualTo(before.id().value());
                assertThat(event.occurredAt()).isEqualTo(at);
                assertThat(event.audience().accountId()).isEqualTo(before.account().value());
                assertThat(after.lastChangedAt()).isEqualTo(at);
                checkEffect(before, after, command, at);
            }
        });
        assertThat(outcomes).hasSize(5);
        outcomes.forEach((command, counts) -> {
            assertThat(counts[0]).as("%s accepted", command).isPositive();
            assertThat(counts[1]).as("%s rejected", command).isPositive();
        });
    }

    @Test
    void snapshotAndRestoreRoundTrip() {
        qt().withExamples(500).forAll(accountPlanSnapshots()).checkAssert(snapshot -> {
            AccountPlan restored = AccountPlan.restore(snapshot);
            assertThat(restored.snapshot()).isEqualTo(snapshot);
            assertThat(restored.pendingEvents()).isEmpty();
        });
    }

    @Test
    void restoringACorruptedSnapshotFails() {
        qt().withExamples(500).forAll(accountPlanSnapshots(), integers().between(0, CORRUPTIONS.size() - 1)).checkAssert((snapshot, which) -> {
            AccountPlanSnapshot corrupted = CORRUPTIONS.get(which).apply(snapshot);
            assertThatThrownBy(() -> AccountPlan.restore(corrupted)).as("corruption %d", which)
                    .isInstanceOf(CorruptStateException.class);
        });
    }

    @Test
    void progressCountsTheWholeMonthsOfThePlanYearBeforeTheDate() {
        qt().withExamples(300).forAll(ledgers(), integers().between(0, 500)).checkAssert((ledger, day) -> {
            AccountPlan plan = AccountPlan.draw(new AccountPlanId("P1"), new AccountId("A1"), ledger.network(), Year.of(2024),
                    Money.cny("120000.00"), new UserId("u1"), AccountGenerators.EPOCH);
            LocalDate asOf = LocalDate.of(2023, 12, 1).plusDays(day);
            PlanProgress progress = plan.progress(ledger.facts(), asOf);
            int months = asOf.getYear() < 2024 ? 0 : asOf.getYear() > 2024 ? 12 : asOf.getMonthValue() - 1;
            BigDecimal achieved = BigDecimal.ZERO;
            for (Map.Entry<YearMonth, Money> e : ledger.expected().getOrDefault(new AccountId("A1"), Map.of()).entrySet()) {
                if (e.getKey().getMonthValue() <= months) {
                    achieved = achieved.add(e.getValue().amount());
                }
            }
            assertThat(progress.monthsElapsed()).isEqualTo(months);
            assertThat(progress.achieved().amount()).isEqualByComparingTo(achieved);
            assertThat(progress.expected().amount()).isEqualByComparingTo(BigDecimal.valueOf(10_000L * months));
            assertThat(progress.ratio()).isEqualByComparingTo(achieved.divide(new BigDecimal("120000"), 4, RoundingMode.HALF_EVEN));
            assertThat(progress.onTrack()).isEqualTo(achieved.compareTo(BigDecimal.valueOf(10_000L * months)) >= 0);
        });
    }

    private static final List<UnaryOperator<AccountPlanSnapshot>> CORRUPTIONS = List.of(
            s -> copy(s, Money.zero(), s.actions(), s.resourceItems(), s.lastChangedAt(), s.version()),
            s -> copy(s, s.revenueTarget(), s.actions(), s.resourceItems(), s.drawnAt().minusSeconds(1), s.version()),
            s -> copy(s, s.revenueTarget(), s.actions(), s.resourceItems(), s.lastChangedAt(), -1),
            s -> copy(s, s.revenueTarget(), null, s.resourceItems(), s.lastChangedAt(), s.version()),
            s -> {
                List<PlanAction> actions = new ArrayList<>(s.actions());
                actions.add(new PlanAction(actions.size() + 2, "skipped a number", new UserId("u1"),
                        s.year().atDay(1), Optional.empty(), Optional.empty()));
                return copy(s, s.revenueTarget(), actions, s.resourceItems(), s.lastChangedAt(), s.version());
            },
            s -> {
                List<PlanAction> actions = new ArrayList<>(s.actions());
                actions.add(new PlanAction(actions.size() + 1, "due next year", new UserId("u1"),
                        s.year().plusYears(1).atDay(1), Optional.empty(), Optional.empty()));
                return copy(s, s.revenueTarget(), actions, s.resourceItems(), s.lastChangedAt(), s.version());
            },
            s -> {
                List<ResourcePlanItem> items = new ArrayList<>(s.resourceItems());
                items.add(new ResourcePlanItem(items.size() + 1, new dev.keyline.domain.common.ProductCode("DDN"), 1,
                        s.year().atDay(1), "", Optional.of(s.lastChangedAt().plusSeconds(1)), Optional.of(new UserId("u1"))));
                return copy(s, s.revenueTarget(), s.actions(), items, s.lastChangedAt(), s.version());
            });

    private static AccountPlanSnapshot copy(AccountPlanSnapshot s, Money target, List<PlanAction> actions,
            List<ResourcePlanItem> items, Instant lastChangedAt, long version) {
        return new AccountPlanSnapshot(s.id(), version, s.account(), s.network(), s.year(), target, actions, items,
                s.drawnBy(), s.drawnAt(), lastChangedAt);
    }

    private static boolean inYear(AccountPlanSnapshot s, int dayOffset) {
        return s.year().atDay(1).plusDays(dayOffset).getYear() == s.year().getValue();
    }

    static boolean expectedAccepted(AccountPlanSnapshot s, AccountPlanCommand c) {
        boolean timely = c.secondsAfterLastChange() >= 0;
        if (c instanceof AccountPlanCommand.AddAction a) {
            return timely && !a.description().isBlank() && inYear(s, a.dueDay());
        } else if (c instanceof AccountPlanCommand.CompleteAction a) {
            return timely && a.number() >= 1 && a.number() <= s.actions().size() && !s.actions().get(a.number() - 1).isDone();
        } else if (c instanceof AccountPlanCommand.AddResourceItem r) {
            return timely && r.quantity() > 0 && inYear(s, r.neededByDay());
        } else if (c instanceof AccountPlanCommand.FulfilResourceItem r) {
            return timely && r.number() >= 1 && r.number() <= s.resourceItems().size()
                    && !s.resourceItems().get(r.number() - 1).isFulfilled();
        } else if (c instanceof AccountPlanCommand.ReviseTarget t) {
            return timely && t.target().isPositive() && !t.reason().isBlank() && !t.target().equals(s.revenueTarget());
        }
        throw new AssertionError("unknown command " + c);
    }

    private static void checkEffect(AccountPlanSnapshot before, AccountPlanSnapshot after, AccountPlanCommand c, Instant at) {
        if (c instanceof AccountPlanCommand.AddAction a) {
            assertThat(after.actions()).hasSize(before.actions().size() + 1);
            PlanAction added = after.actions().get(after.actions().size() - 1);
            assertThat(added.owner()).isEqualTo(a.owner());
            assertThat(added.isDone()).isFalse();
        } else if (c instanceof AccountPlanCommand.CompleteAction a) {
            PlanAction done = after.actions().get(a.number() - 1);
            assertThat(done.completedAt()).contains(at);
            assertThat(done.completedBy()).contains(a.by());
        } else if (c instanceof AccountPlanCommand.AddResourceItem r) {
            assertThat(after.resourceItems()).hasSize(before.resourceItems().size() + 1);
            assertThat(after.resourceItems().get(after.resourceItems().size() - 1).quantity()).isEqualTo(r.quantity());
        } else if (c instanceof AccountPlanCommand.FulfilResourceItem r) {
            assertThat(after.resourceItems().get(r.number() - 1).fulfilledAt()).contains(at);
        } else if (c instanceof AccountPlanCommand.ReviseTarget t) {
            assertThat(after.revenueTarget()).isEqualTo(t.target());
        }
    }

    /** Every invariant, written out independently of the aggregate's own checks. */
    static void checkInvariants(AccountPlanSnapshot s) {
        assertThat(s.revenueTarget().isPositive()).isTrue();
        for (int i = 0; i < s.actions().size(); i++) {
            PlanAction a = s.actions().get(i);
            assertThat(a.number()).isEqualTo(i + 1);
            assertThat(a.due().getYear()).isEqualTo(s.year().getValue());
            a.completedAt().ifPresent(t -> assertThat(t).isBetween(s.drawnAt(), s.lastChangedAt()));
        }
        for (int i = 0; i < s.resourceItems().size(); i++) {
            ResourcePlanItem r = s.resourceItems().get(i);
            assertThat(r.number()).isEqualTo(i + 1);
            assertThat(r.neededBy().getYear()).isEqualTo(s.year().getValue());
            assertThat(r.quantity()).isPositive();
        }
        assertThat(s.lastChangedAt()).isAfterOrEqualTo(s.drawnAt());
        assertThat(AccountPlan.restore(s).snapshot()).isEqualTo(s);
    }
}
