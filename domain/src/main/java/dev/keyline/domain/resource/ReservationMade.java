package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * Units were reserved (预占) for an order or an SLA; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param reservation the reservation
 * @param pool the pool
 * @param holder the key account it is for
 * @param purpose an order or an SLA
 * @param reference the order's or SLA's reference
 * @param binding whether it binds the network centre (made against an SLA)
 * @param units the units reserved
 * @param start when their use starts
 * @param end when it ends
 * @param expiresAt until when unallocated units are held
 */
public record ReservationMade(EventId eventId, Instant occurredAt, ReservationId reservation, PoolId pool,
        AccountId holder, ReservationPurpose purpose, String reference, boolean binding, UnitSet units,
        Instant start, Instant end, Instant expiresAt) implements ReservationEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.reservation-made";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param reservation the reservation
     * @param pool the pool
     * @param holder the key account it is for
     * @param purpose an order or an SLA
     * @param reference the order's or SLA's reference
     * @param binding whether it binds the network centre (made against an SLA)
     * @param units the units reserved
     * @param start when their use starts
     * @param end when it ends
     * @param expiresAt until when unallocated units are held
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public ReservationMade {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(pool, "pool");
        Require.nonNull(holder, "holder");
        Require.nonNull(purpose, "purpose");
        Require.text(reference, "reference", Limits.NAME_LENGTH);
        Require.that(!Require.nonNull(units, "units").isEmpty(), "units", "must hold at least one unit");
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, holder.value(), null, "Reservation " + reservation + " of " + units.size() + " units " + units + " in pool " + pool + " for account " + holder + " (" + purpose + " " + reference + "), held until " + expiresAt);
    }
}
