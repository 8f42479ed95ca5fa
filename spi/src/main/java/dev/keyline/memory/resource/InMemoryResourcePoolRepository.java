package dev.keyline.memory.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.resource.ResourcePoolRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The resource pools of an {@link InMemoryStorage}, with their movement logs in a table of their own. */
final class InMemoryResourcePoolRepository
        extends InMemoryAggregateRepository<ResourcePool, PoolId, ResourcePoolSnapshot>
        implements ResourcePoolRepository {

    /**
     * The key of one entry of a pool's movement log: pool, sequence and a write of its own, so that
     * two transactions racing to save the same version of a pool collide on the pool's row (and the
     * loser fails as stale), never on the log.
     */
    record MovementKey(PoolId pool, long sequence, UUID write) {
    }

    /** A stored entry of a pool's movement log. */
    record StoredMovement(PoolId pool, PoolMovement movement) {
    }

    private final InMemoryTable<MovementKey, StoredMovement> movements;

    InMemoryResourcePoolRepository(InMemoryStorage storage) {
        super(storage, "resource pool", ResourcePoolSnapshot.class, ResourcePool::snapshot, ResourcePool::restore);
        this.movements = storage.table("resource pool movement", StoredMovement.class);
    }

    @Override
    public void save(ResourcePool aggregate) {
        ResourcePool pool = Require.nonNull(aggregate, "aggregate");
        List<PoolMovement> unsaved = pool.unsavedMovements();
        super.save(pool);
        for (PoolMovement m : unsaved) {
            movements.insert(new MovementKey(pool.id(), m.sequence(), UUID.randomUUID()), new StoredMovement(pool.id(), m));
        }
        pool.movementsWritten();
    }

    @Override
    public List<ResourcePool> byLocation(PoolLocation location, ResourceType type) {
        Require.nonNull(location, "location");
        Require.nonNull(type, "type");
        return table().scan(s -> s.location().equals(location) && s.resourceType().equals(type))
                .sorted(Comparator.comparing(s -> s.id().value())).map(this::restore).toList();
    }

    @Override
    public List<PoolId> holding(AccountId account) {
        Require.nonNull(account, "account");
        return table().scan(s -> s.allocations().stream().anyMatch(a -> a.holder().equals(account))
                || s.reservations().stream().anyMatch(r -> r.holder().equals(account)))
                .map(ResourcePoolSnapshot::id).sorted(Comparator.comparing(PoolId::value)).toList();
    }

    @Override
    public Stream<PoolMovement> movements(PoolId pool, Instant from, Instant to) {
        Require.nonNull(pool, "pool");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(to.isAfter(from), "to", () -> "must be after " + from + ", was " + to);
        List<PoolMovement> log = movements.scan(m -> m.pool().equals(pool)).map(StoredMovement::movement)
                .sorted(Comparator.comparingLong(PoolMovement::sequence)).toList();
        List<PoolMovement> result = new ArrayList<>();
        PoolMovement inForce = null;
        for (PoolMovement m : log) {
            if (!m.at().isAfter(from)) {
                inForce = m;
            } else if (m.at().isBefore(to)) {
                result.add(m);
            }
        }
        if (inForce != null) {
            result.add(0, inForce);
        }
        return result.stream();
    }
}
