package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * Reserved spare parts were released unused and are available again; type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param quantity how many units, above zero
 * @param reservation what they had been reserved for
 */
public record SpareReservationReleased(EventId eventId, Instant occurredAt, SpareStockId stock, long quantity, SpareReservationRef reservation) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-reservation-released";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param quantity how many units, above zero
     * @param reservation what they had been reserved for
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareReservationReleased {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(stock, "stock");
        Require.positive(quantity, "quantity");
        Require.nonNull(reservation, "reservation");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Released " + quantity + " x " + stock.part() + " at " + stock.depot() + " reserved for " + reservation).withOrganisationUnit(stock.depot().value());
    }
}
