package dev.keyline.domain.workorder;

import static dev.keyline.domain.common.KernelGenerators.calendarInstants;
import static dev.keyline.domain.common.KernelGenerators.weeklyCalendars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Provisioning orders over random DAGs of up to eight stages and random calendars: the committed
 * completion against a brute-force longest path, and random sequences of start, hold, resume,
 * hand-off, done, alert sweeps and acceptance, with the invariants checked after every step, every
 * refused command leaving the snapshot and the pending events unchanged, and the snapshot
 * surviving a restore.
 */
class ProvisioningOrderProperties {

    private static final ProvisioningParties PARTIES = new ProvisioningParties(new AccountId("KA-1"),
            new ProductCode("DDN"), new LocalNetworkId("KM"), new UserId("am-wang"), new UserId("it-li"));

    static List<StageAssignment> assignments(StagePlan plan) {
        List<StageAssignment> list = new ArrayList<>();
        for (PlannedStage p : plan.stages()) {
            list.add(new StageAssignment(p.id(), new WorkOrderStation("st-" + p.id()), new LocalNetworkId("KM"),
                    new UserId("sm-" + p.id()), new UserId("ex-" + p.id())));
        }
        return list;
    }

    private static Duration bruteForceLongestPath(List<PlannedStage> stages) {
        Map<StageId, PlannedStage> byId = new HashMap<>();
        stages.forEach(s -> byId.put(s.id(), s));
        Duration longest = Duration.ZERO;
        for (PlannedStage s : stages) {
            Duration ending = longestEndingAt(s, byId);
            longest = ending.compareTo(longest) > 0 ? ending : longest;
        }
        return longest;
    }

    private static Duration longestEndingAt(PlannedStage stage, Map<StageId, PlannedStage> byId) {
        Duration before = Duration.ZERO;
        for (StageId p : stage.after()) {
            Duration chain = longestEndingAt(byId.get(p), byId);
            before = chain.compareTo(before) > 0 ? chain : before;
        }
        return before.plus(stage.duration());
    }

    @Test
    void theCommittedCompletionIsTheStartPlusTheLongestPathAndNoStageEndsAfterIt() {
        qt().withExamples(200).forAll(longs().all(), weeklyCalendars(), calendarInstants()).checkAssert((seed, calendar, start) -> {
            StagePlan plan = StagePlan.of(StagePlanProperties.randomDag(seed));
            ProvisioningOrder order;
            try {
                order = ProvisioningOrder.open(new ProvisioningOrderId("PO-1"), PARTIES, plan, assignments(plan), start,
                        calendar, ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.empty());
            } catch (InvalidStateException noWorkingTimeLeft) {
                assertThatThrownBy(() -> calendar.plusWorkingTime(start, bruteForceLongestPath(plan.stages())))
                        .isInstanceOf(InvalidStateException.class);
                return;
            }

            assertThat(order.committedCompletion()).isEqualTo(calendar.plusWorkingTime(start, bruteForceLongestPath(plan.stages())));
            for (ScheduledStage s : plan.schedule(start, calendar).stages()) {
                assertThat(s.earliestFinish()).isBeforeOrEqualTo(order.committedCompletion());
            }
            ProvisioningOrderOpened opened = (ProvisioningOrderOpened) order.pendingEvents().get(0);
            assertThat(opened.readyStages()).containsExactlyElementsOf(
                    plan.stages().stream().filter(p -> p.after().isEmpty()).map(PlannedStage::id).toList());
        });
    }

    @Test
    void randomCommandSequencesKeepEveryInvariant() {
        qt().withExamples(100).forAll(longs().all(), weeklyCalendars(), calendarInstants()).checkAssert((seed, weekly, start) -> {
            Random random = new Random(seed);
            BusinessCalendar calendar = random.nextBoolean() ? weekly : BusinessCalendar.allDays(ZoneOffset.UTC);
            StagePlan plan = StagePlan.of(StagePlanProperties.randomDag(seed));
            BigDecimal share = BigDecimal.valueOf(1 + random.nextInt(100), 2);
            ProvisioningOrder order;
            try {
                order = ProvisioningOrder.open(new ProvisioningOrderId("PO-1"), PARTIES, plan, assignments(plan), start,
                        calendar, share, Optional.empty());
            } catch (InvalidStateException noWorkingTimeLeft) {
                // a calendar that runs out of working time cannot commit the plan
                assertThatThrownBy(() -> calendar.plusWorkingTime(start, plan.longestPath())).isInstanceOf(InvalidStateException.class);
                return;
            }
            Model model = new Model();
            Instant now = start;
            List<StageId> ids = plan.stages().stream().map(PlannedStage::id).toList();
            for (int step = 0; step < 50; step++) {
                // mostly forward in time; sometimes dated before the last change, which must be refused
                now = random.nextInt(20) == 0 ? now.minus(Duration.ofMinutes(1 + random.nextInt(60)))
                        : now.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
                StageId stage = ids.get(random.nextInt(ids.size()));
                ProvisioningOrderSnapshot before = order.snapshot();
                List<DomainEvent> eventsBefore = order.pendingEvents();
                StageProgress was = order.stage(stage);
                Instant at = now;
                try {
                    switch (random.nextInt(8)) {
                        case 0, 1 -> order.start(stage, calendar, at);
                        case 2 -> {
                            order.hold(stage, new UserId("sm"), "waiting for the customer's site", at);
                            model.holdStarted.put(stage, at);
                        }
                        case 3 -> {
                            order.resume(stage, new UserId("sm"), calendar, at);
                            model.held.merge(stage, calendar.workingTimeBetween(model.holdStarted.remove(stage), at), Duration::plus);
                        }
                        case 4 -> order.handOff(new StageAssignment(stage, new WorkOrderStation("st-" + random.nextInt(3)),
                                new LocalNetworkId(random.nextBoolean() ? "KM" : "SZ"), new UserId("sm-x"),
                                new UserId("ex-" + random.nextInt(3))), "passed on", at);
                        case 5 -> {
                            int raised = order.raiseDueAlerts(at);
                            List<DomainEvent> fresh = order.pendingEvents().subList(eventsBefore.size(), order.pendingEvents().size());
                            assertThat(fresh).hasSize(raised);
                            for (DomainEvent e : fresh) {
                                if (e instanceof ProvisioningStageWarned w) {
                                    StageProgress then = before.stages().get(ids.indexOf(w.stage()));
                                    assertThat(then.warningDueAt(at)).isTrue();
                                    assertThat(at).isAfterOrEqualTo(then.warningAt());
                                } else if (e instanceof ProvisioningStageEscalated x) {
                                    StageProgress then = before.stages().get(ids.indexOf(x.stage()));
                                    assertThat(then.escalationDueAt(at)).isTrue();
                                    assertThat(at).isAfterOrEqualTo(then.due());
                                } else {
                                    throw new AssertionError("a sweep raised " + e);
                                }
                            }
                        }
                        case 6 -> order.accept("customer zhang", at);
                        default -> order.complete(stage, at);
                    }
                } catch (KeylineException refused) {
                    assertThat(order.snapshot()).isEqualTo(before);
                    assertThat(order.pendingEvents()).isEqualTo(eventsBefore);
                    if (refused instanceof StageTransitionRefusedException s) {
                        assertThat(s.stage()).isEqualTo(stage);
                        assertThat(s.state()).isEqualTo(was.state());
                    }
                    continue;
                }
                checkInvariants(order, plan, calendar, model);
                assertThat(ProvisioningOrder.restore(order.snapshot()).snapshot()).isEqualTo(order.snapshot());
            }
        });
    }

    /** What the test itself saw: when each hold began, and the working time of the holds resumed. */
    private static final class Model {
        final Map<StageId, Instant> holdStarted = new HashMap<>();
        final Map<StageId, Duration> held = new HashMap<>();
    }

    private static void checkInvariants(ProvisioningOrder order, StagePlan plan, BusinessCalendar calendar, Model model) {
        boolean allDone = true;
        for (PlannedStage p : plan.stages()) {
            StageProgress s = order.stage(p.id());
            boolean predecessorsDone = p.after().stream().allMatch(a -> order.stage(a).state() == StageState.DONE);
            switch (s.state()) {
                case PENDING -> assertThat(predecessorsDone).isFalse();
                case READY -> assertThat(predecessorsDone).isTrue();
                default -> {
                    // no stage started before its predecessors are done
                    assertThat(predecessorsDone).isTrue();
                    for (StageId a : p.after()) {
                        assertThat(order.stage(a).doneAt()).isBeforeOrEqualTo(s.startedAt());
                    }
                    // held time is credited, never counted against the plan
                    Duration held = model.held.getOrDefault(p.id(), Duration.ZERO);
                    assertThat(s.heldTime()).isEqualTo(held);
                    assertThat(s.due()).isEqualTo(calendar.plusWorkingTime(s.startedAt(), p.duration().plus(held)));
                    assertThat(s.warningAt()).isBeforeOrEqualTo(s.due());
                    assertThat(s.heldSince() != null).isEqualTo(model.holdStarted.containsKey(p.id()));
                }
            }
            allDone &= s.state() == StageState.DONE;
        }
        assertThat(order.state() == ProvisioningOrderState.IN_PROGRESS).isEqualTo(!allDone);
        assertThat(order.acceptedAt().isPresent()).isEqualTo(order.state() == ProvisioningOrderState.ACCEPTED);
        // each stage is warned and escalated at most once
        assertThat(order.pendingEvents().stream().filter(e -> e instanceof ProvisioningStageWarned)
                .map(e -> ((ProvisioningStageWarned) e).stage()).distinct().count())
                .isEqualTo(order.pendingEvents().stream().filter(e -> e instanceof ProvisioningStageWarned).count());
        assertThat(order.pendingEvents().stream().filter(e -> e instanceof ProvisioningStageEscalated)
                .map(e -> ((ProvisioningStageEscalated) e).stage()).distinct().count())
                .isEqualTo(order.pendingEvents().stream().filter(e -> e instanceof ProvisioningStageEscalated).count());
    }
}
