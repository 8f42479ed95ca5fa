package dev.keyline.runtime.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultClockAlertDue;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultStatistics;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketAccess;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.TicketClock;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.domain.workorder.TicketClockState;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.workorder.FaultTicketRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Fault tickets (故障处理) run through the runtime: report, diagnose, dispatch, repair, return,
 * reply and close, waiting for the customer and cancelling, each in one transaction through
 * {@link ServiceSteps}: load, check access, call the domain, save with the version check and write
 * the {@code fault-ticket.*} events to the outbox.
 *
 * <p><b>Access.</b> Who may make each move is decided by the kernel's roles, as
 * {@link FaultTicketAccess} lists them (the call centre reports, replies and closes; the network
 * centre diagnoses, dispatches, returns and cancels; the station repairs; the general managers may
 * do everything), checked before anything changes and again by the domain.
 *
 * <p><b>Clocks.</b> The service counts the clocks on the business calendar and targets it was
 * given. Every move keeps one outbox timer per clock and alert ({@link #clockTimers}); when one
 * falls due the relay hands it to the area's reaction ({@link FaultClockTimers}), which records the
 * warning or breach. The sweep {@link #recordDueAlerts()}, over the repository's queries
 * ({@link #dueWarnings(Instant)}, {@link #dueBreaches(Instant)}), is the fallback a host may run on
 * a schedule. After the calendar changes (new holidays), {@link #recomputeDeadlines} derives a
 * ticket's deadlines again from its clocks' logs. Immutable and thread-safe.
 */
public final class FaultTickets {

    /** A deadline after any real one: the queue reads every deadline before it. */
    private static final Instant QUEUE_HORIZON = Instant.parse("9999-01-01T00:00:00Z");

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final FaultTicketRepository tickets;
    private final TicketClockPolicy policy;
    private final BusinessCalendar calendar;
    private final ServicePriorityLookup priorities;

    private FaultTickets(Keyline keyline, TicketClockPolicy policy, BusinessCalendar calendar,
            ServicePriorityLookup priorities) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.tickets = keyline.storage().port(FaultTicketRepository.class);
        this.policy = policy;
        this.calendar = calendar;
        this.priorities = priorities;
    }

    /**
     * The fault-ticket service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the work-order area
     * @param policy the clock targets by priority and service class, and the warning share
     * @param calendar the business calendar the clocks count on
     * @return the service
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store fault tickets
     */
    public static FaultTickets on(Keyline keyline, TicketClockPolicy policy, BusinessCalendar calendar) {
        Require.nonNull(keyline, "keyline");
        Require.nonNull(policy, "policy");
        Require.nonNull(calendar, "calendar");
        return new FaultTickets(keyline, policy, calendar, ServicePriorityLookup.standard());
    }

    /**
     * This service counting on another calendar, for example next year's with new holidays. Open
     * tickets keep their stored deadlines until {@link #recomputeDeadlines(FaultTicketId)}.
     *
     * @param newCalendar the calendar in force
     * @return a new service
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code newCalendar} is null
     */
    public FaultTickets withCalendar(BusinessCalendar newCalendar) {
        return new FaultTickets(keyline, policy, Require.nonNull(newCalendar, "newCalendar"), priorities);
    }

    /**
     * This service giving each key account the service priority the lookup says: a ticket reported
     * for an account with a priority gets its clock targets multiplied by the priority's fault
     * factor ({@link ServicePriority#tighten(TicketClockPolicy)}), and {@link #queue(FaultStation)}
     * lists its tickets before those of lower priority. Without a lookup every account gets
     * {@link ServicePriority#STANDARD}. Tickets already reported keep their targets.
     *
     * @param newPriorities the lookup, answering from memory (it is asked inside transactions)
     * @return a new service
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code newPriorities} is null
     */
    public FaultTickets withPriorities(ServicePriorityLookup newPriorities) {
        return new FaultTickets(keyline, policy, calendar, Require.nonNull(newPriorities, "newPriorities"));
    }

    /**
     * A station's queue (工位队列): the tickets dispatched to it and not yet returned (DISPATCHED or
     * IN_REPAIR), those of the key account with the best service priority first (lowest rank;
     * standard service last), then by resolution deadline, then by id. Priorities are those of the
     * lookup now, so a new ranking reorders the queue at once.
     *
     * @param station the station
     * @return the tickets in queue order
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code station} is null
     */
    public List<FaultTicketSnapshot> queue(FaultStation station) {
        Require.nonNull(station, "station");
        return steps.query(() -> {
            List<FaultTicket> queued = new ArrayList<>();
            for (FaultTicketState state : List.of(FaultTicketState.DISPATCHED, FaultTicketState.IN_REPAIR)) {
                try (Stream<FaultTicket> s = tickets.byStateAndDeadline(state, TicketClockKind.RESOLUTION, QUEUE_HORIZON)) {
                    s.filter(t -> t.station().filter(station::equals).isPresent()).forEach(queued::add);
                }
            }
            queued.sort(Comparator.comparing((FaultTicket t) -> priorities.priorityOf(t.account()), ServicePriority.QUEUE_ORDER)
                    .thenComparing(t -> t.resolutionClock().deadlineIfAny().orElse(QUEUE_HORIZON))
                    .thenComparing(t -> t.id().value()));
            return queued.stream().map(FaultTicket::snapshot).toList();
        });
    }

    /**
     * The business calendar the clocks count on.
     *
     * @return the calendar
     */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * Records a fault and starts its clocks. Raises {@code fault-ticket.reported}.
     *
     * @param reporter who records it: the call centre or the network centre
     * @param id the ticket's id
     * @param account the key account whose service failed
     * @param product the product whose service failed
     * @param source who learnt of it first
     * @param priority its priority
     * @param serviceClass the service class of the customer's agreement, if any
     * @param description what was reported
     * @return the reported ticket
     * @throws dev.keyline.domain.common.NotAuthorisedException when the reporter may not report
     * @throws dev.keyline.domain.common.AlreadyExistsException when the id is taken
     */
    public FaultTicketSnapshot report(Actor reporter, FaultTicketId id, AccountId account, ProductCode product,
            FaultSource source, FaultPriority priority, Optional<FaultServiceClass> serviceClass, String description) {
        Require.nonNull(reporter, "reporter");
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(source, "source");
        Require.nonNull(priority, "priority");
        Require.nonNull(serviceClass, "serviceClass");
        Require.text(description, "description");
        return steps.create(tickets, ctx -> {
            FaultTicket ticket = FaultTicket.report(id, account, product, source, priority, serviceClass, description,
                    priorities.priorityOf(account).tighten(policy), reporter, calendar, ctx.now());
            scheduleClockTimers(ticket, ctx);
            return ticket;
        }, FaultTicket::snapshot);
    }

    /**
     * The network-management centre's diagnosis: REPORTED → DIAGNOSED. Raises {@code fault-ticket.transitioned}.
     *
     * @param actor who diagnosed it
     * @param id the ticket
     * @param note the diagnosis
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot diagnose(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, FaultTicketState.DIAGNOSED, note, (t, ctx) -> t.diagnose(actor, note, calendar, ctx.now()));
    }

    /**
     * The dispatch centre sends the fault to a station: DIAGNOSED → DISPATCHED.
     *
     * @param actor who dispatched it
     * @param id the ticket
     * @param station the station
     * @param note the instructions
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot dispatch(Actor actor, FaultTicketId id, FaultStation station, String note) {
        Require.nonNull(station, "station");
        return move(actor, id, FaultTicketState.DISPATCHED, note,
                (t, ctx) -> t.dispatch(actor, station, note, calendar, ctx.now()));
    }

    /**
     * The station starts the repair: DISPATCHED → IN_REPAIR.
     *
     * @param actor who started it
     * @param id the ticket
     * @param note what is done
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot startRepair(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, FaultTicketState.IN_REPAIR, note, (t, ctx) -> t.startRepair(actor, note, calendar, ctx.now()));
    }

    /**
     * The dispatch centre records and returns the repair with the fault's cause: IN_REPAIR → RETURNED.
     *
     * @param actor who recorded it
     * @param id the ticket
     * @param cause why the fault happened
     * @param note what was repaired
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot returnRepaired(Actor actor, FaultTicketId id, FaultCause cause, String note) {
        Require.nonNull(cause, "cause");
        return move(actor, id, FaultTicketState.RETURNED, note,
                (t, ctx) -> t.returnRepaired(actor, cause, note, calendar, ctx.now()));
    }

    /**
     * The call centre has answered the customer: RETURNED → REPLIED.
     *
     * @param actor who answered
     * @param id the ticket
     * @param note the answer
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot reply(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, FaultTicketState.REPLIED, note, (t, ctx) -> t.reply(actor, note, calendar, ctx.now()));
    }

    /**
     * Closes the ticket: REPLIED → CLOSED.
     *
     * @param actor who closed it
     * @param id the ticket
     * @param note why
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot close(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, FaultTicketState.CLOSED, note, (t, ctx) -> t.close(actor, note, calendar, ctx.now()));
    }

    /**
     * The ticket waits for the customer; its running clocks pause.
     *
     * @param actor who set it waiting
     * @param id the ticket
     * @param note what the customer must do
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot awaitCustomer(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, FaultTicketState.PENDING_CUSTOMER, note,
                (t, ctx) -> t.awaitCustomer(actor, note, calendar, ctx.now()));
    }

    /**
     * The customer has answered: the ticket returns to the state it left and its clocks resume.
     *
     * @param actor who resumed it
     * @param id the ticket
     * @param note what the customer did
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot resume(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, null, note, (t, ctx) -> t.resume(actor, note, calendar, ctx.now()));
    }

    /**
     * Cancels the ticket before the repair is returned.
     *
     * @param actor who cancelled it
     * @param id the ticket
     * @param note why
     * @return the ticket after the move
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot cancel(Actor actor, FaultTicketId id, String note) {
        return move(actor, id, FaultTicketState.CANCELLED, note, (t, ctx) -> t.cancel(actor, note, calendar, ctx.now()));
    }

    /**
     * A ticket as stored.
     *
     * @param id the ticket
     * @return its snapshot
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public FaultTicketSnapshot get(FaultTicketId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> tickets.get(id).snapshot());
    }

    /**
     * The tickets with a warning due at an instant.
     *
     * @param now the instant
     * @return their ids, in id order
     */
    public List<FaultTicketId> dueWarnings(Instant now) {
        Require.nonNull(now, "now");
        return steps.query(() -> tickets.warningsDue(now).stream().map(FaultTicket::id).toList());
    }

    /**
     * The tickets with a breach due at an instant.
     *
     * @param now the instant
     * @return their ids, in id order
     */
    public List<FaultTicketId> dueBreaches(Instant now) {
        Require.nonNull(now, "now");
        return steps.query(() -> tickets.breachesDue(now).stream().map(FaultTicket::id).toList());
    }

    /**
     * The sweep: records every warning and breach due now on the runtime's clock, one ticket per
     * transaction, raising {@code fault-ticket.clock-warned} and {@code fault-ticket.clock-breached}.
     * A ticket changed meanwhile is judged again when it is loaded, so nothing is recorded twice.
     *
     * @return how many tickets had something recorded
     */
    public int recordDueAlerts() {
        Instant now = keyline.clock().instant();
        TreeSet<String> due = new TreeSet<>();
        dueWarnings(now).forEach(id -> due.add(id.value()));
        dueBreaches(now).forEach(id -> due.add(id.value()));
        int recorded = 0;
        for (String id : due) {
            boolean any = steps.change(tickets, new FaultTicketId(id), (t, ctx) -> { }, (t, ctx) -> {
                boolean raised = !t.recordDueAlerts(now).isEmpty();
                scheduleClockTimers(t, ctx);
                return raised;
            });
            recorded += any ? 1 : 0;
        }
        return recorded;
    }

    /**
     * Derives a ticket's deadlines again from its clocks' logs on this service's calendar, raising
     * {@code fault-ticket.deadlines-recomputed} when one moved.
     *
     * @param id the ticket
     * @return true when a deadline or warning instant moved
     * @throws dev.keyline.domain.common.NotFoundException when there is no such ticket
     */
    public boolean recomputeDeadlines(FaultTicketId id) {
        Require.nonNull(id, "id");
        return steps.change(tickets, id, (t, ctx) -> { }, (t, ctx) -> {
            boolean moved = t.recomputeDeadlines(calendar, ctx.now());
            scheduleClockTimers(t, ctx);
            return moved;
        });
    }

    /**
     * The fault statistics of a period, reckoned in the calendar's time zone, read as a stream.
     *
     * @param period the period, usually a month
     * @return the statistics
     */
    public FaultStatistics statistics(Period period) {
        Require.nonNull(period, "period");
        return steps.query(() -> {
            try (Stream<FaultTicket> resolved = tickets.resolvedIn(period, calendar.zone())) {
                return FaultStatistics.of(period, calendar.zone(), resolved);
            }
        });
    }

    private FaultTicketSnapshot move(Actor actor, FaultTicketId id, FaultTicketState to, String note,
            BiConsumer<FaultTicket, CommandContext> command) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.text(note, "note");
        return steps.change(tickets, id, (t, ctx) -> {
            FaultTicketState target = to != null ? to
                    : t.state() == FaultTicketState.PENDING_CUSTOMER ? t.log().get(t.log().size() - 1).from() : null;
            if (target != null) {
                FaultTicketAccess.requireMayMove(actor, id, t.state(), target);
            }
        }, (t, ctx) -> {
            command.accept(t, ctx);
            scheduleClockTimers(t, ctx);
        }, FaultTicket::snapshot);
    }

    /**
     * Keeps the clocks' outbox timers in step with the ticket, in the command's transaction: each of
     * {@link #clockTimers(FaultTicket)} with a due time is scheduled under its key, carrying a
     * {@link FaultClockAlertDue} that occurs at that time (replacing the key's pending timer, so a
     * pause, resume or recomputation moves it), and each without one is cancelled. The area's
     * reaction ({@link FaultClockTimers}) takes the due events.
     *
     * @param ticket the ticket after the command
     * @param ctx the command's context
     */
    static void scheduleClockTimers(FaultTicket ticket, CommandContext ctx) {
        for (ClockTimer timer : clockTimers(ticket)) {
            if (timer.dueAt() == null) {
                ctx.clearTimer(timer.key());
            } else {
                ctx.setTimer(timer.key(), new FaultClockAlertDue(EventId.random(), timer.dueAt(), ticket.id(),
                        ticket.account(), timer.clock(), timer.alert()));
            }
        }
    }

    /**
     * The timers a fault ticket needs: for each clock, one keyed {@code fault-ticket.clock-warning/<id>/<clock>}
     * at its warning instant and one keyed {@code fault-ticket.clock-breach/<id>/<clock>} at the first millisecond after its
     * deadline (a breach counts once the deadline has passed), each while the clock counts, the
     * instant is known and the alert is not recorded. A paused clock whose instant is not reached
     * yet, a stopped or cancelled clock, and a recorded alert need none, so their keys are cancelled.
     *
     * @param ticket the ticket
     * @return the timers, response clock first, warning before breach
     */
    public static List<ClockTimer> clockTimers(FaultTicket ticket) {
        Require.nonNull(ticket, "ticket");
        List<ClockTimer> timers = new ArrayList<>();
        for (TicketClockKind kind : TicketClockKind.values()) {
            TicketClock clock = ticket.clock(kind);
            String key = "/" + ticket.id() + "/" + kind.name().toLowerCase(Locale.ROOT);
            boolean counting = clock.state() == TicketClockState.RUNNING || clock.state() == TicketClockState.PAUSED;
            timers.add(new ClockTimer("fault-ticket.clock-warning" + key, kind, FaultClockAlertDue.Alert.WARNING,
                    counting && clock.warnedAt() == null ? clock.warningAt() : null));
            timers.add(new ClockTimer("fault-ticket.clock-breach" + key, kind, FaultClockAlertDue.Alert.BREACH,
                    counting && clock.breachedAt() == null && clock.deadline() != null
                            ? clock.deadline().plusMillis(1) : null));
        }
        return List.copyOf(timers);
    }

    /**
     * One timer of a fault ticket's clock.
     *
     * @param key the timer's key, one pending timer per key
     * @param clock the clock
     * @param alert which of its alerts
     * @param dueAt when it is due, or null when the key's timer is to be cancelled
     */
    public record ClockTimer(String key, TicketClockKind clock, FaultClockAlertDue.Alert alert, Instant dueAt) {

        /**
         * Validates the timer.
         *
         * @param key the timer's key, one pending timer per key
         * @param clock the clock
         * @param alert which of its alerts
         * @param dueAt when it is due, or null when the key's timer is to be cancelled
         * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code key} when it is
         *     blank, or the clock or alert when null
         */
        public ClockTimer {
            Require.nonBlank(key, "key");
            Require.nonNull(clock, "clock");
            Require.nonNull(alert, "alert");
        }
    }
}
