package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one stage of a {@link ProvisioningOrder} stands, and its clock.
 *
 * <p>A stage's clock runs from its start. Time on hold is credited: {@code heldTime} is the working
 * time the stage spent held, so the stage is due at
 * {@code calendar.plusWorkingTime(startedAt, planned + heldTime)} and warned at
 * {@code calendar.plusWorkingTime(startedAt, planned × share + heldTime)}; the time held never
 * counts against the plan.
 *
 * @param assignment who carries the stage out
 * @param planned the planned working time
 * @param state where the stage stands
 * @param startedAt when it started; null before
 * @param heldSince when its current hold began; null unless {@link StageState#HELD}
 * @param heldTime the working time spent on hold in holds already resumed
 * @param warningAt when it has used the warning share of its plan; null before it started
 * @param due when it is overdue; null before it started
 * @param warned whether the warning was raised
 * @param escalated whether the escalation was raised
 * @param doneAt when it was done; null before
 */
public record StageProgress(StageAssignment assignment, Duration planned, StageState state, Instant startedAt,
        Instant heldSince, Duration heldTime, Instant warningAt, Instant due, boolean warned, boolean escalated,
        Instant doneAt) {

    /**
     * Checks that the parts fit the state.
     *
     * @param assignment who carries the stage out
     * @param planned the planned working time
     * @param state where the stage stands
     * @param startedAt when it started; null before
     * @param heldSince when its current hold began; null unless {@link StageState#HELD}
     * @param heldTime the working time spent on hold in holds already resumed
     * @param warningAt when it has used the warning share of its plan; null before it started
     * @param due when it is overdue; null before it started
     * @param warned whether the warning was raised
     * @param escalated whether the escalation was raised
     * @param doneAt when it was done; null before
     * @throws InvalidArgumentException naming the part that is missing, present out of its state, or
     *     negative
     */
    public StageProgress {
        Require.nonNull(assignment, "assignment");
        Require.nonNull(planned, "planned");
        Require.nonNull(state, "state");
        Require.nonNull(heldTime, "heldTime");
        Require.that(!heldTime.isNegative(), "heldTime", () -> "of stage " + assignment.stage() + " must not be negative");
        boolean started = state == StageState.STARTED || state == StageState.HELD || state == StageState.DONE;
        Require.that(started == (startedAt != null), "startedAt", () -> "of stage " + assignment.stage() + " is "
                + (started ? "missing" : "set") + " in state " + state);
        Require.that(started == (due != null), "due", () -> "of stage " + assignment.stage() + " is " + (started ? "missing" : "set")
                + " in state " + state);
        Require.that(started == (warningAt != null), "warningAt", () -> "of stage " + assignment.stage() + " is "
                + (started ? "missing" : "set") + " in state " + state);
        Require.that((state == StageState.HELD) == (heldSince != null), "heldSince", () -> "of stage " + assignment.stage()
                + " is " + (state == StageState.HELD ? "missing" : "set") + " in state " + state);
        Require.that((state == StageState.DONE) == (doneAt != null), "doneAt", () -> "of stage " + assignment.stage() + " is "
                + (state == StageState.DONE ? "missing" : "set") + " in state " + state);
        Require.that(started || (!warned && !escalated), "warned", () -> "stage " + assignment.stage()
                + " cannot be warned or escalated before it started");
    }

    /**
     * The stage's id.
     *
     * @return the stage
     */
    public StageId stage() {
        return assignment.stage();
    }

    /**
     * A stage not started yet.
     *
     * @param assignment who carries it out
     * @param planned the planned working time
     * @param ready whether every predecessor is done
     * @return the stage, {@link StageState#READY} or {@link StageState#PENDING}
     */
    static StageProgress notStarted(StageAssignment assignment, Duration planned, boolean ready) {
        return new StageProgress(assignment, planned, ready ? StageState.READY : StageState.PENDING, null, null,
                Duration.ZERO, null, null, false, false, null);
    }

    StageProgress withState(StageState next) {
        return new StageProgress(assignment, planned, next, startedAt, heldSince, heldTime, warningAt, due, warned,
                escalated, doneAt);
    }

    StageProgress started(Instant at, Instant warnAt, Instant dueAt) {
        return new StageProgress(assignment, planned, StageState.STARTED, at, null, heldTime, warnAt, dueAt, false, false,
                null);
    }

    StageProgress held(Instant at) {
        return new StageProgress(assignment, planned, StageState.HELD, startedAt, at, heldTime, warningAt, due, warned,
                escalated, null);
    }

    StageProgress resumed(Duration totalHeld, Instant warnAt, Instant dueAt) {
        return new StageProgress(assignment, planned, StageState.STARTED, startedAt, null, totalHeld, warnAt, dueAt, warned,
                escalated, null);
    }

    StageProgress done(Instant at) {
        return new StageProgress(assignment, planned, StageState.DONE, startedAt, null, heldTime, warningAt, due, warned,
                escalated, at);
    }

    StageProgress handedTo(StageAssignment next) {
        return new StageProgress(next, planned, state, startedAt, heldSince, heldTime, warningAt, due, warned, escalated,
                doneAt);
    }

    StageProgress markedWarned() {
        return new StageProgress(assignment, planned, state, startedAt, heldSince, heldTime, warningAt, due, true,
                escalated, doneAt);
    }

    StageProgress markedEscalated() {
        return new StageProgress(assignment, planned, state, startedAt, heldSince, heldTime, warningAt, due, warned, true,
                doneAt);
    }

    /**
     * Whether the warning is due at {@code now}: the stage runs (not held), has not been warned,
     * and its warning time has come.
     *
     * @param now the instant
     * @return true when a warning should be raised
     * @throws InvalidArgumentException naming {@code now} when it is null
     */
    public boolean warningDueAt(Instant now) {
        Require.nonNull(now, "now");
        return state == StageState.STARTED && !warned && !now.isBefore(warningAt);
    }

    /**
     * Whether the escalation is due at {@code now}: the stage runs (not held), has not been
     * escalated, and its due time has come.
     *
     * @param now the instant
     * @return true when an escalation should be raised
     * @throws InvalidArgumentException naming {@code now} when it is null
     */
    public boolean escalationDueAt(Instant now) {
        Require.nonNull(now, "now");
        return state == StageState.STARTED && !escalated && !now.isBefore(due);
    }
}
