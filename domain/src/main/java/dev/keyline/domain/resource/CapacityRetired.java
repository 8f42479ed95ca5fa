package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * Free units of a pool were retired with their equipment; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param pool the pool
 * @param units the retired units
 * @param capacity the capacity now
 * @param reason why
 */
public record CapacityRetired(EventId eventId, Instant occurredAt, PoolId pool, UnitSet units, long capacity,
        String reason) implements ResourcePoolEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.capacity-retired";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param pool the pool
     * @param units the retired units
     * @param capacity the capacity now
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public CapacityRetired {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(pool, "pool");
        Require.that(!Require.nonNull(units, "units").isEmpty(), "units", "must hold at least one unit");
        Require.nonNegative(capacity, "capacity");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return pool.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, null, null, "Pool " + pool + " retired " + units.size() + " units " + units + ", capacity now " + capacity + ": " + reason);
    }
}
