package dev.keyline.tck.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.workorder.FaultTickets;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.tck.AuthorisationCases;
import dev.keyline.tck.AuthorisationCases.Command;
import dev.keyline.tck.AuthorisationCases.Counts;
import dev.keyline.tck.AuthorisationCases.State;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the work-order area on a storage provider: every
 * command of {@code ProvisioningOrders} and {@code FaultTickets} is run by one actor of every
 * {@link Role} and, where the people an order names decide, by those people and by others holding
 * the same role, and the outcome is compared with the rules of docs/work-orders.md, restated here as
 * data and never read from the code under test.
 *
 * <p>The statement for provisioning orders: an order is opened by its account manager (a user named
 * as the order's account manager who holds {@code ACCOUNT_MANAGER}), a department general manager or
 * the general manager; a stage is started, held, resumed and completed by its executor or its
 * station manager (the users its assignment names, not anyone holding the role); a stage is handed
 * off by its station manager or the order's account manager; the customer's acceptance is recorded
 * by the order's account manager, a department general manager or the general manager. The order's
 * account manager is the same everywhere: the user it names, holding {@code ACCOUNT_MANAGER}; that
 * user acting in another role is not.
 *
 * <p>The statement for fault tickets (roles alone; the ticket knows its account only by id): the
 * call centre ({@code ACCOUNT_MANAGER}, {@code TECHNICAL_MANAGER}) or the network centre reports;
 * the network centre diagnoses, dispatches, returns and cancels; the station ({@code STATION_MANAGER},
 * {@code STATION_EXECUTOR}) starts the repair; the call centre replies and closes; all of these wait
 * for the customer and resume; the department general manager and the general manager make every move.
 *
 * <p>Every refused case must throw {@code NotAuthorisedException} and leave every order, ticket and
 * the whole outbox as they were; a permitted one must change exactly the aggregate named and write
 * exactly the events named (see {@link AuthorisationCases}).
 */
public abstract class WorkOrderAuthorisationContract {

    /** The account manager the orders name. */
    static final Actor ORDER_MANAGER = Actor.accountManager(new UserId("am-wang"));
    /**
     * The order's account manager's user holding another role, no longer the account manager's: the
     * user named on the order without {@code ACCOUNT_MANAGER} is not its account manager.
     */
    static final Actor ORDER_MANAGER_USER_AS_TECHNICAL = Actor.withRoles(new UserId("am-wang"), Role.TECHNICAL_MANAGER);
    /** Another account manager. */
    static final Actor OTHER_MANAGER = Actor.accountManager(new UserId("am-li"));
    /** The station manager the first order's stages name. */
    static final Actor STAGE_STATION_MANAGER = Actor.withRoles(new UserId("sm-zhao"), Role.STATION_MANAGER);
    /** Another station manager. */
    static final Actor OTHER_STATION_MANAGER = Actor.withRoles(new UserId("sm-sun"), Role.STATION_MANAGER);
    /** The executor the first order's stages name. */
    static final Actor STAGE_EXECUTOR = Actor.withRoles(new UserId("ex-qian"), Role.STATION_EXECUTOR);
    /** Another executor. */
    static final Actor OTHER_EXECUTOR = Actor.withRoles(new UserId("ex-zhou"), Role.STATION_EXECUTOR);

    /** The seven people above and one actor of each other role. */
    static final List<Actor> ACTORS = actors();

    private static final Set<Role> GENERAL_MANAGERS = EnumSet.of(Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);
    private static final Set<Role> CALL_CENTRE = EnumSet.of(Role.ACCOUNT_MANAGER, Role.TECHNICAL_MANAGER);
    private static final Set<Role> NETWORK_CENTRE = EnumSet.of(Role.NETWORK_CENTRE_MANAGER);
    private static final Set<Role> STATION = EnumSet.of(Role.STATION_MANAGER, Role.STATION_EXECUTOR);

    private static final Actor SET_UP = Actor.withRoles(new UserId("gm-set-up"), Role.GENERAL_MANAGER);
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final AccountId ACCOUNT = new AccountId("A-BANK");
    private static final ProductCode DDN = new ProductCode("DDN");
    private static final ProvisioningParties PARTIES = new ProvisioningParties(ACCOUNT, DDN, SUZHOU, ORDER_MANAGER.user(),
            new UserId("it-li"));
    /** Stages A (ready), B (started) and C (held), in parallel, all at the CRC station. */
    private static final ProvisioningOrderId RUNNING = new ProvisioningOrderId("PO-1");
    /** Its one stage done: awaiting the customer's acceptance. */
    private static final ProvisioningOrderId DONE = new ProvisioningOrderId("PO-2");
    private static final ProvisioningOrderId NEW_ORDER = new ProvisioningOrderId("PO-3");
    private static final StageId A = new StageId("a");
    private static final StageId B = new StageId("b");
    private static final StageId C = new StageId("c");
    private static final FaultTicketId REPORTED = new FaultTicketId("FT-REPORTED");
    private static final FaultTicketId DIAGNOSED = new FaultTicketId("FT-DIAGNOSED");
    private static final FaultTicketId DISPATCHED = new FaultTicketId("FT-DISPATCHED");
    private static final FaultTicketId IN_REPAIR = new FaultTicketId("FT-IN-REPAIR");
    private static final FaultTicketId RETURNED = new FaultTicketId("FT-RETURNED");
    private static final FaultTicketId REPLIED = new FaultTicketId("FT-REPLIED");
    private static final FaultTicketId PENDING = new FaultTicketId("FT-PENDING");
    private static final FaultTicketId NEW_TICKET = new FaultTicketId("FT-NEW");
    private static final FaultStation REPAIR_STATION = new FaultStation("SZ-LINE");

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor runs, each on a fresh world; see {@link AuthorisationCases#run}.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    /** The world of the suite: the two orders and a ticket in each state a command starts from. */
    static final class WorkOrderWorld implements AuthorisationCases.World {

        final StorageProvider storage;
        final TestClock clock = TestClock.at(START);
        final ProvisioningOrders orders;
        final FaultTickets tickets;

        WorkOrderWorld(StorageProvider storage) {
            this.storage = storage;
            Keyline keyline = Keyline.builder().storage(storage).clock(clock).zone(ZoneOffset.UTC).build();
            orders = ProvisioningOrders.on(keyline, BusinessCalendar.allDays(ZoneOffset.UTC),
                    ProvisioningOrder.DEFAULT_WARNING_SHARE);
            Map<FaultPriority, TicketClockTargets> table = new EnumMap<>(FaultPriority.class);
            for (FaultPriority p : FaultPriority.values()) {
                table.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
            }
            tickets = FaultTickets.on(keyline, TicketClockPolicy.byPriority(table), BusinessCalendar.allDays(ZoneOffset.UTC));
            open(RUNNING, A, B, C);
            orders.start(STAGE_EXECUTOR, RUNNING, B);
            orders.start(STAGE_EXECUTOR, RUNNING, C);
            orders.hold(STAGE_EXECUTOR, RUNNING, C, "waiting for a permit");
            open(DONE, A);
            orders.start(STAGE_EXECUTOR, DONE, A);
            orders.complete(STAGE_EXECUTOR, DONE, A);
            for (FaultTicketId id : List.of(REPORTED, DIAGNOSED, DISPATCHED, IN_REPAIR, RETURNED, REPLIED, PENDING)) {
                report(SET_UP, id);
            }
            for (FaultTicketId id : List.of(DIAGNOSED, DISPATCHED, IN_REPAIR, RETURNED, REPLIED)) {
                tickets.diagnose(SET_UP, id, "line card");
            }
            for (FaultTicketId id : List.of(DISPATCHED, IN_REPAIR, RETURNED, REPLIED)) {
                tickets.dispatch(SET_UP, id, REPAIR_STATION, "to the line team");
            }
            for (FaultTicketId id : List.of(IN_REPAIR, RETURNED, REPLIED)) {
                tickets.startRepair(SET_UP, id, "on site");
            }
            for (FaultTicketId id : List.of(RETURNED, REPLIED)) {
                tickets.returnRepaired(SET_UP, id, new FaultCause("card"), "card replaced");
            }
            tickets.reply(SET_UP, REPLIED, "customer told");
            tickets.awaitCustomer(SET_UP, PENDING, "no access to the site");
            clock.advance(Duration.ofMinutes(1));
        }

        void open(ProvisioningOrderId id, StageId... stages) {
            List<PlannedStage> planned = new ArrayList<>();
            List<StageAssignment> assignments = new ArrayList<>();
            for (StageId stage : stages) {
                planned.add(PlannedStage.ofDays(stage, BigDecimal.ONE, List.of()));
                assignments.add(new StageAssignment(stage, new WorkOrderStation("crc"), SUZHOU, STAGE_STATION_MANAGER.user(),
                        STAGE_EXECUTOR.user()));
            }
            orders.open(ORDER_MANAGER, id, PARTIES, StagePlan.of(planned), assignments, Optional.empty());
        }

        void report(Actor reporter, FaultTicketId id) {
            tickets.report(reporter, id, ACCOUNT, DDN, FaultSource.CALL_CENTRE, FaultPriority.HIGH,
                    Optional.<FaultServiceClass>empty(), "line to the branch is down");
        }

        @Override
        public State state() {
            ProvisioningOrderRepository orderRepository = storage.port(ProvisioningOrderRepository.class);
            FaultTicketRepository ticketRepository = storage.port(FaultTicketRepository.class);
            Map<String, Supplier<?>> parts = new LinkedHashMap<>();
            for (ProvisioningOrderId id : List.of(RUNNING, DONE, NEW_ORDER)) {
                parts.put("order:" + id.value(), () -> orderRepository.find(id).map(ProvisioningOrder::snapshot));
            }
            for (FaultTicketId id : List.of(REPORTED, DIAGNOSED, DISPATCHED, IN_REPAIR, RETURNED, REPLIED, PENDING,
                    NEW_TICKET)) {
                parts.put("ticket:" + id.value(), () -> ticketRepository.find(id).map(FaultTicket::snapshot));
            }
            return State.read(storage, parts);
        }
    }

    private static Predicate<Actor> holds(Set<Role> roles) {
        return actor -> actor.roles().stream().anyMatch(roles::contains);
    }

    private static Predicate<Actor> is(Actor... people) {
        return actor -> List.of(people).stream().anyMatch(p -> actor.is(p.user()));
    }

    private static Set<Role> union(Set<Role> first, Set<Role> second) {
        EnumSet<Role> all = EnumSet.copyOf(first);
        all.addAll(second);
        return all;
    }

    /**
     * Every command, with its rule, the aggregate it changes and the events it writes.
     *
     * @return the commands
     */
    static List<Command<WorkOrderWorld>> commands() {
        List<Command<WorkOrderWorld>> c = new ArrayList<>();
        String running = "order:" + RUNNING.value();
        Predicate<Actor> stagePeople = is(STAGE_STATION_MANAGER, STAGE_EXECUTOR);
        Predicate<Actor> orderManager = is(ORDER_MANAGER).and(a -> a.hasRole(Role.ACCOUNT_MANAGER));
        order(c, "open", "open an order naming am-wang",
                orderManager.or(holds(GENERAL_MANAGERS)),
                "order:" + NEW_ORDER.value(), "workorder.provisioning-opened", (w, a) -> w.orders.open(a, NEW_ORDER, PARTIES,
                        StagePlan.of(List.of(PlannedStage.ofDays(A, BigDecimal.ONE, List.of()))),
                        List.of(new StageAssignment(A, new WorkOrderStation("crc"), SUZHOU, STAGE_STATION_MANAGER.user(),
                                STAGE_EXECUTOR.user())), Optional.empty()));
        order(c, "start", "start a ready stage", stagePeople, running, "workorder.stage-started",
                (w, a) -> w.orders.start(a, RUNNING, A));
        order(c, "hold", "hold a started stage", stagePeople, running, "workorder.stage-held",
                (w, a) -> w.orders.hold(a, RUNNING, B, "waiting for the customer's room"));
        order(c, "resume", "resume a held stage", stagePeople, running, "workorder.stage-resumed",
                (w, a) -> w.orders.resume(a, RUNNING, C));
        order(c, "complete", "complete a started stage", stagePeople, running, "workorder.stage-done",
                (w, a) -> w.orders.complete(a, RUNNING, B));
        order(c, "handOff", "hand a stage to another station", is(STAGE_STATION_MANAGER).or(orderManager), running,
                "workorder.stage-handed-off", (w, a) -> w.orders.handOff(a, RUNNING, new StageAssignment(A,
                        new WorkOrderStation("local-tx"), SUZHOU, OTHER_STATION_MANAGER.user(), OTHER_EXECUTOR.user()),
                        "crc is overloaded"));
        order(c, "accept", "record the customer's acceptance", orderManager.or(holds(GENERAL_MANAGERS)),
                "order:" + DONE.value(), "workorder.provisioning-accepted", (w, a) -> w.orders.accept(a, DONE, "Mr Hu"));
        Set<Role> handlers = union(union(CALL_CENTRE, NETWORK_CENTRE), STATION);
        ticket(c, "report", "report a fault", union(CALL_CENTRE, NETWORK_CENTRE), NEW_TICKET, "fault-ticket.reported",
                (w, a) -> w.report(a, NEW_TICKET));
        ticket(c, "diagnose", "diagnose a reported fault", NETWORK_CENTRE, REPORTED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.diagnose(a, REPORTED, "line card"));
        ticket(c, "dispatch", "dispatch a diagnosed fault", NETWORK_CENTRE, DIAGNOSED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.dispatch(a, DIAGNOSED, REPAIR_STATION, "to the line team"));
        ticket(c, "startRepair", "start the repair", STATION, DISPATCHED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.startRepair(a, DISPATCHED, "on site"));
        ticket(c, "returnRepaired", "return the repaired fault", NETWORK_CENTRE, IN_REPAIR, "fault-ticket.transitioned",
                (w, a) -> w.tickets.returnRepaired(a, IN_REPAIR, new FaultCause("card"), "card replaced"));
        ticket(c, "reply", "answer the customer", CALL_CENTRE, RETURNED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.reply(a, RETURNED, "customer told"));
        ticket(c, "close", "close the ticket", CALL_CENTRE, REPLIED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.close(a, REPLIED, "customer satisfied"));
        ticket(c, "awaitCustomer", "wait for the customer", handlers, REPORTED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.awaitCustomer(a, REPORTED, "customer unreachable"));
        ticket(c, "resume", "resume a waiting ticket", handlers, PENDING, "fault-ticket.transitioned",
                (w, a) -> w.tickets.resume(a, PENDING, "site open again"));
        ticket(c, "cancel", "cancel a reported fault", NETWORK_CENTRE, REPORTED, "fault-ticket.transitioned",
                (w, a) -> w.tickets.cancel(a, REPORTED, "reported twice"));
        return List.copyOf(c);
    }

    private static void order(List<Command<WorkOrderWorld>> commands, String method, String label, Predicate<Actor> rule,
            String changed, String event, BiConsumer<WorkOrderWorld, Actor> call) {
        commands.add(new Command<>("ProvisioningOrders." + method, label, call, rule, Set.of(changed), List.of(event)));
    }

    /** A fault ticket command: its roles and, whatever the move, the two general managers. */
    private static void ticket(List<Command<WorkOrderWorld>> commands, String method, String label, Set<Role> roles,
            FaultTicketId changed, String event, BiConsumer<WorkOrderWorld, Actor> call) {
        commands.add(new Command<>("FaultTickets." + method, label, call, holds(union(roles, GENERAL_MANAGERS)),
                Set.of("ticket:" + changed.value()), List.of(event)));
    }

    /**
     * The service methods this suite covers, as {@code SimpleClassName.method}.
     *
     * @return the methods
     */
    public static Set<String> coveredMethods() {
        return AuthorisationCases.methods(commands());
    }

    /**
     * The refused cases the statement gives over {@link #commands()} and the 17 {@link #ACTORS},
     * pinned so that a change is noticed and docs/reliability.md updated. Orders: opening and
     * accepting allow am-wang as account manager and the two general managers (14 refusals each);
     * the four stage steps the stage's executor and station manager (15 each); a hand-off its station
     * manager and am-wang as account manager (15). Tickets: reporting allows the two account
     * managers, the two technical managers (am-wang's user among them), the network centre manager
     * and the two general managers (10); the four network centre moves its manager and the general
     * managers (14 each); starting the repair the four station people and the general managers (11);
     * replying and closing the call centre's four and the general managers (11 each); waiting and
     * resuming the nine handlers of those roles and the two general managers (6 each).
     */
    private static final int REFUSED_CASES = 2 * 14 + 4 * 15 + 15 + 10 + 4 * 14 + 11 + 2 * 11 + 2 * 6;

    @Test
    void everyWorkOrderCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = AuthorisationCases.run(ACTORS, commands(), () -> new WorkOrderWorld(newStorage()),
                everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (workorder): %d commands x %d actors, %d refused and %d permitted cases run%n",
                commands().size(), ACTORS.size(), counts.refused(), counts.permitted());
    }

    private static List<Actor> actors() {
        List<Actor> actors = new ArrayList<>(List.of(ORDER_MANAGER, ORDER_MANAGER_USER_AS_TECHNICAL, OTHER_MANAGER, STAGE_STATION_MANAGER,
                OTHER_STATION_MANAGER, STAGE_EXECUTOR, OTHER_EXECUTOR));
        for (Role role : Role.values()) {
            if (role != Role.ACCOUNT_MANAGER && role != Role.STATION_MANAGER && role != Role.STATION_EXECUTOR) {
                actors.add(Actor.withRoles(new UserId("r-" + role.name().toLowerCase(Locale.ROOT)), role));
            }
        }
        return List.copyOf(actors);
    }
}
