package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ResourcePoolRepository}: the generic aggregate contract, a pool
 * with every kind of holding (reserved, allocated through a reservation and directly, cooling,
 * retired units, fragmented ranges) reads back equal, the movement log is appended with each save
 * and read back over a period with the entry in force at its start, and the queries by location and
 * type and by holding account. A provider runs it by extending {@link ResourceAreaContract}, or this
 * class directly.
 */
public abstract class ResourcePoolRepositoryContract
        extends AggregateRepositoryContract<ResourcePool, PoolId, ResourcePoolSnapshot> {

    /** The instant the hand-made pools are opened at. */
    protected static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    private final LocalNetworkId network = samples.networkId();

    @Override
    protected AggregateRepository<ResourcePool, PoolId> repository(StorageProvider storage) {
        return storage.port(ResourcePoolRepository.class);
    }

    private ResourcePoolRepository pools() {
        return storage.port(ResourcePoolRepository.class);
    }

    @Override
    protected PoolId newId() {
        return new PoolId(samples.nextId("P"));
    }

    /** A pool of twenty DDN ports at the test's network, site EXCH-1, with a cool-down of an hour. */
    @Override
    protected ResourcePool newAggregate(PoolId id) {
        return ResourcePool.open(id, ResourceType.DDN_PORT, new PoolLocation(network, "EXCH-1"), 20,
                Duration.ofHours(1), T0);
    }

    /** Adds one unit a minute after the last movement. */
    @Override
    protected void change(ResourcePool pool) {
        pool.addCapacity(1, "one more port", pool.lastMovement().at().plusSeconds(60));
    }

    @Override
    protected ResourcePoolSnapshot snapshot(ResourcePool pool) {
        return pool.snapshot();
    }

    @Override
    protected ResourcePool restore(ResourcePoolSnapshot snapshot) {
        return ResourcePool.restore(snapshot);
    }

    /** Holds unit 1 twice. */
    @Override
    protected ResourcePoolSnapshot corrupt(ResourcePoolSnapshot s) {
        return new ResourcePoolSnapshot(s.id(), s.version(), s.resourceType(), s.location(), s.coolDown(), s.unitCount(),
                UnitSet.of(1, 1), s.reservations(), List.of(new Allocation(new AllocationId("X"), new AccountId("A"),
                        "ORD", Optional.empty(), UnitSet.of(1, 1), T0)), s.cooling(), s.lastMovement());
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A pool with every kind of holding, saved once. */
    private ResourcePool busyPool(AccountId bank, AccountId hotel) {
        ResourcePool pool = newAggregate(newId());
        var order = pool.reserve(new ReservationId(samples.nextId("R")), new ReservationTerms(bank,
                ReservationPurpose.ORDER, "ORD-1", 5, T0, at(600), at(120)), at(1));
        pool.reserve(new ReservationId(samples.nextId("R")), new ReservationTerms(hotel, ReservationPurpose.SLA, "SLA-1",
                3, T0, at(600), at(120)), at(2));
        pool.allocate(order, new AllocationId("L1"), 2, at(3));
        pool.allocateDirectly(new AllocationId("D1"), hotel, "ORD-2", 4, at(4));
        pool.allocateDirectly(new AllocationId("D2"), bank, "ORD-3", 1, at(5));
        pool.release(new AllocationId("D1"), at(6));
        pool.retire(2, "rack retired", at(7));
        pool.addCapacity(3, "construction completed", at(8));
        saveInTransaction(pool);
        return pool;
    }

    @Test
    void aPoolWithEveryKindOfHoldingReadsBackEqual() {
        AccountId bank = samples.accountId();
        ResourcePool pool = busyPool(bank, samples.accountId());
        ResourcePool found = load(pool.id());
        assertThat(found.snapshot()).isEqualTo(pool.snapshot());
        assertThat(found.reservations()).hasSize(2);
        assertThat(found.cooling()).hasSize(1);
        assertThat(found.unsavedMovements()).isEmpty();
    }

    @Test
    void theMovementLogIsAppendedWithEachSaveAndReadOverAPeriodWithTheEntryInForceAtItsStart() {
        ResourcePool pool = busyPool(samples.accountId(), samples.accountId());
        assertThat(pool.unsavedMovements()).as("written with the save").isEmpty();
        ResourcePool loaded = load(pool.id());
        loaded.allocateDirectly(new AllocationId("D3"), samples.accountId(), "ORD-4", 1, at(20));
        saveInTransaction(loaded);

        List<PoolMovement> all = movements(pool.id(), T0, at(60));
        assertThat(all).extracting(PoolMovement::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(all.get(9)).isEqualTo(loaded.lastMovement());

        List<PoolMovement> window = movements(pool.id(), at(4).plusSeconds(30), at(8));
        assertThat(window).extracting(PoolMovement::sequence).as("the entry in force at the start, then those inside")
                .containsExactly(5L, 6L, 7L, 8L);
        assertThat(movements(pool.id(), at(30), at(40))).extracting(PoolMovement::sequence).containsExactly(10L);
        assertThat(movements(pool.id(), T0.minusSeconds(60), T0)).as("nothing before the pool was opened").isEmpty();
        assertThat(movements(new PoolId("none"), T0, at(60))).isEmpty();
        assertThatThrownBy(() -> inTransaction(() -> pools().movements(pool.id(), at(1), at(1))))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void poolsAreFoundByLocationAndTypeAndByTheAccountsHoldingUnits() {
        AccountId bank = samples.accountId();
        AccountId hotel = samples.accountId();
        ResourcePool busy = busyPool(bank, hotel);
        ResourcePool other = ResourcePool.open(newId(), ResourceType.E1_CIRCUIT, new PoolLocation(network, "EXCH-1"), 4,
                Duration.ZERO, T0);
        ResourcePool elsewhere = ResourcePool.open(newId(), ResourceType.DDN_PORT, new PoolLocation(network, "EXCH-2"),
                4, Duration.ZERO, T0);
        ResourcePool second = newAggregate(newId());
        second.allocateDirectly(new AllocationId("D9"), hotel, "ORD-9", 1, at(1));
        saveInTransaction(other);
        saveInTransaction(elsewhere);
        saveInTransaction(second);

        List<PoolId> ddnAtExch1 = inTransaction(() -> pools().byLocation(new PoolLocation(network, "EXCH-1"),
                ResourceType.DDN_PORT)).stream().map(ResourcePool::id).toList();
        assertThat(ddnAtExch1).containsExactlyInAnyOrder(busy.id(), second.id());
        assertThat(inTransaction(() -> pools().holding(bank))).containsExactly(busy.id());
        assertThat(inTransaction(() -> pools().holding(hotel))).containsExactlyInAnyOrder(busy.id(), second.id());
        assertThat(inTransaction(() -> pools().holding(samples.accountId()))).isEmpty();
    }

    @Test
    void aPoolOfTenThousandUnitsHeldInFragmentsStaysSmallAndReadsBackEqual() {
        ResourcePool pool = ResourcePool.open(newId(), ResourceType.BANDWIDTH_MBPS, new PoolLocation(network, "CORE"),
                10_000, Duration.ZERO, T0);
        for (int i = 0; i < 20; i++) {
            pool.allocateDirectly(new AllocationId("B" + i), samples.accountId(), "SLA-" + i, 100 + i, at(i));
        }
        for (int i = 0; i < 20; i += 2) {
            pool.release(new AllocationId("B" + i), at(30));
        }
        pool.allocateDirectly(new AllocationId("BIG"), samples.accountId(), "SLA-big", 3_000, at(31));
        saveInTransaction(pool);
        ResourcePool found = load(pool.id());
        assertThat(found.snapshot()).isEqualTo(pool.snapshot());
        assertThat(found.allocations().stream().mapToLong(a -> a.units().ranges().size()).sum()).isLessThan(40);
    }

    private List<PoolMovement> movements(PoolId pool, Instant from, Instant to) {
        return inTransaction(() -> {
            try (Stream<PoolMovement> log = pools().movements(pool, from, to)) {
                return log.toList();
            }
        });
    }
}
