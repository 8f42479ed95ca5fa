package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * A reservation was cancelled; its unallocated units went back to the pool; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param reservation the reservation
 * @param pool the pool
 * @param holder the key account it is for
 * @param returnedUnits the units given back
 * @param reason why
 */
public record ReservationCancelled(EventId eventId, Instant occurredAt, ReservationId reservation, PoolId pool,
        AccountId holder, UnitSet returnedUnits, String reason) implements ReservationEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.reservation-cancelled";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param reservation the reservation
     * @param pool the pool
     * @param holder the key account it is for
     * @param returnedUnits the units given back
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public ReservationCancelled {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(pool, "pool");
        Require.nonNull(holder, "holder");
        Require.nonNull(returnedUnits, "returnedUnits");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return reservation.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, holder.value(), null, "Reservation " + reservation + " in pool " + pool + " for account " + holder + " cancelled, " + returnedUnits.size() + " units returned: " + reason);
    }
}
