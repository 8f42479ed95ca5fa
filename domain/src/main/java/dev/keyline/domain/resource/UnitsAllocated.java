package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * Units of a pool were allocated to a key account, through a reservation or directly; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param pool the pool
 * @param allocation the allocation
 * @param holder the key account it is for
 * @param reference the order or SLA they serve
 * @param reservation the reservation they came from; empty for a direct allocation
 * @param units the units allocated
 */
public record UnitsAllocated(EventId eventId, Instant occurredAt, PoolId pool, AllocationId allocation,
        AccountId holder, String reference, Optional<ReservationId> reservation,
        UnitSet units) implements ResourcePoolEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.units-allocated";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param pool the pool
     * @param allocation the allocation
     * @param holder the key account it is for
     * @param reference the order or SLA they serve
     * @param reservation the reservation they came from; empty for a direct allocation
     * @param units the units allocated
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public UnitsAllocated {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(pool, "pool");
        Require.nonNull(allocation, "allocation");
        Require.nonNull(holder, "holder");
        Require.text(reference, "reference", Limits.NAME_LENGTH);
        Require.nonNull(reservation, "reservation");
        Require.that(!Require.nonNull(units, "units").isEmpty(), "units", "must hold at least one unit");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, holder.value(), null, "Allocation " + allocation + " of " + units.size() + " units " + units + " from pool " + pool + " to account " + holder + " for " + reference);
    }
}
