package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One fault (故障) of a key account's service, from report to closing, after the seed's flow:
 * reported by the call centre or detected by the network, diagnosed by the network-management
 * centre, dispatched by the dispatch centre to a station, repaired there, returned by the dispatch
 * centre with its cause, answered to the customer by the call centre, closed (see
 * {@link FaultTicketState}). While waiting for the customer it is pending and returns to the state
 * it left; before the return it may be cancelled.
 *
 * <p>The rules:
 * <ul>
 *   <li>Every move is appended to the transition log (who, when, from, to, note; the station on a
 *       dispatch, the cause on a return), in time order; replaying the log gives the state, the
 *       station and the cause ({@link #stateAfter(List)}).</li>
 *   <li>A move the flow does not allow is refused with {@link FaultTransitionRefusedException}; a
 *       move by an actor without the role for it with
 *       {@link dev.keyline.domain.common.NotAuthorisedException} ({@link FaultTicketAccess}). A
 *       refused command changes nothing.</li>
 *   <li>Two clocks ({@link TicketClock}) count working time on the business calendar from the
 *       report: the response clock until the diagnosis, the resolution clock until the return.
 *       Waiting for the customer pauses both, resuming resumes them, cancelling cancels them. Their
 *       targets come from the host's {@link TicketClockPolicy} when the ticket is reported and stay
 *       with it.</li>
 *   <li>Warnings and breaches are recorded by {@link #recordDueAlerts(Instant)} (a sweep) or, for a
 *       clock stopped after its deadline, by the stop; they stay recorded.</li>
 *   <li>{@link #recomputeDeadlines(BusinessCalendar, Instant)} derives the deadlines again from the
 *       clocks' logs on a changed calendar.</li>
 * </ul>
 *
 * <p>Events: {@link FaultReported} ({@value FaultReported#TYPE}), {@link FaultTransitioned}
 * ({@value FaultTransitioned#TYPE}), {@link FaultClockWarned} ({@value FaultClockWarned#TYPE}),
 * {@link FaultClockBreached} ({@value FaultClockBreached#TYPE}) and
 * {@link FaultDeadlinesRecomputed} ({@value FaultDeadlinesRecomputed#TYPE}).
 */
public final class FaultTicket extends AggregateRoot<FaultTicketId> {

    private final AccountId account;
    private final ProductCode product;
    private final FaultSource source;
    private final FaultPriority priority;
    private final FaultServiceClass serviceClass;
    private final List<FaultTransition> log = new ArrayList<>();
    private FaultTicketState state = FaultTicketState.REPORTED;
    private FaultStation station;
    private FaultCause cause;
    private TicketClock response;
    private TicketClock resolution;

    private FaultTicket(FaultTicketId id, long version, AccountId account, ProductCode product, FaultSource source,
            FaultPriority priority, FaultServiceClass serviceClass, FaultTransition report, TicketClock response,
            TicketClock resolution) {
        super(id, version);
        this.account = account;
        this.product = product;
        this.source = source;
        this.priority = priority;
        this.serviceClass = serviceClass;
        this.log.add(report);
        this.response = response;
        this.resolution = resolution;
    }

    /**
     * Records a fault and starts both clocks; records {@link FaultReported}.
     *
     * @param id the ticket's id
     * @param account the key account whose service failed
     * @param product the product whose service failed
     * @param source who learnt of it first
     * @param priority its priority
     * @param serviceClass the service class of the customer's agreement, if any
     * @param description what was reported; not blank, at most {@link Require#MAX_TEXT_LENGTH} characters
     * @param policy the host's clock targets
     * @param reporter who records it
     * @param calendar the business calendar the clocks count on
     * @param at when
     * @return the reported ticket (version 0, never saved)
     * @throws InvalidArgumentException naming the argument when one is null or blank
     * @throws dev.keyline.domain.common.NotAuthorisedException when the reporter may not report a fault
     * @throws dev.keyline.domain.common.InvalidStateException when the calendar has no working time
     *     left to reach the targets
     */
    public static FaultTicket report(FaultTicketId id, AccountId account, ProductCode product, FaultSource source,
            FaultPriority priority, Optional<FaultServiceClass> serviceClass, String description,
            TicketClockPolicy policy, Actor reporter, BusinessCalendar calendar, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(source, "source");
        Require.nonNull(priority, "priority");
        Require.nonNull(serviceClass, "serviceClass");
        Require.text(description, "description");
        Require.nonNull(policy, "policy");
        Require.nonNull(reporter, "reporter");
        Require.nonNull(calendar, "calendar");
        Require.nonNull(at, "at");
        FaultTicketAccess.requireMayMove(reporter, id, null, FaultTicketState.REPORTED);
        TicketClockTargets targets = policy.targetsFor(priority, serviceClass);
        TicketClock response = TicketClock.notStarted(TicketClockKind.RESPONSE, targets.response(), policy.warningShare())
                .start(at, calendar);
        TicketClock resolution = TicketClock.notStarted(TicketClockKind.RESOLUTION, targets.resolution(),
                policy.warningShare()).start(at, calendar);
        FaultTransition report = new FaultTransition(reporter.user(), at, null, FaultTicketState.REPORTED, description,
                null, null);
        FaultTicket ticket = new FaultTicket(id, 0, account, product, source, priority, serviceClass.orElse(null), report,
                response, resolution);
        ticket.record(new FaultReported(EventId.random(), at, id, account, product, source, priority,
                serviceClass.orElse(null), description, reporter.user(), response.deadline(), resolution.deadline()));
        return ticket;
    }

    /**
     * The network-management centre has judged the fault: REPORTED → DIAGNOSED; the response clock stops.
     *
     * @param actor who diagnosed it
     * @param note the diagnosis
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not REPORTED
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor may not diagnose
     */
    public FaultTransition diagnose(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        return move(actor, FaultTicketState.DIAGNOSED, note, null, null, calendar, at);
    }

    /**
     * The dispatch centre sends the fault to a station: DIAGNOSED → DISPATCHED.
     *
     * @param actor who dispatched it
     * @param station the station that repairs it
     * @param note the instructions
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not DIAGNOSED
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor may not dispatch
     */
    public FaultTransition dispatch(Actor actor, FaultStation station, String note, BusinessCalendar calendar,
            Instant at) {
        Require.nonNull(station, "station");
        return move(actor, FaultTicketState.DISPATCHED, note, station, null, calendar, at);
    }

    /**
     * The station starts the repair: DISPATCHED → IN_REPAIR.
     *
     * @param actor who started it
     * @param note what is done
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not DISPATCHED
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor is not at a station
     */
    public FaultTransition startRepair(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        return move(actor, FaultTicketState.IN_REPAIR, note, null, null, calendar, at);
    }

    /**
     * The dispatch centre records the repair and returns the ticket, with the fault's cause:
     * IN_REPAIR → RETURNED; the resolution clock stops (breached when after its deadline).
     *
     * @param actor who recorded it
     * @param cause why the fault happened
     * @param note what was repaired
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not IN_REPAIR
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor may not return it
     */
    public FaultTransition returnRepaired(Actor actor, FaultCause cause, String note, BusinessCalendar calendar,
            Instant at) {
        Require.nonNull(cause, "cause");
        return move(actor, FaultTicketState.RETURNED, note, null, cause, calendar, at);
    }

    /**
     * The call centre has answered the customer: RETURNED → REPLIED.
     *
     * @param actor who answered
     * @param note the answer
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not RETURNED
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor may not reply
     */
    public FaultTransition reply(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        return move(actor, FaultTicketState.REPLIED, note, null, null, calendar, at);
    }

    /**
     * Closes the ticket: REPLIED → CLOSED.
     *
     * @param actor who closed it
     * @param note why
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not REPLIED
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor may not close it
     */
    public FaultTransition close(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        return move(actor, FaultTicketState.CLOSED, note, null, null, calendar, at);
    }

    /**
     * The ticket waits for the customer: REPORTED, DIAGNOSED, DISPATCHED or IN_REPAIR →
     * PENDING_CUSTOMER; the running clocks pause.
     *
     * @param actor who set it waiting
     * @param note what the customer must do
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is in another state
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor does not handle tickets
     */
    public FaultTransition awaitCustomer(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        return move(actor, FaultTicketState.PENDING_CUSTOMER, note, null, null, calendar, at);
    }

    /**
     * The customer has answered: PENDING_CUSTOMER → the state the ticket left; the paused clocks
     * resume and their deadlines move by the working time spent paused.
     *
     * @param actor who resumed it
     * @param note what the customer did
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is not PENDING_CUSTOMER
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor does not handle tickets
     */
    public FaultTransition resume(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        FaultTicketState back = state == FaultTicketState.PENDING_CUSTOMER ? resumeTarget() : FaultTicketState.REPORTED;
        return move(actor, back, note, null, null, calendar, at);
    }

    /**
     * Cancels the ticket before the repair is returned: an open state → CANCELLED; the clocks are
     * cancelled, recorded breaches stay.
     *
     * @param actor who cancelled it
     * @param note why
     * @param calendar the business calendar in force
     * @param at when
     * @return the log entry
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last entry of the log
     * @throws FaultTransitionRefusedException when the ticket is no longer open
     * @throws dev.keyline.domain.common.NotAuthorisedException when the actor may not cancel it
     */
    public FaultTransition cancel(Actor actor, String note, BusinessCalendar calendar, Instant at) {
        return move(actor, FaultTicketState.CANCELLED, note, null, null, calendar, at);
    }

    /**
     * Records every warning and breach due at {@code now} (see {@link TicketClock#warningDue} and
     * {@link TicketClock#breachDue}), raising {@link FaultClockWarned} and {@link FaultClockBreached}.
     * Does nothing when none is due.
     *
     * @param now the instant of the sweep
     * @return the events raised, in order; empty when nothing was due
     * @throws InvalidArgumentException when {@code now} is null
     */
    public List<FaultTicketEvent> recordDueAlerts(Instant now) {
        Require.nonNull(now, "now");
        List<FaultTicketEvent> raised = new ArrayList<>();
        for (TicketClockKind kind : TicketClockKind.values()) {
            TicketClock clock = clock(kind);
            if (clock.warningDue(now)) {
                clock = clock.recordWarning(now);
                raised.add(new FaultClockWarned(EventId.random(), clock.warnedAt(), id(), account, kind, clock.target(),
                        clock.deadline(), station));
            }
            if (clock.breachDue(now)) {
                clock = clock.recordBreach(now);
                raised.add(new FaultClockBreached(EventId.random(), clock.breachedAt(), id(), account, kind,
                        clock.target(), station));
            }
            setClock(kind, clock);
        }
        raised.forEach(this::record);
        return List.copyOf(raised);
    }

    /**
     * Whether {@link #recordDueAlerts(Instant)} would record anything at {@code now}.
     *
     * @param now the instant
     * @return true when a warning or breach of either clock is due
     * @throws InvalidArgumentException when {@code now} is null
     */
    public boolean hasAlertsDue(Instant now) {
        Require.nonNull(now, "now");
        return response.warningDue(now) || response.breachDue(now) || resolution.warningDue(now)
                || resolution.breachDue(now);
    }

    /**
     * Derives both clocks' deadlines and warning instants again from their logs on a calendar;
     * records {@link FaultDeadlinesRecomputed} when any of them moved. With the calendar the
     * clocks were computed with, nothing moves.
     *
     * @param calendar the calendar now in force
     * @param at when
     * @return true when a deadline or warning instant moved
     * @throws InvalidArgumentException when an argument is null
     * @throws dev.keyline.domain.common.InvalidStateException when the calendar has no working time
     *     left to reach a target; nothing changes then
     */
    public boolean recomputeDeadlines(BusinessCalendar calendar, Instant at) {
        Require.nonNull(calendar, "calendar");
        Require.nonNull(at, "at");
        TicketClock newResponse = response.recompute(calendar);
        TicketClock newResolution = resolution.recompute(calendar);
        if (newResponse.equals(response) && newResolution.equals(resolution)) {
            return false;
        }
        response = newResponse;
        resolution = newResolution;
        record(new FaultDeadlinesRecomputed(EventId.random(), at, id(), account, response.deadline(),
                resolution.deadline()));
        return true;
    }

    /**
     * Whether the flow allows a move from this ticket's state to another (query form for user
     * interfaces; who may make it is {@link FaultTicketAccess}).
     *
     * @param to the state to move to
     * @return true when the move is allowed
     * @throws InvalidArgumentException when {@code to} is null
     */
    public boolean canMoveTo(FaultTicketState to) {
        Require.nonNull(to, "to");
        return allowed(state, to, state == FaultTicketState.PENDING_CUSTOMER ? resumeTarget() : null);
    }

    /**
     * Replays a transition log: checks that it starts with a report and that every later entry is a
     * move the flow allows from the state before, in time order, and returns the state it leads to.
     *
     * @param log the log, oldest first
     * @return the state after the last entry
     * @throws InvalidArgumentException naming {@code log} when it is null, empty, holds null or is not
     *     a valid sequence of moves
     */
    public static FaultTicketState stateAfter(List<FaultTransition> log) {
        List<FaultTransition> entries = Require.nonNullElements(log, "log");
        Require.that(!entries.isEmpty(), "log", "must start with the report but is empty");
        Require.that(entries.get(0).isReport(), "log", () -> "must start with the report but starts with a move from "
                + entries.get(0).from());
        FaultTicketState current = FaultTicketState.REPORTED;
        FaultTicketState beforePending = null;
        Instant last = entries.get(0).at();
        for (int i = 1; i < entries.size(); i++) {
            FaultTransition t = entries.get(i);
            if (t.from() != current) {
                throw new InvalidArgumentException("log", "entry " + i + " moves from " + t.from()
                        + " but the ticket is " + current);
            }
            if (!allowed(current, t.to(), beforePending)) {
                throw new InvalidArgumentException("log", "entry " + i + " moves from " + current + " to " + t.to()
                        + ", which the flow does not allow");
            }
            if (t.at().isBefore(last)) {
                throw new InvalidArgumentException("log", "entry " + i + " at " + t.at()
                        + " lies before the previous entry at " + last);
            }
            beforePending = t.to() == FaultTicketState.PENDING_CUSTOMER ? current : null;
            current = t.to();
            last = t.at();
        }
        return current;
    }

    /**
     * The account.
     *
     * @return the key account whose service failed
     */
    public AccountId account() {
        return account;
    }

    /**
     * The product.
     *
     * @return the product whose service failed
     */
    public ProductCode product() {
        return product;
    }

    /**
     * The source.
     *
     * @return who learnt of the fault first
     */
    public FaultSource source() {
        return source;
    }

    /**
     * The priority.
     *
     * @return the ticket's priority
     */
    public FaultPriority priority() {
        return priority;
    }

    /**
     * The service class of the customer's agreement.
     *
     * @return the class, or empty when the ticket has none
     */
    public Optional<FaultServiceClass> serviceClass() {
        return Optional.ofNullable(serviceClass);
    }

    /**
     * What was reported.
     *
     * @return the report's note
     */
    public String description() {
        return log.get(0).note();
    }

    /**
     * When it was reported.
     *
     * @return the report's time
     */
    public Instant reportedAt() {
        return log.get(0).at();
    }

    /**
     * Who reported it.
     *
     * @return the reporter
     */
    public UserId reportedBy() {
        return log.get(0).actedBy();
    }

    /**
     * Where the ticket stands.
     *
     * @return the state
     */
    public FaultTicketState state() {
        return state;
    }

    /**
     * The station the ticket was dispatched to.
     *
     * @return the station, or empty before a dispatch
     */
    public Optional<FaultStation> station() {
        return Optional.ofNullable(station);
    }

    /**
     * The fault's cause, recorded on return.
     *
     * @return the cause, or empty before the return
     */
    public Optional<FaultCause> cause() {
        return Optional.ofNullable(cause);
    }

    /**
     * When the repair was returned, which is when the fault counts as resolved.
     *
     * @return the time of the move to RETURNED, or empty before it
     */
    public Optional<Instant> resolvedAt() {
        return log.stream().filter(t -> t.to() == FaultTicketState.RETURNED).map(FaultTransition::at).findFirst();
    }

    /**
     * The transition log.
     *
     * @return every entry, oldest first, starting with the report
     */
    public List<FaultTransition> log() {
        return List.copyOf(log);
    }

    /**
     * One of the two clocks.
     *
     * @param kind which
     * @return the clock
     * @throws InvalidArgumentException when {@code kind} is null
     */
    public TicketClock clock(TicketClockKind kind) {
        return Require.nonNull(kind, "kind") == TicketClockKind.RESPONSE ? response : resolution;
    }

    /**
     * The response clock.
     *
     * @return the clock
     */
    public TicketClock responseClock() {
        return response;
    }

    /**
     * The resolution clock.
     *
     * @return the clock
     */
    public TicketClock resolutionClock() {
        return resolution;
    }

    /**
     * The stored form of this ticket.
     *
     * @return an immutable snapshot
     */
    public FaultTicketSnapshot snapshot() {
        return new FaultTicketSnapshot(id(), version(), account, product, source, priority, serviceClass, state,
                station, cause, log, response, resolution);
    }

    /**
     * Rebuilds a ticket from its stored form, checking it again: every field is present, the log
     * replays ({@link #stateAfter(List)}) to the stored state, station and cause, and each clock's
     * log is the one the ticket's log implies (started at the report, paused and resumed with the
     * customer, stopped at the diagnosis or the return, cancelled with the ticket).
     *
     * @param snapshot the stored form
     * @return the ticket
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when any check fails
     */
    public static FaultTicket restore(FaultTicketSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        corruptIf(snapshot.id() == null, "fault ticket: id is missing");
        String name = "fault ticket " + snapshot.id();
        corruptIf(snapshot.version() < 0, () -> name + ": version is negative: " + snapshot.version());
        corruptIf(snapshot.account() == null, () -> name + ": account is missing");
        corruptIf(snapshot.product() == null, () -> name + ": product is missing");
        corruptIf(snapshot.source() == null, () -> name + ": source is missing");
        corruptIf(snapshot.priority() == null, () -> name + ": priority is missing");
        corruptIf(snapshot.state() == null, () -> name + ": state is missing");
        corruptIf(snapshot.log() == null, () -> name + ": log is missing");
        corruptIf(snapshot.response() == null, () -> name + ": response clock is missing");
        corruptIf(snapshot.resolution() == null, () -> name + ": resolution clock is missing");
        corruptIf(snapshot.response().kind() != TicketClockKind.RESPONSE, () -> name + ": the response clock is a "
                + snapshot.response().kind() + " clock");
        corruptIf(snapshot.resolution().kind() != TicketClockKind.RESOLUTION, () -> name + ": the resolution clock is a "
                + snapshot.resolution().kind() + " clock");
        FaultTicketState replayed;
        try {
            replayed = stateAfter(snapshot.log());
            new TicketClockTargets(snapshot.response().target(), snapshot.resolution().target());
        } catch (KeylineException e) {
            throw new CorruptStateException(name + ": " + e.getMessage(), e);
        }
        corruptIf(replayed != snapshot.state(), () -> name + ": state is " + snapshot.state() + " but its log leads to "
                + replayed);
        FaultTicket ticket = new FaultTicket(snapshot.id(), snapshot.version(), snapshot.account(), snapshot.product(),
                snapshot.source(), snapshot.priority(), snapshot.serviceClass(), snapshot.log().get(0),
                snapshot.response(), snapshot.resolution());
        for (FaultTransition t : snapshot.log().subList(1, snapshot.log().size())) {
            ticket.log.add(t);
            ticket.state = t.to();
            if (t.station() != null) {
                ticket.station = t.station();
            }
            if (t.cause() != null) {
                ticket.cause = t.cause();
            }
        }
        corruptIf(!Objects.equals(ticket.station, snapshot.station()), () -> name + ": station is " + snapshot.station()
                + " but its log leads to " + ticket.station);
        corruptIf(!Objects.equals(ticket.cause, snapshot.cause()), () -> name + ": cause is " + snapshot.cause()
                + " but its log leads to " + ticket.cause);
        for (TicketClockKind kind : TicketClockKind.values()) {
            List<ClockTransition> implied = impliedClockLog(kind, snapshot.log());
            corruptIf(!implied.equals(ticket.clock(kind).transitions()), () -> name + ": the " + kind + " clock's log "
                    + ticket.clock(kind).transitions() + " is not the one the ticket's log implies: " + implied);
        }
        return ticket;
    }

    /** Checks a move against the flow, the access rules and the time order, then applies it; throws before changing anything. */
    private FaultTransition move(Actor actor, FaultTicketState to, String note, FaultStation newStation,
            FaultCause newCause, BusinessCalendar calendar, Instant at) {
        Require.nonNull(actor, "actor");
        Require.text(note, "note");
        Require.nonNull(calendar, "calendar");
        Require.nonNull(at, "at");
        FaultTicketState resumeTo = state == FaultTicketState.PENDING_CUSTOMER ? resumeTarget() : null;
        if (!allowed(state, to, resumeTo)) {
            throw new FaultTransitionRefusedException(id(), state, to, allowedMoves(resumeTo));
        }
        FaultTicketAccess.requireMayMove(actor, id(), state, to);
        Instant last = log.get(log.size() - 1).at();
        Require.that(!at.isBefore(last), "at", () -> "must not lie before the last move of fault ticket " + id() + " at "
                + last + " but was " + at);
        FaultTransition entry = new FaultTransition(actor.user(), at, state, to, note, newStation, newCause);
        TicketClock newResponse = clockAfter(response, entry, calendar);
        TicketClock newResolution = clockAfter(resolution, entry, calendar);
        boolean responseBreachedNow = !response.isBreached() && newResponse.isBreached();
        boolean resolutionBreachedNow = !resolution.isBreached() && newResolution.isBreached();
        log.add(entry);
        state = to;
        if (newStation != null) {
            station = newStation;
        }
        if (newCause != null) {
            cause = newCause;
        }
        response = newResponse;
        resolution = newResolution;
        record(new FaultTransitioned(EventId.random(), at, id(), account, product, entry.from(), to, actor.user(), note,
                newStation, newCause));
        if (responseBreachedNow) {
            record(new FaultClockBreached(EventId.random(), response.breachedAt(), id(), account,
                    TicketClockKind.RESPONSE, response.target(), station));
        }
        if (resolutionBreachedNow) {
            record(new FaultClockBreached(EventId.random(), resolution.breachedAt(), id(), account,
                    TicketClockKind.RESOLUTION, resolution.target(), station));
        }
        return entry;
    }

    /** The clock after a move of the ticket, on a calendar. */
    private static TicketClock clockAfter(TicketClock clock, FaultTransition move, BusinessCalendar calendar) {
        ClockTransition.Kind effect = clockEffect(clock.kind(), clock.state(), move.from(), move.to());
        if (effect == null) {
            return clock;
        }
        return switch (effect) {
            case START -> clock.start(move.at(), calendar);
            case PAUSE -> clock.pause(move.at(), calendar);
            case RESUME -> clock.resume(move.at(), calendar);
            case STOP -> clock.stop(move.at(), calendar);
            case CANCEL -> clock.cancel(move.at(), calendar);
        };
    }

    /**
     * What a move of the ticket does to a clock in a given state: the report starts both; waiting
     * for the customer pauses a running clock and resuming resumes a paused one; the diagnosis stops
     * the response clock and the return the resolution clock; cancelling cancels a running or
     * paused clock. Null when the move leaves the clock alone.
     */
    private static ClockTransition.Kind clockEffect(TicketClockKind kind, TicketClockState clockState,
            FaultTicketState from, FaultTicketState to) {
        if (from == null) {
            return ClockTransition.Kind.START;
        }
        boolean counting = clockState == TicketClockState.RUNNING || clockState == TicketClockState.PAUSED;
        if (to == FaultTicketState.CANCELLED) {
            return counting ? ClockTransition.Kind.CANCEL : null;
        }
        if (to == FaultTicketState.PENDING_CUSTOMER) {
            return clockState == TicketClockState.RUNNING ? ClockTransition.Kind.PAUSE : null;
        }
        if (from == FaultTicketState.PENDING_CUSTOMER) {
            return clockState == TicketClockState.PAUSED ? ClockTransition.Kind.RESUME : null;
        }
        boolean goal = kind == TicketClockKind.RESPONSE ? to == FaultTicketState.DIAGNOSED : to == FaultTicketState.RETURNED;
        return goal && clockState == TicketClockState.RUNNING ? ClockTransition.Kind.STOP : null;
    }

    /** The clock log a ticket's log implies for one clock, with the clock states simulated. */
    private static List<ClockTransition> impliedClockLog(TicketClockKind kind, List<FaultTransition> ticketLog) {
        List<ClockTransition> implied = new ArrayList<>();
        TicketClockState simulated = TicketClockState.NOT_STARTED;
        for (FaultTransition t : ticketLog) {
            ClockTransition.Kind effect = clockEffect(kind, simulated, t.from(), t.to());
            if (effect != null) {
                implied.add(new ClockTransition(effect, t.at()));
                simulated = switch (effect) {
                    case START, RESUME -> TicketClockState.RUNNING;
                    case PAUSE -> TicketClockState.PAUSED;
                    case STOP -> TicketClockState.MET;
                    case CANCEL -> TicketClockState.CANCELLED;
                };
            }
        }
        return implied;
    }

    /** Whether the flow allows a move; {@code resumeTo} is the state a pending ticket returns to. */
    private static boolean allowed(FaultTicketState from, FaultTicketState to, FaultTicketState resumeTo) {
        if (from.isFinal()) {
            return false;
        }
        if (from == FaultTicketState.PENDING_CUSTOMER) {
            return to == resumeTo || to == FaultTicketState.CANCELLED;
        }
        return to == from.nextInFlow()
                || to == FaultTicketState.PENDING_CUSTOMER && from.mayAwaitCustomer()
                || to == FaultTicketState.CANCELLED && from.isOpen();
    }

    private String allowedMoves(FaultTicketState resumeTo) {
        List<FaultTicketState> moves = new ArrayList<>();
        for (FaultTicketState s : FaultTicketState.values()) {
            if (allowed(state, s, resumeTo)) {
                moves.add(s);
            }
        }
        return moves.isEmpty() ? "it takes no further move" : "it may move to " + moves;
    }

    /** The state a pending ticket returns to: the one it left. */
    private FaultTicketState resumeTarget() {
        return log.get(log.size() - 1).from();
    }

    private void setClock(TicketClockKind kind, TicketClock clock) {
        if (kind == TicketClockKind.RESPONSE) {
            response = clock;
        } else {
            resolution = clock;
        }
    }

    private static void corruptIf(boolean violated, String message) {
        if (violated) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptIf(boolean, String)} with the message built only when the check fails. */
    private static void corruptIf(boolean violated, Supplier<String> message) {
        if (violated) {
            throw new CorruptStateException(message.get());
        }
    }
}
