package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * A reservation's expiry was moved; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param reservation the reservation
 * @param pool the pool
 * @param holder the key account it is for
 * @param previousExpiry the expiry before
 * @param expiresAt the expiry now
 */
public record ReservationRedated(EventId eventId, Instant occurredAt, ReservationId reservation, PoolId pool,
        AccountId holder, Instant previousExpiry, Instant expiresAt) implements ReservationEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.reservation-redated";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param reservation the reservation
     * @param pool the pool
     * @param holder the key account it is for
     * @param previousExpiry the expiry before
     * @param expiresAt the expiry now
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public ReservationRedated {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(pool, "pool");
        Require.nonNull(holder, "holder");
        Require.nonNull(previousExpiry, "previousExpiry");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, holder.value(), null, "Reservation " + reservation + " in pool " + pool + " for account " + holder + " now held until " + expiresAt + " (was " + previousExpiry + ")");
    }
}
