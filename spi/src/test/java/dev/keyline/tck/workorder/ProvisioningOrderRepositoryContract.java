package dev.keyline.tck.workorder;

import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.spi.workorder.ProvisioningStageDue;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ProvisioningOrderRepository}: the generic version-conflict
 * tests of {@link AggregateRepositoryContract} on provisioning orders (whose change moves a stage
 * on), round trips of orders with every stage state, holds, hand-offs, alerts and acceptance, the
 * queries of the KPIs and the alert sweep, and random command sequences saved after every step. A
 * provider runs it by extending {@link WorkOrderAreaContract}, or this class directly with
 * {@link #newStorage()}.
 */
public abstract class ProvisioningOrderRepositoryContract
        extends AggregateRepositoryContract<ProvisioningOrder, ProvisioningOrderId, ProvisioningOrderSnapshot> {

    /** Calendar days in UTC. */
    protected static final BusinessCalendar DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** The repository under test, with its queries. */
    protected ProvisioningOrderRepository orders() {
        return storage.port(ProvisioningOrderRepository.class);
    }

    @Override
    protected AggregateRepository<ProvisioningOrder, ProvisioningOrderId> repository(StorageProvider storage) {
        return storage.port(ProvisioningOrderRepository.class);
    }

    @Override
    protected ProvisioningOrderId newId() {
        return new ProvisioningOrderId(samples.nextId("PO"));
    }

    /** The seed's parallel DDN order opened at T0, under an SLA. */
    @Override
    protected ProvisioningOrder newAggregate(ProvisioningOrderId id) {
        return open(id, SeedProvisioningPlans.ddnParallel(), T0);
    }

    /** Moves the first stage that can move on: completes a started stage, or starts a ready one, or accepts. */
    @Override
    protected void change(ProvisioningOrder order) {
        Instant at = order.lastChangedAt().plus(Duration.ofHours(1));
        List<StageId> started = order.stagesIn(StageState.STARTED);
        if (!started.isEmpty()) {
            order.complete(started.get(0), at);
        } else if (!order.stagesIn(StageState.READY).isEmpty()) {
            order.start(order.stagesIn(StageState.READY).get(0), DAYS, at);
        } else {
            order.accept("customer", at);
        }
    }

    @Override
    protected ProvisioningOrderSnapshot snapshot(ProvisioningOrder order) {
        return order.snapshot();
    }

    @Override
    protected ProvisioningOrder restore(ProvisioningOrderSnapshot snapshot) {
        return ProvisioningOrder.restore(snapshot);
    }

    @Override
    protected ProvisioningOrderSnapshot corrupt(ProvisioningOrderSnapshot s) {
        ProvisioningOrderState wrong = s.state() == ProvisioningOrderState.IN_PROGRESS
                ? ProvisioningOrderState.AWAITING_ACCEPTANCE : ProvisioningOrderState.IN_PROGRESS;
        return new ProvisioningOrderSnapshot(s.id(), s.version(), s.parties(), s.plan(), s.start(), s.committedCompletion(),
                s.warningShare(), s.slaLink(), wrong, s.stages(), s.handOffs(), s.acceptedBy(), s.acceptedAt(),
                s.lastChangedAt());
    }

    /** An order of {@code plan} opened at {@code start} on calendar days, every stage at its own station. */
    protected ProvisioningOrder open(ProvisioningOrderId id, StagePlan plan, Instant start) {
        List<StageAssignment> assignments = new ArrayList<>();
        for (PlannedStage p : plan.stages()) {
            assignments.add(new StageAssignment(p.id(), new WorkOrderStation("st-" + p.id()), new LocalNetworkId("SZ"),
                    new UserId("sm-" + p.id()), new UserId("ex-" + p.id())));
        }
        return ProvisioningOrder.open(id, new ProvisioningParties(samples.accountId(), new ProductCode("DDN"),
                new LocalNetworkId("SZ"), new UserId("am-wang"), new UserId("it-li")), plan, assignments, start, DAYS,
                ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.of(new ProvisioningSlaLink("SLA-1", start.plus(Duration.ofDays(7)))));
    }

    /** Saving and loading keeps everything. */
    @Nested
    class RoundTrips {

        @Test
        void anOrderKeepsEveryStageHoldHandOffAlertAndItsAcceptance() {
            ProvisioningOrder order = newAggregate(newId());
            StageId first = SeedProvisioningPlans.ORDER_ESTABLISHED;
            order.start(first, DAYS, T0);
            order.hold(first, new UserId("sm"), "customer's room locked", T0.plusSeconds(600));
            order.resume(first, new UserId("sm"), DAYS, T0.plusSeconds(4_200));
            order.handOff(new StageAssignment(SeedProvisioningPlans.FAR_END_LOCAL, new WorkOrderStation("far-tx"),
                    new LocalNetworkId("KM"), new UserId("sm-km"), new UserId("ex-km")), "the far end takes it over",
                    T0.plusSeconds(4_800));
            order.raiseDueAlerts(T0.plus(Duration.ofHours(11)));
            saveInTransaction(order);
            ProvisioningOrder loaded = load(order.id());
            assertThat(loaded.snapshot()).isEqualTo(order.snapshot());
            assertThat(loaded.stage(first).warned()).isTrue();

            Instant t = T0.plus(Duration.ofHours(12));
            for (StageId stage : loaded.plan().topologicalOrder()) {
                if (loaded.stage(stage).state() == StageState.DONE) {
                    continue;
                }
                if (loaded.stage(stage).state() == StageState.READY) {
                    loaded.start(stage, DAYS, t);
                }
                t = t.plus(Duration.ofHours(2));
                loaded.complete(stage, t);
            }
            loaded.accept("customer zhang", t);
            saveInTransaction(loaded);
            ProvisioningOrder accepted = load(order.id());
            assertThat(accepted.snapshot()).isEqualTo(loaded.snapshot());
            assertThat(accepted.state()).isEqualTo(ProvisioningOrderState.ACCEPTED);
            assertThat(accepted.handOffs()).hasSize(1);
        }

        @Test
        void everyReachableOrderSurvivesSaveAndLoadAfterEveryCommand() {
            qt().withExamples(propertyExamples()).withShrinkCycles(10).forAll(longs().all()).checkAssert(seed -> {
                Random random = new Random(seed);
                ProvisioningOrder order = newAggregate(newId());
                List<StageId> ids = order.plan().stages().stream().map(PlannedStage::id).toList();
                Instant now = T0;
                for (int step = 0; step < 12; step++) {
                    now = now.plus(Duration.ofMinutes(random.nextInt(48 * 60)));
                    StageId stage = ids.get(random.nextInt(ids.size()));
                    try {
                        switch (random.nextInt(6)) {
                            case 0, 1 -> order.start(stage, DAYS, now);
                            case 2 -> order.hold(stage, new UserId("sm"), "waiting", now);
                            case 3 -> order.resume(stage, new UserId("sm"), DAYS, now);
                            case 4 -> order.raiseDueAlerts(now);
                            default -> order.complete(stage, now);
                        }
                    } catch (KeylineException refused) {
                        continue;
                    }
                    saveInTransaction(order);
                    ProvisioningOrder loaded = load(order.id());
                    assertThat(loaded.snapshot()).isEqualTo(order.snapshot());
                    order = loaded;
                }
            });
        }
    }

    /** The queries of the KPIs and of the alert sweep. */
    @Nested
    class Queries {

        @Test
        void openOrdersAreFoundByCommittedCompletionAndAcceptedOnesByTheirAcceptance() {
            StagePlan oneDay = StagePlan.of(List.of(PlannedStage.ofDays(new StageId("only"), BigDecimal.ONE, List.of())));
            ProvisioningOrder late = open(newId(), oneDay, T0.plus(Duration.ofDays(2)));
            ProvisioningOrder early = open(newId(), oneDay, T0);
            ProvisioningOrder accepted = open(newId(), oneDay, T0);
            accepted.start(new StageId("only"), DAYS, T0);
            accepted.complete(new StageId("only"), T0.plus(Duration.ofHours(20)));
            accepted.accept("customer", T0.plus(Duration.ofHours(21)));
            storage.transactions().run(() -> List.of(late, early, accepted).forEach(repository::save));

            assertThat(openDueBy(T0.plus(Duration.ofDays(1)))).containsExactly(early.id());
            assertThat(openDueBy(T0.plus(Duration.ofDays(3)))).containsExactly(early.id(), late.id());
            assertThat(openDueBy(T0)).isEmpty();
            assertThat(acceptedBetween(T0, T0.plus(Duration.ofHours(21)))).isEmpty();
            assertThat(acceptedBetween(T0, T0.plus(Duration.ofHours(22)))).containsExactly(accepted.id());
            assertThat(acceptedBetween(T0.plus(Duration.ofHours(21)), T0.plus(Duration.ofHours(21)))).isEmpty();
        }

        @Test
        void runningStagesAreFoundByWarningAndDueTimeButNotWhenHeldAlertedOrAccepted() {
            StagePlan twoStages = StagePlan.of(List.of(PlannedStage.ofDays(new StageId("a"), BigDecimal.ONE, List.of()),
                    PlannedStage.ofDays(new StageId("b"), new BigDecimal("0.5"), List.of())));
            ProvisioningOrder order = open(newId(), twoStages, T0);
            order.start(new StageId("a"), DAYS, T0);                 // warning T0 + 19.2 h, due T0 + 24 h
            order.start(new StageId("b"), DAYS, T0);                 // warning T0 + 9.6 h, due T0 + 12 h
            ProvisioningOrder held = open(newId(), twoStages, T0);
            held.start(new StageId("b"), DAYS, T0);
            held.hold(new StageId("b"), new UserId("sm"), "waiting", T0.plusSeconds(60));
            storage.transactions().run(() -> List.of(order, held).forEach(repository::save));

            assertThat(warningsDueBy(T0.plus(Duration.ofHours(9)))).isEmpty();
            assertThat(warningsDueBy(T0.plus(Duration.ofHours(20)))).containsExactly(
                    new ProvisioningStageDue(order.id(), new StageId("b"), T0.plus(Duration.ofMinutes(576))),
                    new ProvisioningStageDue(order.id(), new StageId("a"), T0.plus(Duration.ofMinutes(1152))));
            assertThat(overdueStages(T0.plus(Duration.ofHours(12)))).containsExactly(
                    new ProvisioningStageDue(order.id(), new StageId("b"), T0.plus(Duration.ofHours(12))));

            ProvisioningOrder alerted = load(order.id());
            alerted.raiseDueAlerts(T0.plus(Duration.ofHours(12)));
            saveInTransaction(alerted);
            assertThat(warningsDueBy(T0.plus(Duration.ofHours(20)))).containsExactly(
                    new ProvisioningStageDue(order.id(), new StageId("a"), T0.plus(Duration.ofMinutes(1152))));
            assertThat(overdueStages(T0.plus(Duration.ofHours(30)))).containsExactly(
                    new ProvisioningStageDue(order.id(), new StageId("a"), T0.plus(Duration.ofHours(24))));
        }

        @Test
        void queriesNeedATransactionAndNameAMissingArgument() {
            assertThatThrownBy(() -> orders().overdueStages(T0)).isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> orders().openDueBy(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("dueBy");
                assertThatThrownBy(() -> orders().overdueStages(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("now");
                assertThatThrownBy(() -> orders().warningsDueBy(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("instant");
                assertThatThrownBy(() -> orders().acceptedBetween(T0, T0.minusSeconds(1)))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to");
            });
        }

        private List<ProvisioningOrderId> openDueBy(Instant instant) {
            return inTransaction(() -> {
                try (Stream<ProvisioningOrder> found = orders().openDueBy(instant)) {
                    return found.map(ProvisioningOrder::id).toList();
                }
            });
        }

        private List<ProvisioningOrderId> acceptedBetween(Instant from, Instant to) {
            return inTransaction(() -> {
                try (Stream<ProvisioningOrder> found = orders().acceptedBetween(from, to)) {
                    return found.map(ProvisioningOrder::id).toList();
                }
            });
        }

        private List<ProvisioningStageDue> warningsDueBy(Instant instant) {
            return inTransaction(() -> orders().warningsDueBy(instant));
        }

        private List<ProvisioningStageDue> overdueStages(Instant instant) {
            return inTransaction(() -> orders().overdueStages(instant));
        }
    }
}
