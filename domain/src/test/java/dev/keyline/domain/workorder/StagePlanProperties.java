package dev.keyline.domain.workorder;

import static dev.keyline.domain.common.KernelGenerators.calendarInstants;
import static dev.keyline.domain.common.KernelGenerators.weeklyCalendars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Provisioning plans over random DAGs of up to eight stages: the longest path against a
 * brute-force search of every chain, the schedule on random office-hour calendars, cycles always
 * caught and named, and readiness that never lets a stage start before its predecessors are done.
 */
class StagePlanProperties {

    /**
     * A random DAG: stage {@code s<i>} may come after any {@code s<j>} with {@code j < i}; the
     * list and every predecessor list are shuffled, so the input order is not a topological one.
     * Durations are whole half hours from half an hour to two days.
     */
    static List<PlannedStage> randomDag(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(8);
        List<PlannedStage> stages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<StageId> after = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(100) < 35) {
                    after.add(id(j));
                }
            }
            Collections.shuffle(after, random);
            stages.add(new PlannedStage(id(i), Duration.ofMinutes(30L * (1 + random.nextInt(96))), after));
        }
        Collections.shuffle(stages, random);
        return stages;
    }

    private static StageId id(int i) {
        return new StageId("s" + i);
    }

    /** The longest chain found by following every path from every stage; no ordering, no memo. */
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
    void theLongestPathIsTheLongestChainABruteForceSearchFinds() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            List<PlannedStage> stages = randomDag(seed);
            StagePlan plan = StagePlan.of(stages);

            assertThat(plan.longestPath()).isEqualTo(bruteForceLongestPath(stages));
        });
    }

    @Test
    void theCriticalPathIsAChainOfPredecessorsWhoseDurationsSumToTheLongestPath() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            StagePlan plan = StagePlan.of(randomDag(seed));
            List<StageId> path = plan.criticalPath();

            assertThat(plan.stage(path.get(0)).after()).isEmpty();
            for (int i = 1; i < path.size(); i++) {
                assertThat(plan.stage(path.get(i)).after()).contains(path.get(i - 1));
            }
            Duration sum = path.stream().map(id -> plan.stage(id).duration()).reduce(Duration.ZERO, Duration::plus);
            assertThat(sum).isEqualTo(plan.longestPath());
        });
    }

    @Test
    void everyStageStartsWhenItsLastPredecessorFinishesAndNoneFinishesAfterTheLongestPath() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            StagePlan plan = StagePlan.of(randomDag(seed));
            for (PlannedStage stage : plan.stages()) {
                Duration latestPredecessor = stage.after().stream().map(plan::earliestFinish)
                        .reduce(Duration.ZERO, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                assertThat(plan.earliestStart(stage.id())).isEqualTo(latestPredecessor);
                assertThat(plan.earliestFinish(stage.id())).isEqualTo(latestPredecessor.plus(stage.duration()))
                        .isLessThanOrEqualTo(plan.longestPath());
            }
        });
    }

    @Test
    void theOrderOfTheStagesDoesNotChangeTheTiming() {
        qt().withExamples(300).forAll(longs().all(), longs().all()).checkAssert((seed, shuffle) -> {
            List<PlannedStage> stages = randomDag(seed);
            List<PlannedStage> shuffled = new ArrayList<>(stages);
            Collections.shuffle(shuffled, new Random(shuffle));
            StagePlan plan = StagePlan.of(stages);
            StagePlan other = StagePlan.of(shuffled);

            assertThat(other.longestPath()).isEqualTo(plan.longestPath());
            for (PlannedStage stage : stages) {
                assertThat(other.earliestStart(stage.id())).isEqualTo(plan.earliestStart(stage.id()));
            }
        });
    }

    @Test
    void theCommittedCompletionIsTheStartPlusTheLongestPathInCalendarDays() {
        qt().withExamples(300).forAll(longs().all(), calendarInstants()).checkAssert((seed, start) -> {
            List<PlannedStage> stages = randomDag(seed);
            StageSchedule schedule = StagePlan.of(stages).schedule(start, BusinessCalendar.allDays(ZoneOffset.UTC));

            assertThat(schedule.committedCompletion()).isEqualTo(start.plus(bruteForceLongestPath(stages)));
            assertThat(schedule.stages()).allSatisfy(s -> assertThat(s.earliestFinish())
                    .isBeforeOrEqualTo(schedule.committedCompletion()));
        });
    }

    @Test
    void onAnyCalendarNoStageFinishesAfterTheCommittedCompletionNorStartsBeforeItsPredecessorsFinish() {
        qt().withExamples(300).forAll(longs().all(), weeklyCalendars(), calendarInstants()).checkAssert((seed, calendar, start) -> {
            List<PlannedStage> stages = randomDag(seed);
            StagePlan plan = StagePlan.of(stages);
            StageSchedule schedule;
            try {
                schedule = plan.schedule(start, calendar);
            } catch (InvalidStateException noWorkingTimeLeft) {
                return; // a calendar whose working time runs out before the plan does
            }
            assertThat(schedule.committedCompletion()).isEqualTo(calendar.plusWorkingTime(start, bruteForceLongestPath(stages)));
            Map<StageId, ScheduledStage> byId = new HashMap<>();
            schedule.stages().forEach(s -> byId.put(s.id(), s));
            for (PlannedStage stage : stages) {
                ScheduledStage s = byId.get(stage.id());
                assertThat(s.earliestFinish()).isBeforeOrEqualTo(schedule.committedCompletion());
                assertThat(calendar.workingTimeBetween(s.earliestStart(), s.earliestFinish())).isEqualTo(stage.duration());
                for (StageId p : stage.after()) {
                    assertThat(s.earliestStart()).isAfterOrEqualTo(byId.get(p).earliestFinish());
                }
            }
        });
    }

    @Test
    void aCycleIsAlwaysCaughtAndItsStagesNamed() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<PlannedStage> stages = withCycle(randomDag(seed), random);
            Map<StageId, PlannedStage> byId = new HashMap<>();
            stages.forEach(s -> byId.put(s.id(), s));

            CyclicPlanException e = catchThrowableOfType(CyclicPlanException.class, () -> StagePlan.of(stages));

            assertThat(e).as("a plan with a cycle").isNotNull();
            List<StageId> cycle = e.cycle();
            assertThat(new HashSet<>(cycle)).hasSameSizeAs(cycle);
            for (int i = 0; i < cycle.size(); i++) {
                StageId predecessor = cycle.get(i);
                StageId next = cycle.get((i + 1) % cycle.size());
                assertThat(byId.get(next).after()).as("%s comes after %s in %s", next, predecessor, cycle).contains(predecessor);
                assertThat(e.getMessage()).contains(predecessor.value());
            }
            assertThat(e.argument()).isEqualTo("stages");
        });
    }

    /** Closes a cycle: a random stage is made to come after one of its descendants (or itself). */
    private static List<PlannedStage> withCycle(List<PlannedStage> dag, Random random) {
        Map<StageId, List<StageId>> successors = new HashMap<>();
        for (PlannedStage s : dag) {
            for (StageId p : s.after()) {
                successors.computeIfAbsent(p, k -> new ArrayList<>()).add(s.id());
            }
        }
        PlannedStage from = dag.get(random.nextInt(dag.size()));
        List<StageId> descendants = new ArrayList<>(List.of(from.id())); // a stage after itself is a cycle too
        for (int i = 0; i < descendants.size(); i++) {
            for (StageId s : successors.getOrDefault(descendants.get(i), List.of())) {
                if (!descendants.contains(s)) {
                    descendants.add(s);
                }
            }
        }
        StageId back = descendants.get(random.nextInt(descendants.size()));
        List<PlannedStage> cyclic = new ArrayList<>();
        for (PlannedStage s : dag) {
            if (s.id().equals(from.id()) && !s.after().contains(back)) {
                List<StageId> after = new ArrayList<>(s.after());
                after.add(back);
                cyclic.add(new PlannedStage(s.id(), s.duration(), after));
            } else {
                cyclic.add(s);
            }
        }
        return cyclic;
    }

    @Test
    void readinessNeverLetsAStageStartBeforeAllItsPredecessorsAreDone() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StagePlan plan = StagePlan.of(randomDag(seed));
            Set<StageId> done = new HashSet<>();
            while (done.size() < plan.stages().size()) {
                List<StageId> ready = plan.readyStages(done);
                assertThat(ready).as("some stage is ready while %s of %s are done", done.size(), plan.stages().size())
                        .isNotEmpty();
                for (PlannedStage stage : plan.stages()) {
                    boolean expected = !done.contains(stage.id()) && done.containsAll(stage.after());
                    assertThat(ready.contains(stage.id())).as("%s ready after %s", stage.id(), done).isEqualTo(expected);
                }
                StageId next = ready.get(random.nextInt(ready.size()));
                assertThat(done).containsAll(plan.stage(next).after());
                done.add(next);
            }
            assertThat(plan.readyStages(done)).isEmpty();
        });
    }

    @Test
    void aDoneSetThatSkipsAPredecessorIsRejectedAndChangesNothing() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            StagePlan plan = StagePlan.of(randomDag(seed));
            List<StageId> before = plan.readyStages(Set.of());
            for (PlannedStage stage : plan.stages()) {
                if (!stage.after().isEmpty()) {
                    assertThatThrownBy(() -> plan.readyStages(Set.of(stage.id())))
                            .isInstanceOf(InvalidArgumentException.class)
                            .hasMessageContaining("done: stage " + stage.id() + " cannot be done before its predecessor");
                }
            }
            assertThat(plan.readyStages(Set.of())).isEqualTo(before);
        });
    }

    @Test
    void halfDaysAndOtherDecimalDaysAreExact() {
        qt().forAll(longs().between(1, 3660 * 1000L)).checkAssert(thousandths -> {
            java.math.BigDecimal days = java.math.BigDecimal.valueOf(thousandths, 3);
            Duration d = PlannedStage.durationOfDays(days);
            assertThat(d.toMillis()).isEqualTo(thousandths * 86_400L);
            assertThat(PlannedStage.daysOf(d)).isEqualByComparingTo(days);
        });
    }
}
