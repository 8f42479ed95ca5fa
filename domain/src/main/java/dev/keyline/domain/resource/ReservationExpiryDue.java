package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * The timer of a reservation's expiry fell due (it occurs at the expiry); the resource area's reaction then expires the reservation if it is still open with that expiry; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param reservation the reservation
 * @param pool the pool
 * @param expiresAt the expiry the timer was set for
 */
public record ReservationExpiryDue(EventId eventId, Instant occurredAt, ReservationId reservation, PoolId pool,
        Instant expiresAt) implements ReservationEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.reservation-expiry-due";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param reservation the reservation
     * @param pool the pool
     * @param expiresAt the expiry the timer was set for
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public ReservationExpiryDue {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(pool, "pool");
        Require.nonNull(expiresAt, "expiresAt");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, null, null, "Reservation " + reservation + " in pool " + pool + " is due to expire at " + expiresAt);
    }
}
