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
 * A reservation asked for more units than the pool had available; it was recorded rejected and the pool did not change; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param reservation the reservation
 * @param pool the pool
 * @param holder the key account it is for
 * @param purpose an order or an SLA
 * @param reference the order's or SLA's reference
 * @param requested the units asked for
 * @param available the units available
 * @param reason why it was rejected
 */
public record ReservationRejected(EventId eventId, Instant occurredAt, ReservationId reservation, PoolId pool,
        AccountId holder, ReservationPurpose purpose, String reference, long requested, long available,
        String reason) implements ReservationEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.reservation-rejected";

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
     * @param requested the units asked for
     * @param available the units available
     * @param reason why it was rejected
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public ReservationRejected {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(pool, "pool");
        Require.nonNull(holder, "holder");
        Require.nonNull(purpose, "purpose");
        Require.text(reference, "reference", Limits.NAME_LENGTH);
        Require.positive(requested, "requested");
        Require.nonNegative(available, "available");
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
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, holder.value(), null, "Reservation " + reservation + " of " + requested + " units in pool " + pool + " for account " + holder + " rejected: " + reason);
    }
}
