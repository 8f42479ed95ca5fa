package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.SparePartNumber;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareScrapSource;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.resource.SpareDailyCheck;
import dev.keyline.runtime.resource.SpareParts;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import dev.keyline.spi.resource.SpareStockRepository;
import dev.keyline.tck.AuthorisationCases;
import dev.keyline.tck.AuthorisationCases.Command;
import dev.keyline.tck.AuthorisationCases.Counts;
import dev.keyline.tck.AuthorisationCases.State;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the resource area on a storage provider: every command
 * of {@code ResourcePools}, {@code SpareParts} and {@code SpareDailyCheck} is run by one actor of
 * every {@link Role}, and the outcome is compared with the rules of docs/resources.md ("Who may do
 * what"), restated here as data and never read from the code under test.
 *
 * <p>The statement: pools, reservations and spare parts belong to the network centre, not to a key
 * account, so roles alone decide. Opening a pool, adding or retiring capacity, forecasting,
 * allocating (through a reservation or directly) and releasing are for the network centre manager
 * and the general manager; reserving, cancelling and re-dating a reservation also for the marketing
 * manager. Keeping spare-part stocks (receiving, setting the minimum, recording a repair, scrapping,
 * the daily check) is for the network centre manager and the general manager; handling parts for a
 * repair (reserving, releasing a reservation, issuing, returning) also for the station manager. No
 * other role (the department general manager included) may do any of it.
 *
 * <p>Every refused case must throw {@code NotAuthorisedException} and leave every pool,
 * reservation, stock, consumption history and the whole outbox as they were; a permitted one must
 * change exactly the parts named and write exactly the events named (see {@link AuthorisationCases}).
 */
public abstract class ResourceAuthorisationContract {

    /** The pool roles of the statement. */
    static final Set<Role> POOL_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER);
    /** The reservation roles of the statement. */
    static final Set<Role> RESERVATION_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER,
            Role.MARKETING_MANAGER);
    /** The spare-stock roles of the statement. */
    static final Set<Role> SPARE_STOCK_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER);
    /** The spare-handling roles of the statement. */
    static final Set<Role> SPARE_HANDLING_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER,
            Role.STATION_MANAGER);

    /** One actor of each role. */
    static final List<Actor> ACTORS = actors();

    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("set-up-nc"), Role.NETWORK_CENTRE_MANAGER);
    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final AccountId HOLDER = new AccountId("A-BANK");
    private static final PoolId POOL = new PoolId("SZ-DDN-1");
    private static final PoolId NEW_POOL = new PoolId("SZ-DDN-2");
    private static final ReservationId RESERVATION = new ReservationId("R-1");
    private static final ReservationId NEW_RESERVATION = new ReservationId("R-2");
    private static final AllocationId DIRECT = new AllocationId("D-1");
    private static final DepotId DEPOT = new DepotId("DEP00000001");
    /** Five on hand, two of them reserved for FT-1, one under repair, minimum 2. */
    private static final SpareStockId STOCK = SpareStockId.of(DEPOT, new SparePartNumber("OPT-10G"));
    /** One on hand, minimum 5: below it, not yet raised. */
    private static final SpareStockId LOW_STOCK = SpareStockId.of(DEPOT, new SparePartNumber("OPT-40G"));
    private static final SpareReservationRef FAULT = new SpareReservationRef("FT-1");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor runs, each on a fresh world; see
     * {@link AuthorisationCases#run}. A provider whose worlds are slow to build may run only the first.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    /** The world of the suite: a pool with an open reservation and an allocation, and two spare stocks. */
    static final class ResourceWorld implements AuthorisationCases.World {

        final StorageProvider storage;
        final TestClock clock = TestClock.at(START);
        final Keyline keyline;
        final ResourcePools pools;
        final SpareParts spares;
        final SpareDailyCheck check;

        ResourceWorld(StorageProvider storage) {
            this.storage = storage;
            keyline = Keyline.builder().storage(storage).clock(clock).zone(SHANGHAI).build();
            pools = ResourcePools.on(keyline);
            spares = SpareParts.on(keyline);
            check = SpareDailyCheck.on(keyline);
            pools.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT, new PoolLocation(SUZHOU, "EXCH-1"), 10, Duration.ZERO);
            pools.reserve(NETWORK_CENTRE, POOL, RESERVATION, terms("ORD-1", 3));
            pools.allocateDirectly(NETWORK_CENTRE, POOL, DIRECT, HOLDER, "ORD-2", 2);
            spares.setMinimum(NETWORK_CENTRE, STOCK, 2);
            spares.receive(NETWORK_CENTRE, STOCK, 6);
            spares.reserve(NETWORK_CENTRE, STOCK, FAULT, 2);
            spares.issueDirectly(NETWORK_CENTRE, STOCK, 1);
            spares.returnFaulty(NETWORK_CENTRE, STOCK, 1);
            spares.setMinimum(NETWORK_CENTRE, LOW_STOCK, 5);
            spares.receive(NETWORK_CENTRE, LOW_STOCK, 1);
            clock.advance(Duration.ofMinutes(1));
        }

        ReservationTerms terms(String reference, long units) {
            Instant now = clock.instant();
            return new ReservationTerms(HOLDER, ReservationPurpose.ORDER, reference, units, now, now.plus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(5)));
        }

        @Override
        public State state() {
            Map<String, Supplier<?>> parts = new LinkedHashMap<>();
            ResourcePoolRepository poolRepository = storage.port(ResourcePoolRepository.class);
            ReservationRepository reservations = storage.port(ReservationRepository.class);
            SpareStockRepository stocks = storage.port(SpareStockRepository.class);
            SpareConsumptionRepository consumption = storage.port(SpareConsumptionRepository.class);
            for (PoolId pool : List.of(POOL, NEW_POOL)) {
                parts.put("pool:" + pool.value(), () -> poolRepository.find(pool).map(ResourcePool::snapshot));
            }
            for (ReservationId reservation : List.of(RESERVATION, NEW_RESERVATION)) {
                parts.put("reservation:" + reservation.value(),
                        () -> reservations.find(reservation).map(Reservation::snapshot));
            }
            for (SpareStockId stock : List.of(STOCK, LOW_STOCK)) {
                parts.put("stock:" + stock.value(), () -> stocks.find(stock).map(SpareStock::snapshot));
                parts.put("consumption:" + stock.value(),
                        () -> consumption.byStock(stock, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)));
            }
            return State.read(storage, parts);
        }
    }

    /**
     * Every command, with its rule, the parts it changes and the events it writes.
     *
     * @return the commands
     */
    static List<Command<ResourceWorld>> commands() {
        List<Command<ResourceWorld>> c = new ArrayList<>();
        String pool = "pool:" + POOL.value();
        String reservation = "reservation:" + RESERVATION.value();
        String stock = "stock:" + STOCK.value();
        String consumption = "consumption:" + STOCK.value();
        add(c, "ResourcePools.openPool", "open a pool", POOL_ROLES, Set.of("pool:" + NEW_POOL.value()),
                List.of("resource.pool-opened"), (w, a) -> w.pools.openPool(a, NEW_POOL, ResourceType.DDN_PORT,
                        new PoolLocation(SUZHOU, "EXCH-2"), 4, Duration.ZERO));
        add(c, "ResourcePools.reserve", "reserve a unit", RESERVATION_ROLES,
                Set.of(pool, "reservation:" + NEW_RESERVATION.value()), List.of("resource.reservation-made"),
                (w, a) -> w.pools.reserve(a, POOL, NEW_RESERVATION, w.terms("ORD-3", 1)));
        add(c, "ResourcePools.allocate", "allocate a reserved unit", POOL_ROLES, Set.of(pool, reservation),
                List.of("resource.units-allocated"), (w, a) -> w.pools.allocate(a, RESERVATION, new AllocationId("L-1"), 1));
        add(c, "ResourcePools.allocateDirectly", "allocate a free unit", POOL_ROLES, Set.of(pool),
                List.of("resource.units-allocated"),
                (w, a) -> w.pools.allocateDirectly(a, POOL, new AllocationId("D-2"), HOLDER, "ORD-4", 1));
        add(c, "ResourcePools.release", "release an allocation", POOL_ROLES, Set.of(pool), List.of("resource.units-released"),
                (w, a) -> w.pools.release(a, POOL, DIRECT));
        add(c, "ResourcePools.cancel", "cancel a reservation", RESERVATION_ROLES, Set.of(pool, reservation),
                List.of("resource.reservation-cancelled"), (w, a) -> w.pools.cancel(a, RESERVATION, "order withdrawn"));
        add(c, "ResourcePools.redate", "re-date a reservation", RESERVATION_ROLES, Set.of(reservation),
                List.of("resource.reservation-redated"),
                (w, a) -> w.pools.redate(a, RESERVATION, w.clock.instant().plus(Duration.ofDays(10))));
        add(c, "ResourcePools.addCapacity", "add capacity", POOL_ROLES, Set.of(pool), List.of("resource.capacity-added"),
                (w, a) -> w.pools.addCapacity(a, POOL, 2, "new card"));
        add(c, "ResourcePools.retire", "retire a unit", POOL_ROLES, Set.of(pool), List.of("resource.capacity-retired"),
                (w, a) -> w.pools.retire(a, POOL, 1, "worn"));
        add(c, "ResourcePools.forecastShortfall", "forecast a shortfall", POOL_ROLES, Set.of(pool),
                List.of("resource.investment-requested"), (w, a) -> w.pools.forecastShortfall(a, POOL, 100, "annual plan"));
        add(c, "SpareParts.receive", "receive parts", SPARE_STOCK_ROLES, Set.of(stock), List.of("resource.spare-received"),
                (w, a) -> w.spares.receive(a, STOCK, 3));
        add(c, "SpareParts.setMinimum", "set a minimum", SPARE_STOCK_ROLES, Set.of(stock),
                List.of("resource.spare-minimum-set"), (w, a) -> w.spares.setMinimum(a, STOCK, 3));
        add(c, "SpareParts.reserve", "reserve parts", SPARE_HANDLING_ROLES, Set.of(stock), List.of("resource.spare-reserved"),
                (w, a) -> w.spares.reserve(a, STOCK, new SpareReservationRef("FT-2"), 1));
        add(c, "SpareParts.releaseReservation", "release reserved parts", SPARE_HANDLING_ROLES, Set.of(stock),
                List.of("resource.spare-reservation-released"), (w, a) -> w.spares.releaseReservation(a, STOCK, FAULT, 1));
        add(c, "SpareParts.issueReserved", "issue reserved parts", SPARE_HANDLING_ROLES, Set.of(stock, consumption),
                List.of("resource.spare-issued"), (w, a) -> w.spares.issueReserved(a, STOCK, FAULT, 1));
        add(c, "SpareParts.issueDirectly", "issue parts", SPARE_HANDLING_ROLES, Set.of(stock, consumption),
                List.of("resource.spare-issued"), (w, a) -> w.spares.issueDirectly(a, STOCK, 1));
        add(c, "SpareParts.returnUnused", "return unused parts", SPARE_HANDLING_ROLES, Set.of(stock),
                List.of("resource.spare-returned"), (w, a) -> w.spares.returnUnused(a, STOCK, 1));
        add(c, "SpareParts.returnFaulty", "return faulty parts", SPARE_HANDLING_ROLES, Set.of(stock),
                List.of("resource.spare-returned"), (w, a) -> w.spares.returnFaulty(a, STOCK, 1));
        add(c, "SpareParts.repairDone", "record a repair", SPARE_STOCK_ROLES, Set.of(stock), List.of("resource.spare-repaired"),
                (w, a) -> w.spares.repairDone(a, STOCK, 1));
        add(c, "SpareParts.scrap", "scrap parts", SPARE_STOCK_ROLES, Set.of(stock), List.of("resource.spare-scrapped"),
                (w, a) -> w.spares.scrap(a, STOCK, SpareScrapSource.ON_HAND, 1, "obsolete"));
        add(c, "SpareDailyCheck.run", "run the daily check for a day", SPARE_STOCK_ROLES, Set.of("stock:" + LOW_STOCK.value()),
                List.of("resource.spare-below-minimum"), (w, a) -> w.check.run(a, LocalDate.of(2026, 3, 2)));
        add(c, "SpareDailyCheck.run", "run today's daily check", SPARE_STOCK_ROLES, Set.of("stock:" + LOW_STOCK.value()),
                List.of("resource.spare-below-minimum"), (w, a) -> w.check.run(a));
        return List.copyOf(c);
    }

    private static void add(List<Command<ResourceWorld>> commands, String method, String label, Set<Role> roles,
            Set<String> changed, List<String> events, BiConsumer<ResourceWorld, Actor> call) {
        commands.add(new Command<>(method, label, call, actor -> actor.roles().stream().anyMatch(roles::contains), changed,
                events));
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
     * The refused cases the statement gives over {@link #commands()} and {@link #ACTORS}: of the 13
     * roles, the thirteen pool and stock-keeping commands allow two (11 refusals each), the nine
     * reservation and handling commands three (10 each); pinned so that a change is noticed and
     * docs/reliability.md updated.
     */
    private static final int REFUSED_CASES = 13 * 11 + 9 * 10;

    @Test
    void everyResourceCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = AuthorisationCases.run(ACTORS, commands(), () -> new ResourceWorld(newStorage()),
                everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (resource): %d commands x %d actors, %d refused and %d permitted cases run%n",
                commands().size(), ACTORS.size(), counts.refused(), counts.permitted());
    }

    private static List<Actor> actors() {
        List<Actor> actors = new ArrayList<>();
        for (Role role : Role.values()) {
            actors.add(Actor.withRoles(new UserId("r-" + role.name().toLowerCase(java.util.Locale.ROOT)), role));
        }
        return List.copyOf(actors);
    }
}
