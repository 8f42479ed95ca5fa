package dev.keyline.runtime.workorder;

import static dev.keyline.domain.workorder.ProvisioningStageAlertDue.Alert.ESCALATION;
import static dev.keyline.domain.workorder.ProvisioningStageAlertDue.Alert.WARNING;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningStageEscalated;
import dev.keyline.domain.workorder.ProvisioningStageWarned;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning orders through the runtime on the in-memory provider: the access rules, the
 * stations' steps, the alert sweep reading due stages from the repository, and acceptance.
 * Times are worked out by hand on calendar days from the test clock's start.
 */
class ProvisioningOrdersTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final StageId ORDER = new StageId("order");
    private static final StageId LOCAL = new StageId("local");
    private static final ProvisioningOrderId ID = new ProvisioningOrderId("PO-1");
    private static final Actor MANAGER = Actor.accountManager(new UserId("am-wang"));
    private static final Actor EXECUTOR = Actor.withRoles(new UserId("ex-qian"), Role.STATION_EXECUTOR);
    private static final Actor STATION_MANAGER = Actor.withRoles(new UserId("sm-zhao"), Role.STATION_MANAGER);
    private static final Actor STRANGER = Actor.withRoles(new UserId("ex-other"), Role.STATION_EXECUTOR);

    private TestClock clock;
    private InMemoryStorage storage;
    private ProvisioningOrders orders;

    @BeforeEach
    void openAnOrder() {
        clock = TestClock.at(START);
        storage = new InMemoryStorage();
        Keyline keyline = Keyline.builder().storage(storage).clock(clock).build();
        orders = ProvisioningOrders.on(keyline, BusinessCalendar.allDays(ZoneOffset.UTC), ProvisioningOrder.DEFAULT_WARNING_SHARE);
        StagePlan plan = StagePlan.of(List.of(PlannedStage.ofDays(ORDER, new BigDecimal("0.5"), List.of()),
                PlannedStage.ofDays(LOCAL, BigDecimal.ONE, List.of(ORDER))));
        List<StageAssignment> assignments = List.of(
                new StageAssignment(ORDER, new WorkOrderStation("crc"), new LocalNetworkId("SZ"), new UserId("sm-zhao"),
                        new UserId("ex-qian")),
                new StageAssignment(LOCAL, new WorkOrderStation("local-tx"), new LocalNetworkId("SZ"), new UserId("sm-sun"),
                        new UserId("ex-zhou")));
        orders.open(MANAGER, ID, parties(), plan, assignments, Optional.empty());
    }

    private static ProvisioningParties parties() {
        return new ProvisioningParties(new AccountId("KA-1"), new ProductCode("DDN"), new LocalNetworkId("SZ"),
                new UserId("am-wang"), new UserId("it-li"));
    }

    private List<String> outboxTypes() {
        return storage.transactions().execute(() -> {
            List<OutboxEntry> all = new ArrayList<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                all.addAll(storage.outbox().list(status, 1_000));
            }
            return all.stream().sorted(Comparator.comparingLong(OutboxEntry::sequence)).map(e -> e.message().type()).toList();
        });
    }

    @Test
    void onlyTheAccountManagerOrAGeneralManagerOpensAnOrder() {
        StagePlan plan = StagePlan.of(List.of(PlannedStage.ofDays(ORDER, BigDecimal.ONE, List.of())));
        List<StageAssignment> one = List.of(new StageAssignment(ORDER, new WorkOrderStation("crc"), new LocalNetworkId("SZ"),
                new UserId("sm"), new UserId("ex")));

        assertThatThrownBy(() -> orders.open(Actor.accountManager(new UserId("am-li")), new ProvisioningOrderId("PO-2"),
                parties(), plan, one, Optional.empty())).isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("only its account manager am-wang");
        ProvisioningOrderSnapshot opened = orders.open(Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER),
                new ProvisioningOrderId("PO-2"), parties(), plan, one, Optional.empty());
        assertThat(opened.version()).isEqualTo(1);
    }

    @Test
    void onlyTheStagesExecutorOrStationManagerMovesItAndARefusalChangesNothing() {
        assertThatThrownBy(() -> orders.start(STRANGER, ID, ORDER)).isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("only its executor ex-qian or its station manager sm-zhao");
        assertThat(orders.find(ID).version()).isEqualTo(1);

        ProvisioningOrderSnapshot started = orders.start(EXECUTOR, ID, ORDER);

        assertThat(started.stages().get(0).state()).isEqualTo(StageState.STARTED);
        assertThat(started.stages().get(0).due()).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
    }

    @Test
    void theSweepWarnsAndEscalatesOnceEachAndNeverAHeldStage() {
        orders.start(EXECUTOR, ID, ORDER);
        clock.set(Instant.parse("2026-03-02T17:35:00Z"));
        assertThat(orders.raiseDueAlerts()).isZero();

        clock.set(Instant.parse("2026-03-02T17:36:00Z"));   // 80 % of 12 hours after 08:00
        assertThat(orders.raiseDueAlerts()).isEqualTo(1);
        assertThat(orders.raiseDueAlerts()).isZero();

        orders.hold(STATION_MANAGER, ID, ORDER, "customer's room locked");
        clock.set(Instant.parse("2026-03-02T21:00:00Z"));   // past the old due time, but held
        assertThat(orders.raiseDueAlerts()).isZero();
        ProvisioningOrderSnapshot resumed = orders.resume(STATION_MANAGER, ID, ORDER);
        // held 17:36 to 21:00, 3 h 24 min credited: due 20:00 → 23:24
        assertThat(resumed.stages().get(0).due()).isEqualTo(Instant.parse("2026-03-02T23:24:00Z"));

        clock.set(Instant.parse("2026-03-02T23:24:00Z"));
        assertThat(orders.raiseDueAlerts()).isEqualTo(1);
        assertThat(outboxTypes()).containsSubsequence(ProvisioningStageWarned.TYPE, ProvisioningStageEscalated.TYPE);
    }

    @Test
    void theAccountManagersUserInAnotherRoleNeitherHandsOffNorRecordsTheAcceptance() {
        Actor formerManager = Actor.withRoles(new UserId("am-wang"), Role.TECHNICAL_MANAGER);
        orders.start(EXECUTOR, ID, ORDER);
        clock.advance(Duration.ofHours(10));
        orders.complete(EXECUTOR, ID, ORDER);
        assertThatThrownBy(() -> orders.handOff(formerManager, ID, new StageAssignment(LOCAL, new WorkOrderStation("far-tx"),
                new LocalNetworkId("KM"), new UserId("sm-wu"), new UserId("ex-zheng")), "far end"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("the account manager am-wang");
        Actor localExecutor = Actor.withRoles(new UserId("ex-zhou"), Role.STATION_EXECUTOR);
        orders.start(localExecutor, ID, LOCAL);
        clock.advance(Duration.ofHours(20));
        orders.complete(localExecutor, ID, LOCAL);
        long version = orders.find(ID).version();

        assertThatThrownBy(() -> orders.accept(formerManager, ID, "customer zhang"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("only its account manager am-wang");
        assertThat(orders.find(ID).version()).isEqualTo(version);
        assertThat(orders.find(ID).state()).isEqualTo(ProvisioningOrderState.AWAITING_ACCEPTANCE);
    }

    @Test
    void theOrderIsHandedOffAndClosesOnlyOnTheAccountManagersRecordOfAcceptance() {
        orders.start(EXECUTOR, ID, ORDER);
        clock.advance(Duration.ofHours(10));
        orders.complete(EXECUTOR, ID, ORDER);
        assertThatThrownBy(() -> orders.handOff(STRANGER, ID, new StageAssignment(LOCAL, new WorkOrderStation("far-tx"),
                new LocalNetworkId("KM"), new UserId("sm-wu"), new UserId("ex-zheng")), "far end")).isInstanceOf(NotAuthorisedException.class);
        orders.handOff(MANAGER, ID, new StageAssignment(LOCAL, new WorkOrderStation("far-tx"), new LocalNetworkId("KM"),
                new UserId("sm-wu"), new UserId("ex-zheng")), "the far end takes the local loop");
        Actor farExecutor = Actor.withRoles(new UserId("ex-zheng"), Role.STATION_EXECUTOR);
        orders.start(farExecutor, ID, LOCAL);
        clock.advance(Duration.ofHours(20));
        orders.complete(farExecutor, ID, LOCAL);

        assertThatThrownBy(() -> orders.accept(STRANGER, ID, "customer zhang")).isInstanceOf(NotAuthorisedException.class);
        ProvisioningOrderSnapshot accepted = orders.accept(MANAGER, ID, "customer zhang");

        assertThat(accepted.state()).isEqualTo(ProvisioningOrderState.ACCEPTED);
        assertThat(accepted.handOffs()).hasSize(1);
        assertThat(outboxTypes()).last().isEqualTo("workorder.provisioning-accepted");
    }

    @Test
    void theTimersFollowTheRunningStages() {
        orders.start(EXECUTOR, ID, ORDER);
        ProvisioningOrder order = ProvisioningOrder.restore(orders.find(ID));

        assertThat(ProvisioningOrders.stageTimers(order)).containsExactly(
                new ProvisioningOrders.StageTimer("workorder.stage-warning/PO-1/order", ORDER, WARNING, Instant.parse("2026-03-02T17:36:00Z")),
                new ProvisioningOrders.StageTimer("workorder.stage-escalation/PO-1/order", ORDER, ESCALATION, Instant.parse("2026-03-02T20:00:00Z")),
                new ProvisioningOrders.StageTimer("workorder.stage-warning/PO-1/local", LOCAL, WARNING, null),
                new ProvisioningOrders.StageTimer("workorder.stage-escalation/PO-1/local", LOCAL, ESCALATION, null));
    }
}
