package dev.keyline.spi.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.spi.AggregateRepository;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resource pools with their active holdings, and each pool's movement log. Saving follows
 * {@link AggregateRepository}: the pool's version is checked, so two commands that loaded the same
 * pool cannot both hand out its units (the second fails with
 * {@link dev.keyline.domain.common.StaleVersionException} and writes nothing). With the pool, a
 * save appends the pool's {@link ResourcePool#unsavedMovements()} to its movement log, which is
 * never changed afterwards, and then calls {@link ResourcePool#movementsWritten()}.
 */
public interface ResourcePoolRepository extends AggregateRepository<ResourcePool, PoolId> {

    /**
     * The pools of one type at one location.
     *
     * @param location the local network and site
     * @param type the resource type
     * @return the pools ordered by id
     */
    List<ResourcePool> byLocation(PoolLocation location, ResourceType type);

    /**
     * The pools in which a key account holds units: an allocation or an open reservation.
     *
     * @param account the key account
     * @return their ids, ordered
     */
    List<PoolId> holding(AccountId account);

    /**
     * A pool's movement log over a period: the entry in force at {@code from} (the last at or before
     * it), if any, then every entry after {@code from} and before {@code to}, in sequence order.
     * That is exactly what {@link dev.keyline.domain.resource.Utilisation#timeWeighted} needs.
     *
     * @param pool the pool
     * @param from the start of the period
     * @param to the end of the period, after {@code from}
     * @return a stream in sequence order; close it after use
     */
    Stream<PoolMovement> movements(PoolId pool, Instant from, Instant to);
}
