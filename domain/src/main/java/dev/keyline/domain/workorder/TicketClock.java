package dev.keyline.domain.workorder;

import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SLA clock of a fault (故障) ticket (response or resolution), measured in working time of a
 * {@link BusinessCalendar}: not started → running ⇄ paused → met | breached | cancelled.
 *
 * <p>The clock keeps an append-only log of its transitions. Everything else is derived from that
 * log and a calendar: the elapsed working time counts only the running stretches, so time spent
 * paused is credited and the deadline moves by the working time spent paused; the deadline is the
 * instant at which the running stretches add up to the target, the warning instant the one at
 * which they add up to the warning share of it. A stopped clock keeps the deadline and warning
 * instant in force when it stopped, so whether it met its target can be read from its deadline and
 * its stop. The clock stores the deadline and warning instant
 * computed with the calendar in force at its last transition, and {@link #recompute} derives them
 * again from the log, so a changed calendar gives new deadlines and the same calendar exactly the
 * stored ones.
 *
 * <p>A warning and a breach, once recorded ({@link #warnedAt()}, {@link #breachedAt()}), stay
 * recorded for the clock's cycle, even if a recomputation or the goal reached later says
 * otherwise. A clock stopped after its deadline records its breach then. The clock is a value:
 * every change returns a new clock or throws, changing nothing.
 *
 * @param kind which clock
 * @param target the working time allowed; see {@link TicketClockTargets}
 * @param warningShare the share of the target at which the clock warns, in (0, 1]
 * @param transitions the log, oldest first, in time order
 * @param deadline when the running stretches reach the target, as last computed (for a stopped
 *     clock, the one in force when it stopped); null while the log does not determine it (not
 *     started, or paused or cancelled before reaching it)
 * @param warningAt when the running stretches reach the warning share, as last computed; null
 *     while the log does not determine it
 * @param warnedAt the warning instant recorded when the warning was raised; null before
 * @param breachedAt the deadline recorded when the breach was raised; null before
 */
public record TicketClock(TicketClockKind kind, Duration target, BigDecimal warningShare,
        List<ClockTransition> transitions, Instant deadline, Instant warningAt, Instant warnedAt, Instant breachedAt) {

    /**
     * Validates the clock's structure: the log follows the state machine in time order, a running
     * clock has a deadline and a warning instant, a clock never started has nothing else.
     *
     * @param kind which clock
     * @param target the working time allowed; see {@link TicketClockTargets}
     * @param warningShare the share of the target at which the clock warns, in (0, 1]
     * @param transitions the log, oldest first, in time order
     * @param deadline when the running stretches reach the target, as last computed (for a stopped clock, the one in force when it stopped); null while the log does not determine it (not started, or paused or cancelled before reaching it)
     * @param warningAt when the running stretches reach the warning share, as last computed; null while the log does not determine it
     * @param warnedAt the warning instant recorded when the warning was raised; null before
     * @param breachedAt the deadline recorded when the breach was raised; null before
     * @throws InvalidArgumentException naming the component that is null or invalid
     */
    public TicketClock {
        Require.nonNull(kind, "kind");
        TicketClockTargets.checkTarget(target, "target");
        warningShare = TicketClockPolicy.checkWarningShare(warningShare, "warningShare").stripTrailingZeros();
        transitions = Require.nonNullElements(transitions, "transitions");
        TicketClockState state = TicketClockState.NOT_STARTED;
        Instant last = null;
        for (int i = 0; i < transitions.size(); i++) {
            ClockTransition t = transitions.get(i);
            TicketClockState next = step(state, t.kind(), breachedAt != null);
            if (next == null) {
                throw new InvalidArgumentException("transitions", "entry " + i + ": a " + kind + " clock that is "
                        + state + " cannot " + t.kind());
            }
            if (last != null && t.at().isBefore(last)) {
                throw new InvalidArgumentException("transitions", "entry " + i + " at " + t.at()
                        + " lies before the previous entry at " + last);
            }
            state = next;
            last = t.at();
        }
        if (state == TicketClockState.NOT_STARTED) {
            Require.that(deadline == null && warningAt == null && warnedAt == null && breachedAt == null, "transitions",
                    "a clock that never started has no deadline, warning or breach");
        }
        if (state == TicketClockState.RUNNING) {
            Require.that(deadline != null, "deadline", "a running clock has a deadline");
            Require.that(warningAt != null, "warningAt", "a running clock has a warning instant");
        }
        if (!transitions.isEmpty()) {
            Instant started = transitions.get(0).at();
            Require.that(warnedAt == null || !warnedAt.isBefore(started), "warnedAt",
                    () -> "must not lie before the clock started at " + started + " but was " + warnedAt);
            Require.that(breachedAt == null || !breachedAt.isBefore(started), "breachedAt",
                    () -> "must not lie before the clock started at " + started + " but was " + breachedAt);
        }
    }

    /**
     * A clock that has not started.
     *
     * @param kind which clock
     * @param target the working time allowed
     * @param warningShare the share of the target at which it warns
     * @return the clock
     * @throws InvalidArgumentException as the constructor
     */
    public static TicketClock notStarted(TicketClockKind kind, Duration target, BigDecimal warningShare) {
        return new TicketClock(kind, target, warningShare, List.of(), null, null, null, null);
    }

    /**
     * Where the clock stands, read from the last transition (and, once stopped, from whether a
     * breach is recorded).
     *
     * @return the state
     */
    public TicketClockState state() {
        if (transitions.isEmpty()) {
            return TicketClockState.NOT_STARTED;
        }
        return switch (transitions.get(transitions.size() - 1).kind()) {
            case START, RESUME -> TicketClockState.RUNNING;
            case PAUSE -> TicketClockState.PAUSED;
            case STOP -> breachedAt != null ? TicketClockState.BREACHED : TicketClockState.MET;
            case CANCEL -> TicketClockState.CANCELLED;
        };
    }

    /**
     * The working time after which the clock warns: the warning share of the target, in whole
     * seconds rounded down.
     *
     * @return the warning amount
     */
    public Duration warningAmount() {
        long seconds = new BigDecimal(target.getSeconds()).multiply(warningShare).setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        return Duration.ofSeconds(seconds);
    }

    /**
     * The deadline, when the log determines it.
     *
     * @return the deadline, or empty
     */
    public Optional<Instant> deadlineIfAny() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Whether a breach is recorded in this cycle.
     *
     * @return true once a breach was recorded
     */
    public boolean isBreached() {
        return breachedAt != null;
    }

    /**
     * Starts counting.
     *
     * @param at when
     * @param calendar the business calendar in force
     * @return the running clock
     * @throws InvalidArgumentException when an argument is null or {@code at} lies before the last transition
     * @throws InvalidStateException when the clock has already started, or the calendar has no
     *     working time left to reach the target
     */
    public TicketClock start(Instant at, BusinessCalendar calendar) {
        return append(ClockTransition.Kind.START, at, calendar);
    }

    /**
     * Stops counting while the ticket waits for the customer.
     *
     * @param at when
     * @param calendar the business calendar in force
     * @return the paused clock
     * @throws InvalidArgumentException when an argument is null or {@code at} lies before the last transition
     * @throws InvalidStateException when the clock is not running
     */
    public TicketClock pause(Instant at, BusinessCalendar calendar) {
        return append(ClockTransition.Kind.PAUSE, at, calendar);
    }

    /**
     * Counts again after a pause; the deadline moves by the working time spent paused.
     *
     * @param at when
     * @param calendar the business calendar in force
     * @return the running clock
     * @throws InvalidArgumentException when an argument is null or {@code at} lies before the last transition
     * @throws InvalidStateException when the clock is not paused, or the calendar has no working
     *     time left to reach the target
     */
    public TicketClock resume(Instant at, BusinessCalendar calendar) {
        return append(ClockTransition.Kind.RESUME, at, calendar);
    }

    /**
     * Stops the clock because its goal was reached: it is met, or breached when a breach is
     * recorded or the deadline lies before {@code at} (the breach is then recorded at the deadline).
     *
     * @param at when
     * @param calendar the business calendar in force
     * @return the stopped clock
     * @throws InvalidArgumentException when an argument is null or {@code at} lies before the last transition
     * @throws InvalidStateException when the clock is not running
     */
    public TicketClock stop(Instant at, BusinessCalendar calendar) {
        return append(ClockTransition.Kind.STOP, at, calendar);
    }

    /**
     * Stops the clock because the ticket was cancelled; a recorded breach stays recorded.
     *
     * @param at when
     * @param calendar the business calendar in force
     * @return the cancelled clock
     * @throws InvalidArgumentException when an argument is null or {@code at} lies before the last transition
     * @throws InvalidStateException when the clock is neither running nor paused
     */
    public TicketClock cancel(Instant at, BusinessCalendar calendar) {
        return append(ClockTransition.Kind.CANCEL, at, calendar);
    }

    /**
     * Derives the deadline and the warning instant again from the log on a calendar, for example
     * after the holidays changed. Recorded warnings and breaches stay as they are.
     *
     * @param calendar the calendar
     * @return the clock with the derived deadline and warning instant
     * @throws InvalidArgumentException when {@code calendar} is null
     * @throws InvalidStateException when the calendar has no working time left to reach the target
     */
    public TicketClock recompute(BusinessCalendar calendar) {
        Require.nonNull(calendar, "calendar");
        return new TicketClock(kind, target, warningShare, transitions, reached(measured(transitions), target, calendar),
                reached(measured(transitions), warningAmount(), calendar), warnedAt, breachedAt);
    }

    /**
     * Whether a warning is due at {@code now}: the clock is running or paused, no warning is
     * recorded and the warning instant is not after {@code now}.
     *
     * @param now the instant
     * @return true when {@link #recordWarning(Instant)} would record one
     * @throws InvalidArgumentException when {@code now} is null
     */
    public boolean warningDue(Instant now) {
        Require.nonNull(now, "now");
        return counting() && warnedAt == null && warningAt != null && !warningAt.isAfter(now);
    }

    /**
     * Whether a breach is due at {@code now}: the clock is running or paused, no breach is
     * recorded and the deadline lies before {@code now}.
     *
     * @param now the instant
     * @return true when {@link #recordBreach(Instant)} would record one
     * @throws InvalidArgumentException when {@code now} is null
     */
    public boolean breachDue(Instant now) {
        Require.nonNull(now, "now");
        return counting() && breachedAt == null && deadline != null && deadline.isBefore(now);
    }

    /**
     * Records the warning at its warning instant.
     *
     * @param now the instant of the sweep
     * @return the clock with the warning recorded
     * @throws InvalidArgumentException when {@code now} is null
     * @throws InvalidStateException when no warning is due
     */
    public TicketClock recordWarning(Instant now) {
        if (!warningDue(now)) {
            throw new InvalidStateException("no warning of the " + kind + " clock is due at " + now + " (state "
                    + state() + ", warning at " + warningAt + ", warned at " + warnedAt + ")");
        }
        return new TicketClock(kind, target, warningShare, transitions, deadline, warningAt, warningAt, breachedAt);
    }

    /**
     * Records the breach at the deadline; it stays recorded for this cycle.
     *
     * @param now the instant of the sweep
     * @return the clock with the breach recorded
     * @throws InvalidArgumentException when {@code now} is null
     * @throws InvalidStateException when no breach is due
     */
    public TicketClock recordBreach(Instant now) {
        if (!breachDue(now)) {
            throw new InvalidStateException("no breach of the " + kind + " clock is due at " + now + " (state "
                    + state() + ", deadline " + deadline + ", breached at " + breachedAt + ")");
        }
        return new TicketClock(kind, target, warningShare, transitions, deadline, warningAt, warnedAt, deadline);
    }

    /**
     * The working time counted against the target up to an instant: the working time of the
     * running stretches before {@code at}. Time paused never counts.
     *
     * @param at the instant
     * @param calendar the calendar
     * @return the elapsed working time, zero before the start
     * @throws InvalidArgumentException when an argument is null
     */
    public Duration elapsed(Instant at, BusinessCalendar calendar) {
        return stretches(at, calendar, true);
    }

    /**
     * The working time spent paused up to an instant, credited to the clock.
     *
     * @param at the instant
     * @param calendar the calendar
     * @return the paused working time
     * @throws InvalidArgumentException when an argument is null
     */
    public Duration pausedTime(Instant at, BusinessCalendar calendar) {
        return stretches(at, calendar, false);
    }

    /**
     * The time of the last transition.
     *
     * @return its instant, or empty when the clock has not started
     */
    public Optional<Instant> lastTransitionAt() {
        return transitions.isEmpty() ? Optional.empty() : Optional.of(transitions.get(transitions.size() - 1).at());
    }

    private boolean counting() {
        TicketClockState s = state();
        return s == TicketClockState.RUNNING || s == TicketClockState.PAUSED;
    }

    private TicketClock append(ClockTransition.Kind what, Instant at, BusinessCalendar calendar) {
        Require.nonNull(at, "at");
        Require.nonNull(calendar, "calendar");
        TicketClockState now = state();
        if (step(now, what, breachedAt != null) == null) {
            throw new InvalidStateException("the " + kind + " clock is " + now + " and cannot " + what);
        }
        lastTransitionAt().ifPresent(last -> Require.that(!at.isBefore(last), "at",
                () -> "must not lie before the " + kind + " clock's last transition at " + last + " but was " + at));
        List<ClockTransition> log = new ArrayList<>(transitions);
        log.add(new ClockTransition(what, at));
        Instant newDeadline = reached(measured(log), target, calendar);
        Instant newWarning = reached(measured(log), warningAmount(), calendar);
        Instant breach = breachedAt;
        if (what == ClockTransition.Kind.STOP && breach == null && newDeadline != null && newDeadline.isBefore(at)) {
            breach = newDeadline;
        }
        return new TicketClock(kind, target, warningShare, log, newDeadline, newWarning, warnedAt, breach);
    }

    /** The next state after a transition, or null when the transition is not allowed. */
    private static TicketClockState step(TicketClockState state, ClockTransition.Kind what, boolean breached) {
        return switch (what) {
            case START -> state == TicketClockState.NOT_STARTED ? TicketClockState.RUNNING : null;
            case PAUSE -> state == TicketClockState.RUNNING ? TicketClockState.PAUSED : null;
            case RESUME -> state == TicketClockState.PAUSED ? TicketClockState.RUNNING : null;
            case STOP -> state == TicketClockState.RUNNING
                    ? (breached ? TicketClockState.BREACHED : TicketClockState.MET) : null;
            case CANCEL -> state == TicketClockState.RUNNING || state == TicketClockState.PAUSED
                    ? TicketClockState.CANCELLED : null;
        };
    }

    /**
     * The log the deadline and the warning instant are derived from: a stopped clock's log without
     * its stop, so that a clock stopped before its deadline keeps the deadline (and warning instant)
     * in force when it stopped, and one stopped after it the deadline it missed.
     */
    private static List<ClockTransition> measured(List<ClockTransition> log) {
        if (!log.isEmpty() && log.get(log.size() - 1).kind() == ClockTransition.Kind.STOP) {
            return log.subList(0, log.size() - 1);
        }
        return log;
    }

    /**
     * The instant at which the running stretches of a log add up to {@code amount}, or null when
     * the log does not reach it (paused or stopped before, or not started).
     */
    private static Instant reached(List<ClockTransition> log, Duration amount, BusinessCalendar calendar) {
        Duration counted = Duration.ZERO;
        Instant runningSince = null;
        for (ClockTransition t : log) {
            switch (t.kind()) {
                case START, RESUME -> runningSince = t.at();
                case PAUSE, STOP, CANCEL -> {
                    if (runningSince == null) {
                        continue;
                    }
                    Duration stretch = calendar.workingTimeBetween(runningSince, t.at());
                    if (counted.plus(stretch).compareTo(amount) >= 0) {
                        return calendar.plusWorkingTime(runningSince, amount.minus(counted));
                    }
                    counted = counted.plus(stretch);
                    runningSince = null;
                }
                default -> throw new IllegalStateException("unknown transition " + t.kind());
            }
        }
        return runningSince == null ? null : calendar.plusWorkingTime(runningSince, amount.minus(counted));
    }

    /** The working time of the running (or paused) stretches before {@code at}. */
    private Duration stretches(Instant at, BusinessCalendar calendar, boolean running) {
        Require.nonNull(at, "at");
        Require.nonNull(calendar, "calendar");
        Duration total = Duration.ZERO;
        Instant since = null;
        boolean inRunning = false;
        for (ClockTransition t : transitions) {
            if (!t.at().isBefore(at)) {
                break;
            }
            if (since != null && inRunning == running) {
                total = total.plus(calendar.workingTimeBetween(since, t.at()));
            }
            switch (t.kind()) {
                case START, RESUME -> {
                    since = t.at();
                    inRunning = true;
                }
                case PAUSE -> {
                    since = t.at();
                    inRunning = false;
                }
                case STOP, CANCEL -> since = null;
                default -> throw new IllegalStateException("unknown transition " + t.kind());
            }
        }
        if (since != null && inRunning == running) {
            total = total.plus(calendar.workingTimeBetween(since, at));
        }
        return total;
    }
}
