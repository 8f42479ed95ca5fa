package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Duration;
import java.time.Instant;

/**
 * A resource pool was opened; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param pool the pool
 * @param resourceType what its units are
 * @param location where they are
 * @param capacity its units in service, numbered 1 to capacity
 * @param coolDown how long released units rest before reuse; zero for none
 */
public record PoolOpened(EventId eventId, Instant occurredAt, PoolId pool, ResourceType resourceType,
        PoolLocation location, long capacity, Duration coolDown) implements ResourcePoolEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.pool-opened";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param pool the pool
     * @param resourceType what its units are
     * @param location where they are
     * @param capacity its units in service, numbered 1 to capacity
     * @param coolDown how long released units rest before reuse; zero for none
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public PoolOpened {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(pool, "pool");
        Require.nonNull(resourceType, "resourceType");
        Require.nonNull(location, "location");
        Require.nonNegative(capacity, "capacity");
        Require.nonNull(coolDown, "coolDown");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), location.network().value(), null, null, "Resource pool " + pool + " opened: " + capacity + " " + resourceType + " at " + location);
    }
}
