package dev.keyline.domain.workorder;

import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The plan of a provisioning order (开通工单): its stages as a directed acyclic graph, each stage
 * with a planned duration and the stages it comes after. Stages at different levels (local,
 * provincial, inter-provincial, far end) that do not wait for each other run in parallel.
 *
 * <p>Validated on creation: stage ids are unique, every predecessor is a stage of the plan,
 * there is no cycle (a {@link CyclicPlanException} names the stages of one), every duration is
 * positive (checked by {@link PlannedStage}).
 *
 * <p><b>Timing.</b> Offsets are working time from the order's start. A stage's earliest start is
 * the latest earliest finish of its predecessors (zero for a stage with none); its earliest finish
 * is its earliest start plus its duration. The {@linkplain #longestPath() longest path} is the
 * largest earliest finish: the length of the heaviest chain of stages, each a predecessor of the
 * next. The committed completion is {@code calendar.plusWorkingTime(start, longestPath())}
 * (calendar days of 24 hours under {@link BusinessCalendar#allDays}), never before the end of any
 * stage.
 *
 * <p><b>Readiness.</b> A stage not yet done is ready when every one of its predecessors is done.
 */
public final class StagePlan {

    /** The most stages one plan may hold. */
    public static final int MAX_STAGES = 1000;

    private final List<PlannedStage> stages;
    private final Map<StageId, PlannedStage> byId;
    /** The stages in an order in which every stage comes after its predecessors. */
    private final List<StageId> topological;
    /**
     * The timing of the stages, worked out on first use: a plan restored to be read or changed
     * needs only its validation, and a plan is immutable, so a race computes the same value twice
     * at worst (the value is immutable and published through its final fields).
     */
    private Timing timing;

    /** The earliest start and finish of every stage, the longest path and one critical path. */
    private record Timing(Map<StageId, Duration> earliestStart, Map<StageId, Duration> earliestFinish,
            Duration longestPath, List<StageId> criticalPath) {
    }

    private StagePlan(List<PlannedStage> stages) {
        Map<StageId, PlannedStage> ids = new LinkedHashMap<>();
        for (PlannedStage stage : stages) {
            if (ids.put(stage.id(), stage) != null) {
                throw new InvalidArgumentException("stages", "stage id " + stage.id() + " is used more than once");
            }
        }
        for (PlannedStage stage : stages) {
            for (StageId predecessor : stage.after()) {
                Require.that(ids.containsKey(predecessor), "stages",
                        () -> "stage " + stage.id() + " comes after " + predecessor + ", which is not a stage of the plan");
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.topological = topologicalOrder(stages, ids);
        this.stages = new Stages(stages, this);
    }

    /**
     * The stages of a plan as {@link #stages()} hands them out: immutable, and carrying the plan
     * they were validated as, so that {@link #of} given them back (a snapshot's plan restored)
     * returns that plan instead of validating the same stages again.
     */
    private static final class Stages extends AbstractList<PlannedStage> implements RandomAccess {
        private final List<PlannedStage> stages;
        private final StagePlan plan;

        private Stages(List<PlannedStage> stages, StagePlan plan) {
            this.stages = stages;
            this.plan = plan;
        }

        @Override
        public PlannedStage get(int index) {
            return stages.get(index);
        }

        @Override
        public int size() {
            return stages.size();
        }
    }

    /**
     * {@code stages} as a snapshot keeps them: the same list when it is a plan's own (immutable
     * already, and restoring it returns that plan), else an unmodifiable copy, which may hold
     * nulls for {@link #of} to reject.
     */
    static List<PlannedStage> kept(List<PlannedStage> stages) {
        return stages instanceof Stages ? stages : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    private Timing timing() {
        Timing t = timing;
        if (t == null) {
            t = computeTiming();
            timing = t;
        }
        return t;
    }

    private Timing computeTiming() {
        Map<StageId, Duration> start = new HashMap<>();
        Map<StageId, Duration> finish = new HashMap<>();
        Map<StageId, StageId> criticalPredecessor = new HashMap<>();
        for (StageId id : topological) {
            PlannedStage stage = byId.get(id);
            Duration s = Duration.ZERO;
            StageId critical = null;
            for (StageId predecessor : stage.after()) {
                Duration f = finish.get(predecessor);
                if (critical == null || f.compareTo(s) > 0) {
                    s = f;
                    critical = predecessor;
                }
            }
            if (critical != null) {
                criticalPredecessor.put(id, critical);
            }
            start.put(id, s);
            finish.put(id, s.plus(stage.duration()));
        }
        StageId last = null;
        for (PlannedStage stage : stages) {
            if (last == null || finish.get(stage.id()).compareTo(finish.get(last)) > 0) {
                last = stage.id();
            }
        }
        List<StageId> path = new ArrayList<>();
        for (StageId at = last; at != null; at = criticalPredecessor.get(at)) {
            path.add(at);
        }
        Collections.reverse(path);
        return new Timing(Collections.unmodifiableMap(start), Collections.unmodifiableMap(finish), finish.get(last),
                List.copyOf(path));
    }

    /**
     * A plan of the given stages.
     *
     * @param stages the stages, at least one and at most {@link #MAX_STAGES}, in any order
     * @return the plan, keeping the stages in the order given; the plan itself when
     *     {@code stages} is a plan's own {@link #stages()}, which were validated when it was made
     * @throws InvalidArgumentException naming {@code stages} when the list is null, empty, too
     *     long or holds null, when a stage id is used twice or a predecessor is not a stage of the
     *     plan (the message names the stages)
     * @throws CyclicPlanException when stages wait for each other in a cycle
     */
    public static StagePlan of(List<PlannedStage> stages) {
        if (stages instanceof Stages own) {
            return own.plan; // the stages of a plan validated before, as its stages() returned them
        }
        List<PlannedStage> list = Require.nonNullElements(stages, "stages");
        Require.that(!list.isEmpty(), "stages", "must hold at least one stage");
        Require.that(list.size() <= MAX_STAGES, "stages", () -> "must hold at most " + MAX_STAGES + " stages, was " + list.size());
        return new StagePlan(list);
    }

    /**
     * The stages, in the order given: an immutable list that knows this plan, so that
     * {@link #of} given it back returns this plan without validating the stages again.
     *
     * @return the stages
     */
    public List<PlannedStage> stages() {
        return stages;
    }

    /**
     * A stage of the plan.
     *
     * @param id the stage's id
     * @return the stage
     * @throws InvalidArgumentException naming {@code id} when it is null or not a stage of the plan
     */
    public PlannedStage stage(StageId id) {
        Require.nonNull(id, "id");
        PlannedStage stage = byId.get(id);
        Require.that(stage != null, "id", () -> "stage " + id + " is not a stage of the plan");
        return stage;
    }

    /**
     * The stages in an order in which each comes after all its predecessors (ties in the order
     * the stages were given).
     *
     * @return the stage ids in a topological order
     */
    public List<StageId> topologicalOrder() {
        return topological;
    }

    /**
     * The working time from the order's start until a stage can start at the earliest: the latest
     * earliest finish of its predecessors, zero for a stage without any.
     *
     * @param id the stage's id
     * @return the offset of its earliest start
     * @throws InvalidArgumentException naming {@code id} when it is null or not a stage of the plan
     */
    public Duration earliestStart(StageId id) {
        return timing().earliestStart().get(stage(id).id());
    }

    /**
     * The working time from the order's start until a stage can be done at the earliest: its
     * earliest start plus its duration.
     *
     * @param id the stage's id
     * @return the offset of its earliest finish
     * @throws InvalidArgumentException naming {@code id} when it is null or not a stage of the plan
     */
    public Duration earliestFinish(StageId id) {
        return timing().earliestFinish().get(stage(id).id());
    }

    /**
     * The length of the longest path: the largest sum of durations along a chain of stages, each
     * a predecessor of the next; the working time the whole order needs when independent stages
     * run in parallel.
     *
     * @return the longest path's working time
     */
    public Duration longestPath() {
        return timing().longestPath();
    }

    /**
     * One longest path: a chain of stages, each a predecessor of the next, starting with a stage
     * without predecessors, whose durations sum to {@link #longestPath()}. Among equally long
     * chains the one ending at the stage given first, each stage reached through the first of its
     * latest-finishing predecessors.
     *
     * @return the critical path's stage ids, in order
     */
    public List<StageId> criticalPath() {
        return timing().criticalPath();
    }

    /**
     * The working time the stages take one after another, as in the old sequential flow: the
     * sum of all durations.
     *
     * @return the total duration
     */
    public Duration sequentialDuration() {
        Duration total = Duration.ZERO;
        for (PlannedStage stage : stages) {
            total = total.plus(stage.duration());
        }
        return total;
    }

    /**
     * When an order started at {@code start} is committed to be complete: {@code start} plus the
     * longest path, counted through the calendar.
     *
     * @param start when the order starts
     * @param calendar the business calendar; {@link BusinessCalendar#allDays} counts calendar days
     * @return the committed completion
     * @throws InvalidArgumentException when an argument is null or the result is out of range
     * @throws InvalidStateException when the calendar has no working time left
     */
    public Instant committedCompletion(Instant start, BusinessCalendar calendar) {
        Require.nonNull(start, "start");
        Require.nonNull(calendar, "calendar");
        return calendar.plusWorkingTime(start, longestPath());
    }

    /**
     * The plan laid on the calendar from {@code start}: every stage's earliest start and finish as
     * instants, and the committed completion.
     *
     * @param start when the order starts
     * @param calendar the business calendar; {@link BusinessCalendar#allDays} counts calendar days
     * @return the schedule, stages in the order given
     * @throws InvalidArgumentException when an argument is null or a result is out of range
     * @throws InvalidStateException when the calendar has no working time left
     */
    public StageSchedule schedule(Instant start, BusinessCalendar calendar) {
        Require.nonNull(start, "start");
        Require.nonNull(calendar, "calendar");
        List<ScheduledStage> scheduled = new ArrayList<>(stages.size());
        for (PlannedStage stage : stages) {
            scheduled.add(new ScheduledStage(stage.id(), calendar.plusWorkingTime(start, timing().earliestStart().get(stage.id())),
                    calendar.plusWorkingTime(start, timing().earliestFinish().get(stage.id()))));
        }
        return new StageSchedule(start, committedCompletion(start, calendar), scheduled);
    }

    /**
     * The stages that may start now: not done, and every predecessor done.
     *
     * @param done the stages done so far; every predecessor of a done stage must be done too
     * @return the ready stages, in the order given
     * @throws InvalidArgumentException naming {@code done} when it is null, holds null or a stage
     *     not of the plan, or holds a stage whose predecessor is not done
     */
    public List<StageId> readyStages(Set<StageId> done) {
        Set<StageId> finished = Set.copyOf(Require.nonNullElements(done, "done"));
        for (StageId id : finished) {
            Require.that(byId.containsKey(id), "done", () -> "stage " + id + " is not a stage of the plan");
            for (StageId predecessor : byId.get(id).after()) {
                Require.that(finished.contains(predecessor), "done",
                        () -> "stage " + id + " cannot be done before its predecessor " + predecessor);
            }
        }
        List<StageId> ready = new ArrayList<>();
        for (PlannedStage stage : stages) {
            if (!finished.contains(stage.id()) && finished.containsAll(stage.after())) {
                ready.add(stage.id());
            }
        }
        return List.copyOf(ready);
    }

    /**
     * Whether a stage may start once {@code done} are done: all its predecessors are among them.
     *
     * @param id the stage
     * @param done the stages done
     * @return true when every predecessor of the stage is in {@code done}
     * @throws InvalidArgumentException when an argument is null or {@code id} not a stage of the plan
     */
    public boolean isReady(StageId id, Set<StageId> done) {
        PlannedStage stage = stage(id);
        Require.nonNullElements(done, "done");
        return done.containsAll(stage.after());
    }

    /** Kahn's algorithm; the stages left over wait for each other, and one cycle among them is reported. */
    private static List<StageId> topologicalOrder(List<PlannedStage> stages, Map<StageId, PlannedStage> ids) {
        Map<StageId, Integer> waitingFor = new HashMap<>();
        Map<StageId, List<StageId>> successors = new HashMap<>();
        for (PlannedStage stage : stages) {
            waitingFor.put(stage.id(), stage.after().size());
            for (StageId predecessor : stage.after()) {
                successors.computeIfAbsent(predecessor, p -> new ArrayList<>()).add(stage.id());
            }
        }
        Deque<StageId> free = new ArrayDeque<>();
        for (PlannedStage stage : stages) {
            if (stage.after().isEmpty()) {
                free.add(stage.id());
            }
        }
        List<StageId> order = new ArrayList<>(stages.size());
        while (!free.isEmpty()) {
            StageId id = free.poll();
            order.add(id);
            for (StageId successor : successors.getOrDefault(id, List.of())) {
                if (waitingFor.merge(successor, -1, Integer::sum) == 0) {
                    free.add(successor);
                }
            }
        }
        if (order.size() < stages.size()) {
            throw new CyclicPlanException(cycleAmong(stages, ids, waitingFor));
        }
        return List.copyOf(order);
    }

    /**
     * One cycle among the stages Kahn's algorithm could not order: each of them still waits for a
     * predecessor that is itself left over, so walking from one to such a predecessor, again and
     * again, must come back to a stage already seen; the stages from there on form a cycle,
     * reported from its stage given first.
     */
    private static List<StageId> cycleAmong(List<PlannedStage> stages, Map<StageId, PlannedStage> ids,
            Map<StageId, Integer> waitingFor) {
        StageId at = stages.stream().map(PlannedStage::id).filter(id -> waitingFor.get(id) > 0).findFirst().orElseThrow();
        List<StageId> walk = new ArrayList<>();
        Map<StageId, Integer> seenAt = new HashMap<>();
        while (!seenAt.containsKey(at)) {
            seenAt.put(at, walk.size());
            walk.add(at);
            at = ids.get(at).after().stream().filter(p -> waitingFor.get(p) > 0).findFirst().orElseThrow();
        }
        // walk[i + 1] is a predecessor of walk[i]; reversed, each stage is a predecessor of the next
        List<StageId> cycle = new ArrayList<>(walk.subList(seenAt.get(at), walk.size()));
        Collections.reverse(cycle);
        // start the cycle at its stage given first, so the message reads in the plan's order
        List<StageId> given = stages.stream().map(PlannedStage::id).toList();
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (given.indexOf(cycle.get(i)) < given.indexOf(cycle.get(first))) {
                first = i;
            }
        }
        Collections.rotate(cycle, -first);
        return cycle;
    }
}
