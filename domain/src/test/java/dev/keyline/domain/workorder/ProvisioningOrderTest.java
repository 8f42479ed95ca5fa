package dev.keyline.domain.workorder;

import static dev.keyline.domain.workorder.SeedProvisioningPlans.ACCEPTANCE;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.FAR_END_LOCAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.FAR_END_PROVINCIAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.INTER_PROVINCIAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.JOINT_TEST;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.LOCAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.ORDER_ESTABLISHED;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.PROVINCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed's cross-province DDN circuit as a provisioning order on calendar days, worked by hand:
 * opened 2026-03-02 09:00 UTC, the parallel plan is committed 5 days later.
 */
class ProvisioningOrderTest {

    private static final BusinessCalendar DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final UserId SM = new UserId("sm");

    private static ProvisioningOrder ddn() {
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        return ProvisioningOrder.open(new ProvisioningOrderId("PO-DDN-1"), new ProvisioningParties(new AccountId("KA-1"),
                new ProductCode("DDN"), new LocalNetworkId("KM"), new UserId("am-wang"), new UserId("it-li")), plan,
                ProvisioningOrderProperties.assignments(plan), START, DAYS, ProvisioningOrder.DEFAULT_WARNING_SHARE,
                Optional.of(new ProvisioningSlaLink("SLA-7", Instant.parse("2026-03-09T09:00:00Z"))));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void theParallelPlanIsCommittedFiveDaysAfterTheStartAndOnlyTheOrderIsReady() {
        ProvisioningOrder order = ddn();

        assertThat(order.committedCompletion()).isEqualTo(at("2026-03-07T09:00:00Z"));
        assertThat(order.meetsSla()).isTrue();
        assertThat(order.stagesIn(StageState.READY)).containsExactly(ORDER_ESTABLISHED);
        assertThat(order.state()).isEqualTo(ProvisioningOrderState.IN_PROGRESS);
        assertThat(order.pendingEvents()).singleElement().isInstanceOf(ProvisioningOrderOpened.class);
    }

    @Test
    void theFiveLevelsBecomeReadyTogetherWhenTheOrderIsEstablished() {
        ProvisioningOrder order = ddn();
        order.start(ORDER_ESTABLISHED, DAYS, START);
        // half a day: due 21:00, warned at 80 % = 9.6 h, 18:36
        assertThat(order.stage(ORDER_ESTABLISHED).due()).isEqualTo(at("2026-03-02T21:00:00Z"));
        assertThat(order.stage(ORDER_ESTABLISHED).warningAt()).isEqualTo(at("2026-03-02T18:36:00Z"));

        order.complete(ORDER_ESTABLISHED, at("2026-03-02T20:00:00Z"));

        assertThat(order.stagesIn(StageState.READY)).containsExactly(LOCAL, PROVINCIAL, INTER_PROVINCIAL,
                FAR_END_PROVINCIAL, FAR_END_LOCAL);
        ProvisioningStageDone done = (ProvisioningStageDone) order.pendingEvents().get(order.pendingEvents().size() - 1);
        assertThat(done.late()).isFalse();
        assertThat(done.nowReady()).hasSize(5);
    }

    @Test
    void aStageWaitingForAnotherIsRefusedAndNothingChanges() {
        ProvisioningOrder order = ddn();
        ProvisioningOrderSnapshot before = order.snapshot();

        assertThatThrownBy(() -> order.start(JOINT_TEST, DAYS, START)).isInstanceOf(StageTransitionRefusedException.class)
                .hasMessageContaining("cannot start stage joint-test of provisioning order PO-DDN-1 (PENDING)")
                .hasMessageContaining("its predecessors [local, provincial, inter-provincial, far-end-provincial, far-end-local]");
        assertThatThrownBy(() -> order.complete(ORDER_ESTABLISHED, START)).isInstanceOf(StageTransitionRefusedException.class);
        assertThatThrownBy(() -> order.resume(ORDER_ESTABLISHED, SM, DAYS, START)).isInstanceOf(StageTransitionRefusedException.class);
        assertThatThrownBy(() -> order.accept("zhang", START)).isInstanceOf(ProvisioningOrderRefusedException.class)
                .hasMessageContaining("not done: [order-established, local");
        assertThatThrownBy(() -> order.start(ORDER_ESTABLISHED, DAYS, START.minusSeconds(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must not be before the last change");
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void holdTimeIsCreditedSoTheDueTimeMovesByIt() {
        ProvisioningOrder order = ddn();
        order.start(ORDER_ESTABLISHED, DAYS, START);
        order.hold(ORDER_ESTABLISHED, SM, "customer's room locked", at("2026-03-02T10:00:00Z"));
        // held 10:00 to 13:00: three hours credited, due 21:00 → 2026-03-03 00:00, warning 18:36 → 21:36
        order.resume(ORDER_ESTABLISHED, SM, DAYS, at("2026-03-02T13:00:00Z"));

        StageProgress s = order.stage(ORDER_ESTABLISHED);
        assertThat(s.due()).isEqualTo(at("2026-03-03T00:00:00Z"));
        assertThat(s.warningAt()).isEqualTo(at("2026-03-02T21:36:00Z"));
        assertThat(order.raiseDueAlerts(at("2026-03-02T21:35:59Z"))).isZero();
        assertThat(order.raiseDueAlerts(at("2026-03-02T21:36:00Z"))).isEqualTo(1);
        assertThat(order.raiseDueAlerts(at("2026-03-02T23:00:00Z"))).isZero();
        assertThat(order.raiseDueAlerts(at("2026-03-03T00:00:00Z"))).isEqualTo(1);

        List<Object> alerts = order.pendingEvents().stream().filter(e -> e instanceof ProvisioningStageWarned
                || e instanceof ProvisioningStageEscalated).map(e -> (Object) e).toList();
        ProvisioningStageWarned warned = (ProvisioningStageWarned) alerts.get(0);
        assertThat(warned.audience().role()).isEqualTo("STATION_MANAGER");
        assertThat(warned.accountManager()).isEqualTo(new UserId("am-wang"));
        ProvisioningStageEscalated escalated = (ProvisioningStageEscalated) alerts.get(1);
        assertThat(escalated.audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(escalated.audience().stationId()).isEqualTo("st-order-established");
    }

    @Test
    void aHeldStageIsNeitherWarnedNorEscalated() {
        ProvisioningOrder order = ddn();
        order.start(ORDER_ESTABLISHED, DAYS, START);
        order.hold(ORDER_ESTABLISHED, SM, "waiting", at("2026-03-02T10:00:00Z"));

        assertThat(order.raiseDueAlerts(at("2026-03-05T00:00:00Z"))).isZero();
        assertThatThrownBy(() -> order.complete(ORDER_ESTABLISHED, at("2026-03-05T00:00:00Z")))
                .isInstanceOf(StageTransitionRefusedException.class).hasMessageContaining("resume it first");
    }

    @Test
    void handOffsAreRecordedAndTheNewExecutorAnswersForTheStage() {
        ProvisioningOrder order = ddn();
        StageAssignment to = new StageAssignment(ORDER_ESTABLISHED, new WorkOrderStation("st-crc"),
                new LocalNetworkId("SZ"), new UserId("sm-crc"), new UserId("ex-zhao"));

        StageHandOff handOff = order.handOff(to, "analysed by the customer-response centre", at("2026-03-02T09:30:00Z"));

        assertThat(handOff.fromStation()).isEqualTo(new WorkOrderStation("st-order-established"));
        assertThat(handOff.toExecutor()).isEqualTo(new UserId("ex-zhao"));
        assertThat(order.handOffs()).containsExactly(handOff);
        assertThat(order.responsibilities().get(0)).isEqualTo(new StageResponsibility(ORDER_ESTABLISHED,
                new WorkOrderStation("st-crc"), new UserId("am-wang"), new UserId("sm-crc"), new UserId("ex-zhao"),
                new UserId("it-li")));
    }

    @Test
    void theOrderClosesOnlyOnAcceptanceWithTheFourLevelsRecorded() {
        ProvisioningOrder order = ddn();
        Instant t = START;
        for (StageId stage : order.plan().topologicalOrder()) {
            order.start(stage, DAYS, t);
            t = t.plusSeconds(3600);
            order.complete(stage, t);
        }
        assertThat(order.state()).isEqualTo(ProvisioningOrderState.AWAITING_ACCEPTANCE);

        List<StageResponsibility> recorded = order.accept("customer zhang", t);

        assertThat(order.state()).isEqualTo(ProvisioningOrderState.ACCEPTED);
        assertThat(recorded).hasSize(8);
        ProvisioningOrderAccepted accepted = (ProvisioningOrderAccepted) order.pendingEvents().get(order.pendingEvents().size() - 1);
        assertThat(accepted.onTime()).isTrue();
        assertThat(accepted.responsibilities()).isEqualTo(recorded);
        assertThat(accepted.originatingUnit()).isEqualTo(new LocalNetworkId("KM"));
        assertThatThrownBy(() -> order.accept("again", order.lastChangedAt())).isInstanceOf(ProvisioningOrderRefusedException.class)
                .hasMessageContaining("already accepted");
        assertThatThrownBy(() -> order.hold(ACCEPTANCE, SM, "late", order.lastChangedAt()))
                .isInstanceOf(ProvisioningOrderRefusedException.class);
        assertThat(ProvisioningOrder.restore(order.snapshot()).snapshot()).isEqualTo(order.snapshot());
        // a snapshot keeps the plan's own stages, so restoring it does not validate the plan again
        assertThat(ProvisioningOrder.restore(order.snapshot()).plan()).isSameAs(order.plan());
    }

    @Test
    void openingRejectsMissingOrDuplicateAssignmentsAndAShareOutOfRange() {
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        ProvisioningParties parties = new ProvisioningParties(new AccountId("KA-1"), new ProductCode("DDN"),
                new LocalNetworkId("KM"), new UserId("am"), new UserId("it"));
        List<StageAssignment> all = ProvisioningOrderProperties.assignments(plan);

        assertThatThrownBy(() -> ProvisioningOrder.open(new ProvisioningOrderId("P"), parties, plan, all.subList(1, 8), START,
                DAYS, BigDecimal.ONE, Optional.empty())).hasMessageContaining("stage order-established has no station");
        List<StageAssignment> twice = new java.util.ArrayList<>(all);
        twice.add(all.get(0));
        assertThatThrownBy(() -> ProvisioningOrder.open(new ProvisioningOrderId("P"), parties, plan, twice, START, DAYS,
                BigDecimal.ONE, Optional.empty())).hasMessageContaining("assigned twice");
        assertThatThrownBy(() -> ProvisioningOrder.open(new ProvisioningOrderId("P"), parties, plan, all, START, DAYS,
                new BigDecimal("1.01"), Optional.empty())).hasMessageContaining("warningShare: must be above 0 and at most 1");
    }

    @Test
    void restoreRejectsAStageStartedBeforeItsPredecessor() {
        ProvisioningOrder order = ddn();
        ProvisioningOrderSnapshot s = order.snapshot();
        List<StageProgress> stages = new java.util.ArrayList<>(s.stages());
        StageProgress local = stages.get(1);
        stages.set(1, local.withState(StageState.READY).started(START, START, START));
        ProvisioningOrderSnapshot broken = new ProvisioningOrderSnapshot(s.id(), s.version(), s.parties(), s.plan(), s.start(),
                s.committedCompletion(), s.warningShare(), s.slaLink(), s.state(), stages, s.handOffs(), null, null,
                s.lastChangedAt());

        assertThatThrownBy(() -> ProvisioningOrder.restore(broken)).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("stage local is STARTED though a predecessor is not done");
    }
}
