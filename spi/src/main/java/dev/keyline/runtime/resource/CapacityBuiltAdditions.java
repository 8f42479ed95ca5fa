package dev.keyline.runtime.resource;

import dev.keyline.domain.common.CapacityBuilt;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ResourcePoolRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reaction that puts capacity built elsewhere into service: when a CAPEX project is accepted
 * ({@value #ACCEPTED_TYPE}), the units it built are added to the named pools, all in one transaction.
 * It reads the event only as the kernel's {@link CapacityBuilt} and takes its type by name, so the
 * resources area never names the area that builds; that area names only the resources area's ids
 * and events, and no package cycle arises.
 *
 * <p>It runs on the relay like every reaction, in its own transaction, once per event: the relay's
 * receipt keeps an event delivered again from adding its units twice. A pool that does not exist,
 * a pool id that is not one, or units of another resource type than the pool holds fail the event
 * permanently with that reason, and the relay dead-letters it; nothing of it is added to any pool.
 */
public final class CapacityBuiltAdditions {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "resource.capacity-built";

    /** The type of the event it takes: a CAPEX project's acceptance, which carries the capacity it built. */
    public static final String ACCEPTED_TYPE = "budget.capex-project-accepted";

    private CapacityBuiltAdditions() {
    }

    /**
     * The reaction over a storage provider that stores the resource area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store the resource area
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        ResourcePoolRepository pools = storage.port(ResourcePoolRepository.class);
        return Reaction.of(REACTION, (event, context) -> apply(pools, event, context), ACCEPTED_TYPE);
    }

    private static void apply(ResourcePoolRepository pools, DomainEvent event, CommandContext context) {
        if (!(event instanceof CapacityBuilt built)) {
            throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                    + event.type() + "': they carry no capacity built");
        }
        Map<PoolId, ResourcePool> touched = new LinkedHashMap<>();
        for (CapacityBuilt.PoolUnits units : built.capacityBuilt()) {
            PoolId id = poolId(units, event);
            ResourcePool pool = touched.get(id);
            if (pool == null) {
                pool = pools.find(id).orElseThrow(() -> new PermanentDeliveryException("event " + event.type() + " "
                        + event.aggregateId() + " adds " + units.units() + " units to pool " + id
                        + ", which does not exist"));
                touched.put(id, pool);
            }
            if (!pool.resourceType().value().equals(units.resourceType())) {
                throw new PermanentDeliveryException("event " + event.type() + " " + event.aggregateId() + " adds "
                        + units.units() + " units of " + units.resourceType() + " to pool " + id + ", which holds "
                        + pool.resourceType());
            }
            pool.addCapacity(units.units(), built.capacityReason(), ResourcePools.at(context, pool));
        }
        touched.values().forEach(pool -> context.save(pools, pool));
    }

    private static PoolId poolId(CapacityBuilt.PoolUnits units, DomainEvent event) {
        try {
            return new PoolId(units.pool());
        } catch (InvalidArgumentException e) {
            throw new PermanentDeliveryException("event " + event.type() + " " + event.aggregateId()
                    + " names no valid pool: " + e.getMessage(), e);
        }
    }
}
