package dev.keyline.domain.workorder;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A provisioning order (开通工单): a key account's circuit provisioned through a DAG of stages
 * ({@link StagePlan}), from the customer's order to the customer's acceptance (closed loop 1).
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Committed completion</b> at opening: the start plus the plan's longest path through
 *       the business calendar ({@link StagePlan#committedCompletion}); it never changes.</li>
 *   <li><b>Stages</b> go pending → ready → started → done. A stage is ready when all its
 *       predecessors are done, so independent stages run in parallel; only a ready stage starts,
 *       only a started one is done.</li>
 *   <li><b>Hold and resume.</b> A started stage may be held and resumed. The working time held is
 *       credited: a stage is due at {@code calendar.plusWorkingTime(startedAt, planned + held)},
 *       so held time never counts against its plan.</li>
 *   <li><b>Warning and escalation</b> (closed loops 2 and 3). A running stage is warned once it has
 *       used the warning share (default {@value #DEFAULT_WARNING_SHARE_TEXT}) of its planned
 *       time, and escalated once it is overdue; each once per stage, never while held.
 *       {@link #raiseDueAlerts(Instant)} raises what is due.</li>
 *   <li><b>Hand-offs</b> of a stage not done to another station and executor are recorded (from,
 *       to, when, note).</li>
 *   <li><b>Closing.</b> When every stage is done the order awaits acceptance; it closes only on the
 *       customer's acceptance, which records who answered for each stage at the four assessment
 *       levels ({@link StageResponsibility}).</li>
 *   <li><b>Cross-network orders.</b> The originating unit ({@link ProvisioningParties#originatingUnit()})
 *       coordinates every stage and is the customer's single interface; stages run by stations of
 *       other units report to it, and the order's events name it.</li>
 *   <li>Commands are dated, never before the order's last change. An illegal step throws
 *       {@link StageTransitionRefusedException} or {@link ProvisioningOrderRefusedException}, and a
 *       refused command changes nothing.</li>
 * </ul>
 *
 * <p>Events: {@link ProvisioningOrderOpened}, {@link ProvisioningStageStarted},
 * {@link ProvisioningStageHeld}, {@link ProvisioningStageResumed}, {@link ProvisioningStageHandedOff},
 * {@link ProvisioningStageDone}, {@link ProvisioningStageWarned}, {@link ProvisioningStageEscalated}
 * and {@link ProvisioningOrderAccepted}.
 */
public final class ProvisioningOrder extends AggregateRoot<ProvisioningOrderId> {

    /** The default warning share of a stage's planned time, the seed's 80 %. */
    public static final BigDecimal DEFAULT_WARNING_SHARE = new BigDecimal("0.8");

    /** The default warning share as text, for documentation. */
    public static final String DEFAULT_WARNING_SHARE_TEXT = "0.8";

    private final ProvisioningParties parties;
    private final StagePlan plan;
    private final Instant start;
    private final Instant committedCompletion;
    private final BigDecimal warningShare;
    private final ProvisioningSlaLink slaLink;
    private final Map<StageId, StageProgress> stages;
    private final List<StageHandOff> handOffs;
    private ProvisioningOrderState state;
    private String acceptedBy;
    private Instant acceptedAt;
    private Instant lastChangedAt;

    private ProvisioningOrder(ProvisioningOrderId id, long version, ProvisioningParties parties, StagePlan plan,
            Instant start, Instant committedCompletion, BigDecimal warningShare, ProvisioningSlaLink slaLink,
            Map<StageId, StageProgress> stages, List<StageHandOff> handOffs, ProvisioningOrderState state,
            String acceptedBy, Instant acceptedAt, Instant lastChangedAt) {
        super(id, version);
        this.parties = parties;
        this.plan = plan;
        this.start = start;
        this.committedCompletion = committedCompletion;
        this.warningShare = warningShare;
        this.slaLink = slaLink;
        this.stages = stages;
        this.handOffs = handOffs;
        this.state = state;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = acceptedAt;
        this.lastChangedAt = lastChangedAt;
    }

    /**
     * Opens an order from its plan and records {@link ProvisioningOrderOpened}; the stages
     * without predecessors are ready at once.
     *
     * @param id the order's id
     * @param parties the account, product, originating unit, account manager and IT support
     * @param plan the stages
     * @param assignments who carries out each stage: exactly one per stage of the plan
     * @param start when the order starts
     * @param calendar the business calendar that counts the plan's working time
     * @param warningShare the share of a stage's planned time after which it is warned, above 0
     *     and at most 1, with at most {@value Limits#RATIO_SCALE} decimals
     *     ({@link #DEFAULT_WARNING_SHARE} is the seed's); kept at {@value Limits#RATIO_SCALE} decimals
     * @param slaLink the SLA order it was accepted under; empty when none
     * @return the order (version 0, never saved)
     * @throws InvalidArgumentException naming the argument when one is null, a stage has no
     *     assignment or two, an assignment names no stage of the plan, or the share is out of range
     * @throws InvalidStateException when the calendar has no working time left
     */
    public static ProvisioningOrder open(ProvisioningOrderId id, ProvisioningParties parties, StagePlan plan,
            List<StageAssignment> assignments, Instant start, BusinessCalendar calendar, BigDecimal warningShare,
            Optional<ProvisioningSlaLink> slaLink) {
        Require.nonNull(id, "id");
        Require.nonNull(parties, "parties");
        Require.nonNull(plan, "plan");
        List<StageAssignment> given = Require.nonNullElements(assignments, "assignments");
        Require.nonNull(start, "start");
        Require.nonNull(calendar, "calendar");
        BigDecimal share = checkShare(warningShare);
        Require.nonNull(slaLink, "slaLink");
        Map<StageId, StageAssignment> byStage = new LinkedHashMap<>();
        for (StageAssignment a : given) {
            plan.stage(a.stage());
            Require.that(byStage.put(a.stage(), a) == null, "assignments", () -> "stage " + a.stage() + " is assigned twice");
        }
        Map<StageId, StageProgress> progress = new LinkedHashMap<>();
        for (PlannedStage stage : plan.stages()) {
            StageAssignment a = byStage.get(stage.id());
            Require.that(a != null, "assignments", () -> "stage " + stage.id() + " has no station and executor assigned");
            progress.put(stage.id(), StageProgress.notStarted(a, stage.duration(), stage.after().isEmpty()));
        }
        Instant committed = plan.committedCompletion(start, calendar);
        ProvisioningOrder order = new ProvisioningOrder(id, 0, parties, plan, start, committed, share,
                slaLink.orElse(null), progress, new ArrayList<>(), ProvisioningOrderState.IN_PROGRESS, null, null, start);
        order.record(new ProvisioningOrderOpened(EventId.random(), start, id, parties.account(), parties.product(),
                parties.originatingUnit(), parties.accountManager(), start, committed,
                slaLink.map(ProvisioningSlaLink::slaOrder).orElse(null),
                slaLink.map(ProvisioningSlaLink::committedBy).orElse(null), order.stagesIn(StageState.READY)));
        return order;
    }

    /**
     * The station starts a ready stage; records {@link ProvisioningStageStarted}. Its warning and
     * due times are counted from {@code at} through the calendar.
     *
     * @param stage the stage
     * @param calendar the business calendar
     * @param at when; not before the order's last change
     * @throws InvalidArgumentException when an argument is null, the stage is not of the plan or
     *     {@code at} is too early
     * @throws ProvisioningOrderRefusedException when the order is accepted
     * @throws StageTransitionRefusedException when the stage is not ready
     */
    public void start(StageId stage, BusinessCalendar calendar, Instant at) {
        StageProgress s = stageToChange(stage, at);
        Require.nonNull(calendar, "calendar");
        if (s.state() != StageState.READY) {
            throw refused(s, "start", s.state() == StageState.PENDING
                    ? "its predecessors " + notDone(plan.stage(stage).after()) + " are not done" : "only a ready stage starts");
        }
        StageProgress started = s.started(at, calendar.plusWorkingTime(at, warningPart(s.planned())),
                calendar.plusWorkingTime(at, s.planned()));
        apply(started, at);
        StageAssignment a = started.assignment();
        record(new ProvisioningStageStarted(EventId.random(), at, id(), parties.account(), stage, a.station(), a.unit(),
                a.executor(), started.warningAt(), started.due()));
    }

    /**
     * Puts a started stage on hold; records {@link ProvisioningStageHeld}. Its clock stops until
     * it is resumed.
     *
     * @param stage the stage
     * @param by who holds it
     * @param reason why; not blank
     * @param at when; not before the order's last change
     * @throws InvalidArgumentException when an argument is null or blank, the stage is not of the
     *     plan or {@code at} is too early
     * @throws ProvisioningOrderRefusedException when the order is accepted
     * @throws StageTransitionRefusedException when the stage is not started (or already held)
     */
    public void hold(StageId stage, UserId by, String reason, Instant at) {
        StageProgress s = stageToChange(stage, at);
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
        if (s.state() != StageState.STARTED) {
            throw refused(s, "hold", "only a started stage that is not on hold may be held");
        }
        StageProgress held = s.held(at);
        apply(held, at);
        StageAssignment a = held.assignment();
        record(new ProvisioningStageHeld(EventId.random(), at, id(), parties.account(), stage, a.station(), a.unit(), by,
                reason));
    }

    /**
     * Resumes a held stage; records {@link ProvisioningStageResumed}. The working time held, by the
     * calendar, is credited: the stage's warning and due times move by it.
     *
     * @param stage the stage
     * @param by who resumes it
     * @param calendar the business calendar
     * @param at when; not before the order's last change
     * @throws InvalidArgumentException when an argument is null, the stage is not of the plan or
     *     {@code at} is too early
     * @throws ProvisioningOrderRefusedException when the order is accepted
     * @throws StageTransitionRefusedException when the stage is not on hold
     */
    public void resume(StageId stage, UserId by, BusinessCalendar calendar, Instant at) {
        StageProgress s = stageToChange(stage, at);
        Require.nonNull(by, "by");
        Require.nonNull(calendar, "calendar");
        if (s.state() != StageState.HELD) {
            throw refused(s, "resume", "only a stage on hold may be resumed");
        }
        Duration held = s.heldTime().plus(calendar.workingTimeBetween(s.heldSince(), at));
        StageProgress resumed = s.resumed(held, calendar.plusWorkingTime(s.startedAt(), warningPart(s.planned()).plus(held)),
                calendar.plusWorkingTime(s.startedAt(), s.planned().plus(held)));
        apply(resumed, at);
        StageAssignment a = resumed.assignment();
        record(new ProvisioningStageResumed(EventId.random(), at, id(), parties.account(), stage, a.station(), a.unit(), by,
                s.heldSince(), resumed.warningAt(), resumed.due()));
    }

    /**
     * Hands a stage not done to another station and executor; records the {@link StageHandOff}
     * and {@link ProvisioningStageHandedOff}.
     *
     * @param to the new assignment of the stage: its station, unit, station manager and executor
     * @param note why, or what was passed on; not blank
     * @param at when; not before the order's last change
     * @return the hand-off recorded
     * @throws InvalidArgumentException when an argument is null or blank, the stage is not of the
     *     plan, {@code at} is too early, or neither the station nor the executor changes
     * @throws ProvisioningOrderRefusedException when the order is accepted
     * @throws StageTransitionRefusedException when the stage is done
     */
    public StageHandOff handOff(StageAssignment to, String note, Instant at) {
        Require.nonNull(to, "to");
        StageProgress s = stageToChange(to.stage(), at);
        Require.text(note, "note");
        if (s.state() == StageState.DONE) {
            throw refused(s, "hand off", "a done stage is not handed off");
        }
        StageAssignment from = s.assignment();
        StageHandOff handOff = new StageHandOff(to.stage(), from.station(), from.executor(), to.station(), to.executor(),
                at, note);
        apply(s.handedTo(to), at);
        handOffs.add(handOff);
        record(new ProvisioningStageHandedOff(EventId.random(), at, id(), parties.account(), handOff, to.unit(),
                to.stationManager()));
        return handOff;
    }

    /**
     * Marks a started stage done; records {@link ProvisioningStageDone}. Stages whose predecessors
     * are now all done become ready; when every stage is done the order awaits acceptance.
     *
     * @param stage the stage
     * @param at when; not before the order's last change
     * @throws InvalidArgumentException when an argument is null, the stage is not of the plan or
     *     {@code at} is too early
     * @throws ProvisioningOrderRefusedException when the order is accepted
     * @throws StageTransitionRefusedException when the stage is not started (a held stage is resumed first)
     */
    public void complete(StageId stage, Instant at) {
        StageProgress s = stageToChange(stage, at);
        if (s.state() != StageState.STARTED) {
            throw refused(s, "complete", s.state() == StageState.HELD ? "it is on hold; resume it first"
                    : "only a started stage is done");
        }
        StageProgress done = s.done(at);
        apply(done, at);
        List<StageId> nowReady = new ArrayList<>();
        Set<StageId> finished = new HashSet<>(stagesIn(StageState.DONE));
        for (PlannedStage p : plan.stages()) {
            StageProgress other = stages.get(p.id());
            if (other.state() == StageState.PENDING && finished.containsAll(p.after())) {
                stages.put(p.id(), other.withState(StageState.READY));
                nowReady.add(p.id());
            }
        }
        if (finished.size() == stages.size()) {
            state = ProvisioningOrderState.AWAITING_ACCEPTANCE;
        }
        StageAssignment a = done.assignment();
        record(new ProvisioningStageDone(EventId.random(), at, id(), parties.account(), stage, a.station(), a.unit(),
                a.executor(), done.due(), at.isAfter(done.due()), List.copyOf(nowReady)));
    }

    /**
     * Raises the warnings and escalations due at {@code now}: for every running stage (not held)
     * that has used the warning share of its planned time and was not warned,
     * {@link ProvisioningStageWarned}; for every running stage overdue and not escalated,
     * {@link ProvisioningStageEscalated}. Each is raised once per stage. Does not move the order's
     * last change, so a sweep never blocks a later-dated command.
     *
     * @param now the instant; not before the order's last change
     * @return how many warnings and escalations were raised
     * @throws InvalidArgumentException when {@code now} is null or before the order's last change
     */
    public int raiseDueAlerts(Instant now) {
        Require.nonNull(now, "now");
        requireNotBeforeLastChange(now);
        if (state == ProvisioningOrderState.ACCEPTED) {
            return 0;
        }
        int raised = 0;
        for (StageProgress s : List.copyOf(stages.values())) {
            StageAssignment a = s.assignment();
            StageProgress next = s;
            if (next.warningDueAt(now)) {
                next = next.markedWarned();
                record(new ProvisioningStageWarned(EventId.random(), now, id(), parties.account(), s.stage(), a.station(),
                        a.unit(), a.stationManager(), a.executor(), parties.accountManager(), s.due()));
                raised++;
            }
            if (next.escalationDueAt(now)) {
                next = next.markedEscalated();
                record(new ProvisioningStageEscalated(EventId.random(), now, id(), parties.account(), s.stage(),
                        a.station(), a.unit(), a.stationManager(), a.executor(), parties.accountManager(), s.due()));
                raised++;
            }
            stages.put(s.stage(), next);
        }
        return raised;
    }

    /**
     * The customer accepts the provisioned circuit; the order closes and records
     * {@link ProvisioningOrderAccepted} with who answered for each stage at the four assessment
     * levels.
     *
     * @param acceptedBy who accepted for the customer; not blank
     * @param at when; not before the order's last change
     * @return the responsibility records, one per stage in the plan's order
     * @throws InvalidArgumentException when an argument is null or blank or {@code at} is too early
     * @throws ProvisioningOrderRefusedException when some stage is not done or the order is
     *     already accepted
     */
    public List<StageResponsibility> accept(String acceptedBy, Instant at) {
        Require.text(acceptedBy, "acceptedBy");
        Require.nonNull(at, "at");
        requireNotBeforeLastChange(at);
        if (state != ProvisioningOrderState.AWAITING_ACCEPTANCE) {
            throw new ProvisioningOrderRefusedException(id(), state, state == ProvisioningOrderState.ACCEPTED
                    ? "it is already accepted" : "the customer accepts only when every stage is done; not done: "
                            + notDone(stages.keySet()));
        }
        List<StageResponsibility> responsibilities = responsibilities();
        this.state = ProvisioningOrderState.ACCEPTED;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = at;
        this.lastChangedAt = at;
        record(new ProvisioningOrderAccepted(EventId.random(), at, id(), parties.account(), parties.originatingUnit(),
                acceptedBy, committedCompletion, !at.isAfter(committedCompletion), responsibilities));
        return responsibilities;
    }

    // ---- queries ------------------------------------------------------------------------------

    /**
     * The account, product, originating unit, account manager and IT support.
     *
     * @return the parties
     */
    public ProvisioningParties parties() {
        return parties;
    }

    /**
     * The plan.
     *
     * @return the plan
     */
    public StagePlan plan() {
        return plan;
    }

    /**
     * When the order started.
     *
     * @return the start
     */
    public Instant start() {
        return start;
    }

    /**
     * The start plus the plan's longest path through the business calendar, fixed at opening.
     *
     * @return the committed completion
     */
    public Instant committedCompletion() {
        return committedCompletion;
    }

    /**
     * The share of a stage's planned time after which it is warned.
     *
     * @return the share, above 0 and at most 1
     */
    public BigDecimal warningShare() {
        return warningShare;
    }

    /**
     * The SLA order the order was accepted under, if any.
     *
     * @return the link
     */
    public Optional<ProvisioningSlaLink> slaLink() {
        return Optional.ofNullable(slaLink);
    }

    /**
     * Whether the committed completion is within the SLA class's committed time; true without an SLA.
     *
     * @return true when the plan meets the SLA
     */
    public boolean meetsSla() {
        return slaLink == null || !committedCompletion.isAfter(slaLink.committedBy());
    }

    /**
     * Where the order stands.
     *
     * @return the state
     */
    public ProvisioningOrderState state() {
        return state;
    }

    /**
     * One stage's progress.
     *
     * @param stage the stage
     * @return its progress
     * @throws InvalidArgumentException when the stage is null or not of the plan
     */
    public StageProgress stage(StageId stage) {
        Require.nonNull(stage, "stage");
        return stages.get(plan.stage(stage).id());
    }

    /**
     * Every stage's progress, in the plan's order.
     *
     * @return the stages
     */
    public List<StageProgress> stages() {
        return List.copyOf(stages.values());
    }

    /**
     * The stages in one state, in the plan's order.
     *
     * @param wanted the state
     * @return their ids
     */
    public List<StageId> stagesIn(StageState wanted) {
        Require.nonNull(wanted, "wanted");
        List<StageId> in = new ArrayList<>();
        for (StageProgress s : stages.values()) {
            if (s.state() == wanted) {
                in.add(s.stage());
            }
        }
        return Collections.unmodifiableList(in);
    }

    /**
     * Every hand-off, oldest first.
     *
     * @return the hand-offs
     */
    public List<StageHandOff> handOffs() {
        return List.copyOf(handOffs);
    }

    /**
     * Who accepted for the customer, once accepted.
     *
     * @return the name
     */
    public Optional<String> acceptedBy() {
        return Optional.ofNullable(acceptedBy);
    }

    /**
     * When the customer accepted, once accepted.
     *
     * @return the instant
     */
    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    /**
     * When the order last changed; no command may be dated before it.
     *
     * @return the instant
     */
    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    /**
     * Who answers for each stage at the four assessment levels, as things stand: the order's
     * account manager and IT support, and each stage's current station manager and executor.
     *
     * @return one record per stage, in the plan's order
     */
    public List<StageResponsibility> responsibilities() {
        List<StageResponsibility> list = new ArrayList<>();
        for (StageProgress s : stages.values()) {
            StageAssignment a = s.assignment();
            list.add(new StageResponsibility(s.stage(), a.station(), parties.accountManager(), a.stationManager(),
                    a.executor(), parties.itSupport()));
        }
        return List.copyOf(list);
    }

    /**
     * The stored form.
     *
     * @return the snapshot
     */
    public ProvisioningOrderSnapshot snapshot() {
        return new ProvisioningOrderSnapshot(id(), version(), parties, plan.stages(), start, committedCompletion,
                warningShare, slaLink, state, List.copyOf(stages.values()), List.copyOf(handOffs), acceptedBy, acceptedAt,
                lastChangedAt);
    }

    /**
     * Rebuilds an order from its stored form, validating it again.
     *
     * @param snapshot the stored form
     * @return the order, with no pending events
     * @throws InvalidArgumentException naming {@code snapshot} when it is null
     * @throws CorruptStateException when the stored form breaks a rule: a part missing, the plan
     *     invalid, the stages not those of the plan, a stage started before its predecessors were
     *     done, a state that does not match the stages, or times out of order
     */
    public static ProvisioningOrder restore(ProvisioningOrderSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        try {
            Require.nonNull(snapshot.id(), "id");
            Require.nonNull(snapshot.parties(), "parties");
            Require.nonNull(snapshot.start(), "start");
            Require.nonNull(snapshot.committedCompletion(), "committedCompletion");
            Require.nonNull(snapshot.state(), "state");
            Require.nonNull(snapshot.lastChangedAt(), "lastChangedAt");
            checkShare(snapshot.warningShare());
            StagePlan plan = StagePlan.of(snapshot.plan());
            List<StageProgress> given = Require.nonNullElements(snapshot.stages(), "stages");
            List<StageHandOff> handOffs = Require.nonNullElements(snapshot.handOffs(), "handOffs");
            String id = snapshot.id().value();
            corruptIf(given.size() != plan.stages().size(), () -> "provisioning order " + id + " stores " + given.size()
                    + " stages but its plan has " + plan.stages().size());
            Map<StageId, StageProgress> stages = new LinkedHashMap<>();
            for (int i = 0; i < given.size(); i++) {
                PlannedStage p = plan.stages().get(i);
                StageProgress s = given.get(i);
                corruptIf(!s.stage().equals(p.id()), () -> "provisioning order " + id + " stores stage " + s.stage()
                        + " where its plan has " + p.id());
                corruptIf(!s.planned().equals(p.duration()), () -> "provisioning order " + id + " stage " + p.id()
                        + " stores planned time " + s.planned() + " but its plan says " + p.duration());
                stages.put(p.id(), s);
            }
            Set<StageId> done = new HashSet<>();
            for (StageProgress s : given) {
                if (s.state() == StageState.DONE) {
                    done.add(s.stage());
                }
            }
            for (PlannedStage p : plan.stages()) {
                StageProgress s = stages.get(p.id());
                boolean ready = done.containsAll(p.after());
                corruptIf(s.state() == StageState.PENDING && ready, () -> "provisioning order " + id + " stage " + p.id()
                        + " is PENDING though its predecessors are done");
                corruptIf(s.state() != StageState.PENDING && !ready, () -> "provisioning order " + id + " stage " + p.id()
                        + " is " + s.state() + " though a predecessor is not done");
                corruptIf(s.startedAt() != null && s.startedAt().isBefore(snapshot.start()), () -> "provisioning order " + id
                        + " stage " + p.id() + " started before the order");
                corruptIf(s.doneAt() != null && s.doneAt().isBefore(s.startedAt()), () -> "provisioning order " + id
                        + " stage " + p.id() + " was done before it started");
                corruptIf(s.heldSince() != null && s.heldSince().isBefore(s.startedAt()), () -> "provisioning order " + id
                        + " stage " + p.id() + " was held before it started");
                if (s.state() == StageState.STARTED || s.state() == StageState.HELD || s.state() == StageState.DONE) {
                    for (StageId predecessor : p.after()) {
                        corruptIf(stages.get(predecessor).doneAt().isAfter(s.startedAt()), () -> "provisioning order " + id
                                + " stage " + p.id() + " started before its predecessor " + predecessor + " was done");
                    }
                }
            }
            boolean allDone = done.size() == stages.size();
            ProvisioningOrderState state = snapshot.state();
            corruptIf(state == ProvisioningOrderState.IN_PROGRESS && allDone, () -> "provisioning order " + id
                    + " is IN_PROGRESS though every stage is done");
            corruptIf(state != ProvisioningOrderState.IN_PROGRESS && !allDone, () -> "provisioning order " + id + " is " + state
                    + " though some stage is not done");
            boolean accepted = state == ProvisioningOrderState.ACCEPTED;
            corruptIf(accepted != (snapshot.acceptedAt() != null) || accepted != (snapshot.acceptedBy() != null),
                    () -> "provisioning order " + id + " is " + state + " but its acceptance is "
                            + (accepted ? "missing" : "recorded"));
            if (accepted) {
                Require.text(snapshot.acceptedBy(), "acceptedBy");
            }
            corruptIf(snapshot.committedCompletion().isBefore(snapshot.start()), () -> "provisioning order " + id
                    + " is committed before its start");
            for (StageHandOff h : handOffs) {
                corruptIf(!stages.containsKey(h.stage()), () -> "provisioning order " + id + " records a hand-off of stage "
                        + h.stage() + ", not a stage of its plan");
            }
            return new ProvisioningOrder(snapshot.id(), snapshot.version(), snapshot.parties(), plan, snapshot.start(),
                    snapshot.committedCompletion(), snapshot.warningShare(), snapshot.slaLink(), stages,
                    new ArrayList<>(handOffs), state, snapshot.acceptedBy(), snapshot.acceptedAt(), snapshot.lastChangedAt());
        } catch (CorruptStateException e) {
            throw e;
        } catch (KeylineException e) {
            throw new CorruptStateException("stored provisioning order "
                    + (snapshot.id() == null ? "?" : snapshot.id().value()) + " is invalid: "
                    + e.getMessage(), e);
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    private StageProgress stageToChange(StageId stage, Instant at) {
        Require.nonNull(stage, "stage");
        Require.nonNull(at, "at");
        StageProgress s = stage(stage);
        requireNotBeforeLastChange(at);
        if (state == ProvisioningOrderState.ACCEPTED) {
            throw new ProvisioningOrderRefusedException(id(), state, "the customer accepted it; its stages no longer change");
        }
        return s;
    }

    private void apply(StageProgress next, Instant at) {
        stages.put(next.stage(), next);
        lastChangedAt = at;
    }

    private void requireNotBeforeLastChange(Instant at) {
        Require.that(!at.isBefore(lastChangedAt), "at", () -> "must not be before the last change of provisioning order " + id()
                + " at " + lastChangedAt + ", was " + at);
    }

    private StageTransitionRefusedException refused(StageProgress s, String step, String why) {
        return new StageTransitionRefusedException(id(), s.stage(), s.state(), step, why);
    }

    private List<StageId> notDone(java.util.Collection<StageId> ids) {
        return ids.stream().filter(i -> stages.get(i).state() != StageState.DONE).toList();
    }

    private Duration warningPart(Duration planned) {
        // whole seconds, so the warning time is stored exactly wherever instants are kept to the microsecond
        BigDecimal seconds = new BigDecimal(planned.toNanos()).multiply(warningShare).movePointLeft(9)
                .setScale(0, RoundingMode.FLOOR);
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private static BigDecimal checkShare(BigDecimal share) {
        Require.nonNull(share, "warningShare");
        Require.that(share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0, "warningShare",
                () -> "must be above 0 and at most 1, was " + share.toPlainString());
        return Limits.ratio(share, "warningShare");
    }

    private static void corruptIf(boolean condition, String message) {
        if (condition) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptIf(boolean, String)} with the message built only when the check fails. */
    private static void corruptIf(boolean condition, Supplier<String> message) {
        if (condition) {
            throw new CorruptStateException(message.get());
        }
    }
}
