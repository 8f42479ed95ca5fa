package dev.keyline.runtime.workorder;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.ProvisioningStageAlertDue;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.spi.workorder.ProvisioningStageDue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Provisioning orders (开通工单) run through the runtime: opening an order from its plan, the
 * stations' steps on its stages, hand-offs, the customer's acceptance, and the sweep that raises
 * due warnings and escalations. Every command follows {@link ServiceSteps}: load, check access,
 * call the domain ({@link ProvisioningOrder}), save with the version check and write the events, in
 * one transaction; a refused command changes nothing.
 *
 * <p><b>Who may do what.</b> The kernel's roles and the people the order names decide. The order's
 * account manager is the user its parties name holding {@link Role#ACCOUNT_MANAGER}; that user in
 * another role is not, for any command:
 * <ul>
 *   <li>open an order: an {@link Role#ACCOUNT_MANAGER} who is the order's account manager, or a
 *       {@link Role#DEPARTMENT_GENERAL_MANAGER} or {@link Role#GENERAL_MANAGER};</li>
 *   <li>start, hold, resume and complete a stage: the stage's executor or its station manager;</li>
 *   <li>hand a stage off: its station manager, or the order's account manager, who coordinates the
 *       order for the originating unit;</li>
 *   <li>record the customer's acceptance: the order's account manager, the customer's single
 *       interface, or a department general manager or general manager.</li>
 * </ul>
 * Anyone else is refused with {@link NotAuthorisedException}.
 *
 * <p><b>Warnings and escalations.</b> Every command keeps one outbox timer per running stage and
 * alert ({@link #stageTimers}): when it falls due the relay hands it to the area's reaction
 * ({@link StageAlertTimers}), which raises the alert. {@link #raiseDueAlerts()} is the fallback: it
 * reads the stages whose warning or due time has come ({@link ProvisioningOrderRepository#warningsDueBy},
 * {@link ProvisioningOrderRepository#overdueStages}) and raises them, one transaction per order; a
 * host may run it periodically, for example after an outage of its relay. Immutable and thread-safe.
 */
public final class ProvisioningOrders {

    /** A completion after any real one: the queue reads every open order due before it. */
    private static final Instant QUEUE_HORIZON = Instant.parse("9999-01-01T00:00:00Z");

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final ProvisioningOrderRepository orders;
    private final BusinessCalendar calendar;
    private final BigDecimal warningShare;
    private final ServicePriorityLookup priorities;

    private ProvisioningOrders(Keyline keyline, BusinessCalendar calendar, BigDecimal warningShare,
            ServicePriorityLookup priorities) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.orders = keyline.storage().port(ProvisioningOrderRepository.class);
        this.calendar = calendar;
        this.warningShare = warningShare;
        this.priorities = priorities;
    }

    /**
     * The service on a runtime, counting calendar days in the runtime's zone and warning at the
     * seed's 80 %.
     *
     * @param keyline the runtime; its storage provider must store the work-order area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store provisioning orders
     */
    public static ProvisioningOrders on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new ProvisioningOrders(keyline, BusinessCalendar.allDays(keyline.zone()), ProvisioningOrder.DEFAULT_WARNING_SHARE,
                ServicePriorityLookup.standard());
    }

    /**
     * The service on a runtime, counting working time on the given calendar and warning at the given share.
     *
     * @param keyline the runtime; its storage provider must store the work-order area
     * @param newCalendar the business calendar
     * @param newWarningShare the share of a stage's planned time after which it is warned, above 0 and at most 1
     * @return the service
     */
    public static ProvisioningOrders on(Keyline keyline, BusinessCalendar newCalendar, BigDecimal newWarningShare) {
        Require.nonNull(keyline, "keyline");
        Require.nonNull(newCalendar, "newCalendar");
        Require.nonNull(newWarningShare, "newWarningShare");
        Require.that(newWarningShare.signum() > 0 && newWarningShare.compareTo(BigDecimal.ONE) <= 0, "newWarningShare",
                () -> "must be above 0 and at most 1, was " + newWarningShare.toPlainString());
        return new ProvisioningOrders(keyline, newCalendar, newWarningShare, ServicePriorityLookup.standard());
    }

    /**
     * This service giving each key account the service priority the lookup says: an order opened
     * for an account with a priority has every planned stage duration multiplied by the priority's
     * provisioning factor ({@link ServicePriority#tighten(StagePlan)}), so its stage deadlines,
     * warnings and committed completion come sooner, and {@link #queue(WorkOrderStation)} lists its
     * orders before those of lower priority. Without a lookup every account gets
     * {@link ServicePriority#STANDARD}. Orders already open keep their plan.
     *
     * @param newPriorities the lookup, answering from memory (it is asked inside transactions)
     * @return a new service
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code newPriorities} is null
     */
    public ProvisioningOrders withPriorities(ServicePriorityLookup newPriorities) {
        return new ProvisioningOrders(keyline, calendar, warningShare, Require.nonNull(newPriorities, "newPriorities"));
    }

    /**
     * A station's queue (工位队列): the open orders (not accepted) with a stage assigned to the
     * station that is ready or started (held included), those of the key account with the best
     * service priority first (lowest rank; standard service last), then by committed completion, then
     * by id. Priorities are those of the lookup now, so a new ranking reorders the queue at once.
     *
     * @param station the station
     * @return the orders in queue order
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code station} is null
     */
    public List<ProvisioningOrderSnapshot> queue(WorkOrderStation station) {
        Require.nonNull(station, "station");
        return steps.query(() -> {
            List<ProvisioningOrder> queued;
            try (Stream<ProvisioningOrder> open = orders.openDueBy(QUEUE_HORIZON)) {
                queued = open.filter(o -> o.stages().stream().anyMatch(s -> s.assignment().station().equals(station)
                        && (s.state() == StageState.READY || s.state() == StageState.STARTED))).collect(Collectors.toList());
            }
            queued.sort(Comparator.comparing((ProvisioningOrder o) -> priorities.priorityOf(o.parties().account()),
                    ServicePriority.QUEUE_ORDER).thenComparing(ProvisioningOrder::committedCompletion)
                    .thenComparing(o -> o.id().value()));
            return queued.stream().map(ProvisioningOrder::snapshot).toList();
        });
    }

    /**
     * Opens an order from its plan, starting now; raises {@code workorder.provisioning-opened}.
     *
     * @param actor who opens it
     * @param id the order's id
     * @param parties the account, product, originating unit, account manager and IT support
     * @param plan the stages
     * @param assignments one per stage
     * @param slaLink the SLA order it was accepted under; empty when none
     * @return the opened order
     * @throws NotAuthorisedException when the actor may not open it
     * @throws dev.keyline.domain.common.AlreadyExistsException when the id is taken
     */
    public ProvisioningOrderSnapshot open(Actor actor, ProvisioningOrderId id, ProvisioningParties parties, StagePlan plan,
            List<StageAssignment> assignments, Optional<ProvisioningSlaLink> slaLink) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonNull(parties, "parties");
        Require.nonNull(plan, "plan");
        Require.nonNullElements(assignments, "assignments");
        Require.nonNull(slaLink, "slaLink");
        return steps.create(orders, ctx -> {
            if (!isAccountManager(actor, parties) && !isGeneralManager(actor)) {
                throw new NotAuthorisedException(actor + " may not open provisioning order " + id + ": only its account manager "
                        + parties.accountManager() + " or a department general manager or general manager may");
            }
            ProvisioningOrder order = ProvisioningOrder.open(id, parties, priorities.priorityOf(parties.account()).tighten(plan),
                    assignments, ctx.now(), calendar, warningShare, slaLink);
            scheduleStageTimers(order, ctx);
            return order;
        }, ProvisioningOrder::snapshot);
    }

    /**
     * The station starts a ready stage now; raises {@code workorder.stage-started}.
     *
     * @param actor the stage's executor or station manager
     * @param id the order
     * @param stage the stage
     * @return the order after the step
     * @throws NotAuthorisedException when the actor is neither
     */
    public ProvisioningOrderSnapshot start(Actor actor, ProvisioningOrderId id, StageId stage) {
        return onStage(actor, id, stage, "start", (order, ctx) -> order.start(stage, calendar, ctx.now()));
    }

    /**
     * Puts a started stage on hold now; raises {@code workorder.stage-held}.
     *
     * @param actor the stage's executor or station manager
     * @param id the order
     * @param stage the stage
     * @param reason why, not blank
     * @return the order after the step
     * @throws NotAuthorisedException when the actor is neither
     */
    public ProvisioningOrderSnapshot hold(Actor actor, ProvisioningOrderId id, StageId stage, String reason) {
        Require.text(reason, "reason");
        return onStage(actor, id, stage, "hold", (order, ctx) -> order.hold(stage, actor.user(), reason, ctx.now()));
    }

    /**
     * Resumes a held stage now, crediting the working time held; raises {@code workorder.stage-resumed}.
     *
     * @param actor the stage's executor or station manager
     * @param id the order
     * @param stage the stage
     * @return the order after the step
     * @throws NotAuthorisedException when the actor is neither
     */
    public ProvisioningOrderSnapshot resume(Actor actor, ProvisioningOrderId id, StageId stage) {
        return onStage(actor, id, stage, "resume", (order, ctx) -> order.resume(stage, actor.user(), calendar, ctx.now()));
    }

    /**
     * Marks a started stage done now; raises {@code workorder.stage-done}.
     *
     * @param actor the stage's executor or station manager
     * @param id the order
     * @param stage the stage
     * @return the order after the step
     * @throws NotAuthorisedException when the actor is neither
     */
    public ProvisioningOrderSnapshot complete(Actor actor, ProvisioningOrderId id, StageId stage) {
        return onStage(actor, id, stage, "complete", (order, ctx) -> order.complete(stage, ctx.now()));
    }

    /**
     * Hands a stage not done to another station and executor now; raises {@code workorder.stage-handed-off}.
     *
     * @param actor the stage's station manager or the order's account manager
     * @param id the order
     * @param to the stage's new assignment
     * @param note why, not blank
     * @return the order after the step
     * @throws NotAuthorisedException when the actor is neither
     */
    public ProvisioningOrderSnapshot handOff(Actor actor, ProvisioningOrderId id, StageAssignment to, String note) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonNull(to, "to");
        Require.text(note, "note");
        return steps.change(orders, id, (order, ctx) -> {
            StageAssignment now = order.stage(to.stage()).assignment();
            if (!actor.is(now.stationManager()) && !isAccountManager(actor, order.parties())) {
                throw new NotAuthorisedException(actor + " may not hand off stage " + to.stage() + " of provisioning order "
                        + id + ": only its station manager " + now.stationManager() + " or the account manager "
                        + order.parties().accountManager() + " may");
            }
        }, (order, ctx) -> {
            order.handOff(to, note, ctx.now());
            scheduleStageTimers(order, ctx);
        }, ProvisioningOrder::snapshot);
    }

    /**
     * Records the customer's acceptance now and closes the order; raises
     * {@code workorder.provisioning-accepted} with the four-level responsibility.
     *
     * @param actor the order's account manager, or a department general manager or general manager
     * @param id the order
     * @param acceptedBy who accepted for the customer, not blank
     * @return the closed order
     * @throws NotAuthorisedException when the actor may not record it
     */
    public ProvisioningOrderSnapshot accept(Actor actor, ProvisioningOrderId id, String acceptedBy) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.text(acceptedBy, "acceptedBy");
        return steps.change(orders, id, (order, ctx) -> {
            if (!isAccountManager(actor, order.parties()) && !isGeneralManager(actor)) {
                throw new NotAuthorisedException(actor + " may not record the acceptance of provisioning order " + id
                        + ": only its account manager " + order.parties().accountManager()
                        + " or a department general manager or general manager may");
            }
        }, (order, ctx) -> {
            order.accept(acceptedBy, ctx.now());
            scheduleStageTimers(order, ctx);
        }, ProvisioningOrder::snapshot);
    }

    /**
     * An order as stored.
     *
     * @param id the order
     * @return its snapshot
     * @throws dev.keyline.domain.common.NotFoundException when there is none
     */
    public ProvisioningOrderSnapshot find(ProvisioningOrderId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> orders.get(id).snapshot());
    }

    /**
     * Raises every warning and escalation due now: reads the orders with a stage whose warning or
     * due time has come and, one transaction per order, raises what is due
     * ({@code workorder.stage-warned}, {@code workorder.stage-escalated}).
     *
     * @return how many warnings and escalations were raised
     */
    public int raiseDueAlerts() {
        List<ProvisioningOrderId> due = keyline.execute(ctx -> {
            Set<ProvisioningOrderId> ids = new LinkedHashSet<>();
            for (ProvisioningStageDue d : orders.warningsDueBy(ctx.now())) {
                ids.add(d.order());
            }
            for (ProvisioningStageDue d : orders.overdueStages(ctx.now())) {
                ids.add(d.order());
            }
            return List.copyOf(ids);
        });
        int raised = 0;
        for (ProvisioningOrderId id : due) {
            raised += steps.change(orders, id, (order, ctx) -> { }, (order, ctx) -> {
                int count = order.raiseDueAlerts(ctx.now());
                scheduleStageTimers(order, ctx);
                return count;
            });
        }
        return raised;
    }

    /**
     * The timers a provisioning order needs: for every running stage, one keyed
     * {@code workorder.stage-warning/<order>/<stage>} at its warning time (until warned) and one keyed
     * {@code workorder.stage-escalation/<order>/<stage>} at its due time (until escalated). A held stage,
     * a stage not started or done, and an accepted order need none, so their keys are cancelled.
     *
     * @param order the order
     * @return the timers, in the plan's order of stages, warning before escalation
     */
    public static List<StageTimer> stageTimers(ProvisioningOrder order) {
        Require.nonNull(order, "order");
        List<StageTimer> timers = new ArrayList<>();
        for (StageProgress s : order.stages()) {
            String key = "/" + order.id() + "/" + s.stage();
            boolean running = s.state() == StageState.STARTED && order.acceptedAt().isEmpty();
            timers.add(new StageTimer("workorder.stage-warning" + key, s.stage(), ProvisioningStageAlertDue.Alert.WARNING,
                    running && !s.warned() ? s.warningAt() : null));
            timers.add(new StageTimer("workorder.stage-escalation" + key, s.stage(), ProvisioningStageAlertDue.Alert.ESCALATION,
                    running && !s.escalated() ? s.due() : null));
        }
        return List.copyOf(timers);
    }

    /**
     * One timer of a provisioning order's stage.
     *
     * @param key the timer's key, one pending timer per key
     * @param stage the stage
     * @param alert which of its alerts
     * @param dueAt when it is due, or null when the key's timer is to be cancelled
     */
    public record StageTimer(String key, StageId stage, ProvisioningStageAlertDue.Alert alert, Instant dueAt) {

        /**
         * Validates the timer.
         *
         * @param key the timer's key, one pending timer per key
         * @param stage the stage
         * @param alert which of its alerts
         * @param dueAt when it is due, or null when the key's timer is to be cancelled
         * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code key} when it is
         *     blank, or the stage or alert when null
         */
        public StageTimer {
            Require.nonBlank(key, "key");
            Require.nonNull(stage, "stage");
            Require.nonNull(alert, "alert");
        }
    }

    /**
     * Keeps the outbox's timers in step with the order, in the command's transaction: each of
     * {@link #stageTimers(ProvisioningOrder)} with a due time is scheduled under its key, carrying a
     * {@link ProvisioningStageAlertDue} that occurs at that time (replacing the key's pending timer,
     * so a hold, resume, hand-off or alert moves it), and each without one is cancelled. The area's
     * reaction ({@link StageAlertTimers}) takes the due events.
     *
     * @param order the order after the command
     * @param ctx the command's context
     */
    static void scheduleStageTimers(ProvisioningOrder order, CommandContext ctx) {
        for (StageTimer timer : stageTimers(order)) {
            if (timer.dueAt() == null) {
                ctx.clearTimer(timer.key());
            } else {
                ctx.setTimer(timer.key(), new ProvisioningStageAlertDue(EventId.random(), timer.dueAt(), order.id(),
                        order.parties().account(), timer.stage(), timer.alert()));
            }
        }
    }

    private ProvisioningOrderSnapshot onStage(Actor actor, ProvisioningOrderId id, StageId stage, String step,
            BiConsumer<ProvisioningOrder, CommandContext> command) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonNull(stage, "stage");
        return steps.change(orders, id, (order, ctx) -> {
            StageAssignment a = order.stage(stage).assignment();
            if (!actor.is(a.executor()) && !actor.is(a.stationManager())) {
                throw new NotAuthorisedException(actor + " may not " + step + " stage " + stage + " of provisioning order " + id
                        + ": only its executor " + a.executor() + " or its station manager " + a.stationManager() + " may");
            }
        }, (order, ctx) -> {
            command.accept(order, ctx);
            scheduleStageTimers(order, ctx);
        }, ProvisioningOrder::snapshot);
    }

    /**
     * Whether the actor is the order's account manager: the user the order names, acting as an
     * {@link Role#ACCOUNT_MANAGER}. The same user in another role (moved to a station, say) is not.
     */
    private static boolean isAccountManager(Actor actor, ProvisioningParties parties) {
        return actor.is(parties.accountManager()) && actor.hasRole(Role.ACCOUNT_MANAGER);
    }

    private static boolean isGeneralManager(Actor actor) {
        return actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER) || actor.hasRole(Role.GENERAL_MANAGER);
    }
}
