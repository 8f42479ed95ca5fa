package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.LocalNetworkId;

class AccountPlanTest {

    private static final AccountPlanId ID = new AccountPlanId("PLAN-2024-ACME");
    private static final AccountId ACME = new AccountId("ACME");
    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final Year Y2024 = Year.of(2024);
    private static final UserId MANAGER = new UserId("li.na");
    private static final UserId ENGINEER = new UserId("wang.tech");
    private static final Instant T0 = Instant.parse("2024-01-05T09:00:00Z");

    private static AccountPlan plan() {
        AccountPlan plan = AccountPlan.draw(ID, ACME, SZ, Y2024, Money.cny("1200000.00"), MANAGER, T0);
        plan.drainEvents();
        return plan;
    }

    private static Instant t(long s) {
        return T0.plusSeconds(s);
    }

    static Stream<Arguments> invalidDrafts() {
        Money m = Money.cny("1.00");
        return Stream.of(
                Arguments.of("id", (Runnable) () -> AccountPlan.draw(null, ACME, SZ, Y2024, m, MANAGER, T0)),
                Arguments.of("account", (Runnable) () -> AccountPlan.draw(ID, null, SZ, Y2024, m, MANAGER, T0)),
                Arguments.of("network", (Runnable) () -> AccountPlan.draw(ID, ACME, null, Y2024, m, MANAGER, T0)),
                Arguments.of("year", (Runnable) () -> AccountPlan.draw(ID, ACME, SZ, null, m, MANAGER, T0)),
                Arguments.of("revenueTarget", (Runnable) () -> AccountPlan.draw(ID, ACME, SZ, Y2024, null, MANAGER, T0)),
                Arguments.of("revenueTarget", (Runnable) () -> AccountPlan.draw(ID, ACME, SZ, Y2024, Money.zero(), MANAGER, T0)),
                Arguments.of("revenueTarget", (Runnable) () -> AccountPlan.draw(ID, ACME, SZ, Y2024, Money.cny("-1.00"), MANAGER, T0)),
                Arguments.of("by", (Runnable) () -> AccountPlan.draw(ID, ACME, SZ, Y2024, m, null, T0)),
                Arguments.of("at", (Runnable) () -> AccountPlan.draw(ID, ACME, SZ, Y2024, m, MANAGER, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void drawingRejectsInvalidArguments(String argument, Runnable draft) {
        assertThatThrownBy(draft::run).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).argument()).isEqualTo(argument));
    }

    @Test
    void drawingRaisesAnEvent() {
        AccountPlan plan = AccountPlan.draw(ID, ACME, SZ, Y2024, Money.cny("1200000.00"), MANAGER, T0);
        assertThat(plan.pendingEvents()).singleElement().extracting(DomainEvent::type).isEqualTo("account-plan.drawn");
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.resourceItems()).isEmpty();
    }

    @Test
    void actionsAreNumberedOwnedAndCompletedOnce() {
        AccountPlan plan = plan();
        PlanAction first = plan.addAction(" visit the CIO ", MANAGER, LocalDate.of(2024, 3, 1), MANAGER, t(1));
        PlanAction second = plan.addAction("propose an MPLS VPN", ENGINEER, LocalDate.of(2024, 5, 1), MANAGER, t(2));
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.description()).isEqualTo("visit the CIO");
        assertThat(second.number()).isEqualTo(2);
        plan.completeAction(2, ENGINEER, t(3));
        assertThat(plan.openActions()).containsExactly(first);
        assertThat(plan.actions().get(1).completedBy()).contains(ENGINEER);
        assertThatThrownBy(() -> plan.completeAction(2, ENGINEER, t(4))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> plan.completeAction(3, ENGINEER, t(4))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> plan.completeAction(0, ENGINEER, t(4))).isInstanceOf(NotFoundException.class);
        assertThat(plan.drainEvents()).extracting(DomainEvent::type).containsExactly(
                "account-plan.action-added", "account-plan.action-added", "account-plan.action-completed");
    }

    @Test
    void datesMustLieInThePlanYear() {
        AccountPlan plan = plan();
        assertThatThrownBy(() -> plan.addAction("late", MANAGER, LocalDate.of(2025, 1, 1), MANAGER, t(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("due");
        assertThatThrownBy(() -> plan.addResourceItem(new ProductCode("DDN"), 2, LocalDate.of(2023, 12, 31), "", MANAGER, t(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("neededBy");
    }

    @Test
    void resourceLinesAreNumberedAndFulfilledOnce() {
        AccountPlan plan = plan();
        ResourcePlanItem item = plan.addResourceItem(new ProductCode("DDN"), 4, LocalDate.of(2024, 6, 30), " branch links ", MANAGER, t(1));
        assertThat(item.number()).isEqualTo(1);
        assertThat(item.note()).isEqualTo("branch links");
        assertThatThrownBy(() -> plan.addResourceItem(new ProductCode("DDN"), 0, LocalDate.of(2024, 6, 30), "", MANAGER, t(2)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("quantity");
        plan.fulfilResourceItem(1, ENGINEER, t(3));
        assertThat(plan.resourceItems().get(0).isFulfilled()).isTrue();
        assertThatThrownBy(() -> plan.fulfilResourceItem(1, ENGINEER, t(4))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> plan.fulfilResourceItem(2, ENGINEER, t(4))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTargetIsRevisedWithAReason() {
        AccountPlan plan = plan();
        assertThatThrownBy(() -> plan.reviseTarget(Money.cny("1200000.00"), "same", MANAGER, t(1))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> plan.reviseTarget(Money.cny("1.00"), " ", MANAGER, t(1))).hasMessageContaining("reason");
        assertThatThrownBy(() -> plan.reviseTarget(Money.zero(), "none", MANAGER, t(1))).hasMessageContaining("newTarget");
        plan.reviseTarget(Money.cny("1500000.00"), "new data centre", MANAGER, t(2));
        assertThat(plan.revenueTarget()).isEqualTo(Money.cny("1500000.00"));
        RevenueTargetRevised event = (RevenueTargetRevised) plan.drainEvents().get(0);
        assertThat(event.previousTarget()).isEqualTo(Money.cny("1200000.00"));
    }

    @Test
    void timeNeverGoesBack() {
        AccountPlan plan = plan();
        plan.addAction("a", MANAGER, LocalDate.of(2024, 3, 1), MANAGER, t(10));
        AccountPlanSnapshot before = plan.snapshot();
        assertThatThrownBy(() -> plan.completeAction(1, MANAGER, t(9))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at");
        assertThat(plan.snapshot()).isEqualTo(before);
    }

    @Test
    void progressComparesTheWholeMonthsWithALinearExpectation() {
        AccountPlan plan = plan();  // 1,200,000 a year = 100,000 a month
        List<SpendFact> facts = List.of(
                spend("F1", ACME, 1, "90000.00"), spend("F2", ACME, 2, "120000.00"), spend("F3", ACME, 3, "95000.00"),
                spend("F4", ACME, 4, "400000.00"),                    // April: not yet a whole month on 15 April
                spend("F5", new AccountId("OTHER"), 1, "999999.00"),  // another account
                SpendFact.original(new SpendFactId("F6"), ACME, SZ, YearMonth.of(2023, 12), Money.cny("5.00"), T0));
        PlanProgress april = plan.progress(facts, LocalDate.of(2024, 4, 15));
        assertThat(april.monthsElapsed()).isEqualTo(3);
        assertThat(april.achieved()).isEqualTo(Money.cny("305000.00"));
        assertThat(april.expected()).isEqualTo(Money.cny("300000.00"));
        assertThat(april.onTrack()).isTrue();
        assertThat(april.ratio()).isEqualByComparingTo("0.2542");
        assertThat(april.remaining()).isEqualTo(Money.cny("895000.00"));

        PlanProgress yearEnd = plan.progress(facts, LocalDate.of(2025, 2, 1));
        assertThat(yearEnd.monthsElapsed()).isEqualTo(12);
        assertThat(yearEnd.achieved()).isEqualTo(Money.cny("705000.00"));
        assertThat(yearEnd.expected()).isEqualTo(Money.cny("1200000.00"));
        assertThat(yearEnd.onTrack()).isFalse();

        PlanProgress before = plan.progress(facts, LocalDate.of(2023, 12, 31));
        assertThat(before.monthsElapsed()).isZero();
        assertThat(before.achieved().isZero()).isTrue();
        assertThat(before.onTrack()).isTrue();
    }

    @Test
    void progressRejectsMissingInput() {
        assertThatThrownBy(() -> plan().progress(List.of(), null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("asOf");
        assertThatThrownBy(() -> plan().progress(null, LocalDate.of(2024, 1, 1))).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void progressValuesAreConsistent() {
        assertThatThrownBy(() -> new PlanProgress(ID, ACME, Y2024, LocalDate.of(2024, 2, 1), 1, Money.cny("12.00"),
                Money.cny("0.50"), java.math.BigDecimal.ZERO, Money.cny("1.00"), true)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("onTrack");
    }

    private static SpendFact spend(String id, AccountId account, int month, String amount) {
        return SpendFact.original(new SpendFactId(id), account, SZ, YearMonth.of(2024, month), Money.cny(amount), T0);
    }
}
