package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * Allocated units went back to their pool, at once or after its cool-down; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param pool the pool
 * @param allocation the allocation released
 * @param holder the key account it is for
 * @param units the units released
 * @param cause why
 * @param coolingUntil when they may be given again, if the pool has a cool-down
 */
public record UnitsReleased(EventId eventId, Instant occurredAt, PoolId pool, AllocationId allocation,
        AccountId holder, UnitSet units, ReleaseCause cause,
        Optional<Instant> coolingUntil) implements ResourcePoolEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.units-released";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param pool the pool
     * @param allocation the allocation released
     * @param holder the key account it is for
     * @param units the units released
     * @param cause why
     * @param coolingUntil when they may be given again, if the pool has a cool-down
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public UnitsReleased {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(pool, "pool");
        Require.nonNull(allocation, "allocation");
        Require.nonNull(holder, "holder");
        Require.that(!Require.nonNull(units, "units").isEmpty(), "units", "must hold at least one unit");
        Require.nonNull(cause, "cause");
        Require.nonNull(coolingUntil, "coolingUntil");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, holder.value(), null, "Allocation " + allocation + " of account " + holder + " released from pool " + pool + " (" + cause + "): " + units.size() + " units " + units);
    }
}
