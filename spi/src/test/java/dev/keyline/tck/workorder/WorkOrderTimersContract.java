package dev.keyline.tck.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultClockAlertDue;
import dev.keyline.domain.workorder.FaultClockBreached;
import dev.keyline.domain.workorder.FaultClockWarned;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningStageAlertDue;
import dev.keyline.domain.workorder.ProvisioningStageEscalated;
import dev.keyline.domain.workorder.ProvisioningStageWarned;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.workorder.FaultClockTimers;
import dev.keyline.runtime.workorder.FaultTickets;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.runtime.workorder.StageAlertTimers;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work-order area's outbox timers on one provider, through the runtime and its relay: a
 * stage's warning and escalation and a fault clock's warning and breach fall due at their instants
 * and not before; pumping the relay after them records each once; a hold or a pause for the
 * customer moves the timer by the time held; a stage done stops its timers; and a due event
 * delivered again changes nothing.
 */
public abstract class WorkOrderTimersContract extends StorageBackedContract {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final StageId ORDER = new StageId("order");
    private static final StageId LOCAL = new StageId("local");
    private static final ProvisioningOrderId PO = new ProvisioningOrderId("PO-T1");
    private static final FaultTicketId FT = new FaultTicketId("FT-T1");
    private static final Actor MANAGER = Actor.accountManager(new UserId("am-wang"));
    private static final Actor EXECUTOR = Actor.withRoles(new UserId("ex-qian"), Role.STATION_EXECUTOR);
    private static final Actor GENERAL = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    /** One day for the order stage: warned after 19.2 hours, due after 24. */
    private static final Duration WARN_AFTER = Duration.ofMinutes(19 * 60 + 12);
    private static final Duration DUE_AFTER = Duration.ofDays(1);

    private TestClock clock;
    private Keyline keyline;
    private ProvisioningOrders orders;
    private FaultTickets tickets;

    /** A runtime over this test's storage, with an order whose first stage has just started. */
    @BeforeEach
    void openAnOrder() {
        clock = TestClock.at(START);
        keyline = Keyline.builder().storage(storage).clock(clock).build();
        orders = ProvisioningOrders.on(keyline, BusinessCalendar.allDays(ZoneOffset.UTC), ProvisioningOrder.DEFAULT_WARNING_SHARE);
        Map<FaultPriority, TicketClockTargets> table = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            table.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
        }
        tickets = FaultTickets.on(keyline, TicketClockPolicy.byPriority(table), BusinessCalendar.allDays(ZoneOffset.UTC));
        StagePlan plan = StagePlan.of(List.of(PlannedStage.ofDays(ORDER, BigDecimal.ONE, List.of()),
                PlannedStage.ofDays(LOCAL, BigDecimal.ONE, List.of(ORDER))));
        orders.open(MANAGER, PO, new ProvisioningParties(new AccountId("KA-1"), new ProductCode("DDN"),
                new LocalNetworkId("SZ"), new UserId("am-wang"), new UserId("it-li")), plan, List.of(
                        new StageAssignment(ORDER, new WorkOrderStation("crc"), new LocalNetworkId("SZ"),
                                new UserId("sm-zhao"), new UserId("ex-qian")),
                        new StageAssignment(LOCAL, new WorkOrderStation("local-tx"), new LocalNetworkId("SZ"),
                                new UserId("sm-sun"), new UserId("ex-zhou"))), Optional.empty());
        orders.start(EXECUTOR, PO, ORDER);
    }

    private void pump() {
        keyline.relay().pumpUntilIdle(50);
    }

    private void advanceTo(Instant at) {
        clock.set(at);
    }

    private long outboxCount(String type) {
        return inTransaction(() -> {
            long n = 0;
            for (DeliveryStatus status : DeliveryStatus.values()) {
                n += storage.outbox().list(status, 10_000).stream().filter(e -> e.message().type().equals(type)).count();
            }
            return n;
        });
    }

    private StageProgress orderStage() {
        ProvisioningOrderSnapshot s = orders.find(PO);
        return ProvisioningOrder.restore(s).stage(ORDER);
    }

    private FaultTicketSnapshot report() {
        return tickets.report(GENERAL, FT, new AccountId("KA-1"), new ProductCode("DDN"), FaultSource.CALL_CENTRE,
                FaultPriority.HIGH, Optional.<FaultServiceClass>empty(), "line to the branch is down");
    }

    @Test
    void theAreaWiresItsTimerReactions() {
        assertThat(keyline.reactions()).extracting(Reaction::name)
                .contains(StageAlertTimers.REACTION, FaultClockTimers.REACTION);
    }

    @Test
    void aStageIsWarnedAndEscalatedAtItsInstantsAndOnlyOnce() {
        pump();
        advanceTo(START.plus(WARN_AFTER).minusSeconds(1));
        pump();
        assertThat(orderStage().warned()).as("nothing before its instant").isFalse();
        assertThat(outboxCount(ProvisioningStageWarned.TYPE)).isZero();

        advanceTo(START.plus(WARN_AFTER));
        pump();
        assertThat(orderStage().warned()).isTrue();
        assertThat(orderStage().escalated()).isFalse();
        pump();
        assertThat(outboxCount(ProvisioningStageWarned.TYPE)).isEqualTo(1);

        advanceTo(START.plus(DUE_AFTER).minusSeconds(1));
        pump();
        assertThat(orderStage().escalated()).isFalse();
        advanceTo(START.plus(DUE_AFTER));
        pump();
        assertThat(orderStage().escalated()).isTrue();
        pump();
        assertThat(outboxCount(ProvisioningStageWarned.TYPE)).isEqualTo(1);
        assertThat(outboxCount(ProvisioningStageEscalated.TYPE)).isEqualTo(1);
        assertThat(orders.raiseDueAlerts()).as("the sweep finds nothing left").isZero();
    }

    @Test
    void aHoldMovesTheStagesTimersByTheTimeHeld() {
        advanceTo(START.plus(Duration.ofHours(10)));
        orders.hold(EXECUTOR, PO, ORDER, "customer's room locked");
        advanceTo(START.plus(Duration.ofHours(30)));
        pump();
        assertThat(orderStage().warned()).as("a held stage is not warned").isFalse();

        orders.resume(EXECUTOR, PO, ORDER);
        Instant movedWarning = START.plus(WARN_AFTER).plus(Duration.ofHours(20));
        assertThat(orderStage().warningAt()).isEqualTo(movedWarning);
        advanceTo(movedWarning.minusSeconds(1));
        pump();
        assertThat(orderStage().warned()).as("not before the moved instant").isFalse();
        advanceTo(movedWarning);
        pump();
        assertThat(orderStage().warned()).isTrue();
        assertThat(outboxCount(ProvisioningStageWarned.TYPE)).isEqualTo(1);
    }

    @Test
    void aStageDoneBeforeItsInstantsIsNeverAlerted() {
        advanceTo(START.plus(Duration.ofHours(2)));
        orders.complete(EXECUTOR, PO, ORDER);
        advanceTo(START.plus(Duration.ofDays(5)));
        pump();
        assertThat(outboxCount(ProvisioningStageWarned.TYPE)).isZero();
        assertThat(outboxCount(ProvisioningStageEscalated.TYPE)).isZero();
        assertThat(outboxCount(ProvisioningStageAlertDue.TYPE)).as("its timers were cancelled").isZero();
    }

    @Test
    void aStageAlertDueDeliveredAgainChangesNothing() {
        advanceTo(START.plus(WARN_AFTER));
        pump();
        ProvisioningOrderSnapshot warned = orders.find(PO);
        assertThat(warned.stages().get(0).warned()).isTrue();

        keyline.run(ctx -> ctx.publish(new ProvisioningStageAlertDue(EventId.random(), START.plus(WARN_AFTER), PO,
                new AccountId("KA-1"), ORDER, ProvisioningStageAlertDue.Alert.WARNING)));
        pump();

        assertThat(orders.find(PO)).isEqualTo(warned);
        assertThat(outboxCount(ProvisioningStageWarned.TYPE)).isEqualTo(1);
        assertThat(keyline.relay().deadLetters(StageAlertTimers.REACTION, 10)).isEmpty();
    }

    @Test
    void aFaultClockIsWarnedAndBreachedAtItsInstantsAndOnlyOnce() {
        report();
        Instant warning = START.plus(Duration.ofMinutes(48));
        Instant deadline = START.plus(Duration.ofHours(1));
        advanceTo(warning.minusSeconds(1));
        pump();
        assertThat(tickets.get(FT).response().warnedAt()).as("nothing before its instant").isNull();

        advanceTo(warning);
        pump();
        assertThat(tickets.get(FT).response().warnedAt()).isEqualTo(warning);
        advanceTo(deadline);
        pump();
        assertThat(tickets.get(FT).response().breachedAt()).as("a breach counts once the deadline has passed").isNull();
        advanceTo(deadline.plusSeconds(1));
        pump();
        assertThat(tickets.get(FT).response().breachedAt()).isEqualTo(deadline);
        pump();
        assertThat(outboxCount(FaultClockWarned.TYPE)).as("only the response clock warned").isEqualTo(1);
        assertThat(outboxCount(FaultClockBreached.TYPE)).isEqualTo(1);
        assertThat(tickets.recordDueAlerts()).as("the sweep finds nothing left").isZero();
    }

    @Test
    void aPauseForTheCustomerMovesTheClocksTimers() {
        report();
        advanceTo(START.plus(Duration.ofMinutes(30)));
        tickets.awaitCustomer(GENERAL, FT, "customer to power the router on");
        advanceTo(START.plus(Duration.ofHours(3)));
        pump();
        assertThat(tickets.get(FT).response().warnedAt()).as("a paused clock is not warned").isNull();
        assertThat(tickets.get(FT).response().breachedAt()).isNull();

        tickets.resume(GENERAL, FT, "router on");
        Instant movedWarning = START.plus(Duration.ofMinutes(48)).plus(Duration.ofMinutes(150));
        assertThat(tickets.get(FT).response().warningAt()).isEqualTo(movedWarning);
        advanceTo(movedWarning.minusSeconds(1));
        pump();
        assertThat(tickets.get(FT).response().warnedAt()).isNull();
        advanceTo(movedWarning);
        pump();
        assertThat(tickets.get(FT).response().warnedAt()).isEqualTo(movedWarning);
        assertThat(outboxCount(FaultClockWarned.TYPE)).isEqualTo(1);
    }

    @Test
    void aFaultClockAlertDueDeliveredAgainChangesNothing() {
        report();
        advanceTo(START.plus(Duration.ofMinutes(48)));
        pump();
        FaultTicketSnapshot warned = tickets.get(FT);
        assertThat(warned.response().warnedAt()).isNotNull();

        keyline.run(ctx -> ctx.publish(new FaultClockAlertDue(EventId.random(), START.plus(Duration.ofMinutes(48)), FT,
                new AccountId("KA-1"), TicketClockKind.RESPONSE, FaultClockAlertDue.Alert.WARNING)));
        pump();

        assertThat(tickets.get(FT)).isEqualTo(warned);
        assertThat(outboxCount(FaultClockWarned.TYPE)).isEqualTo(1);
        assertThat(keyline.relay().deadLetters(FaultClockTimers.REACTION, 10)).isEmpty();
    }
}
