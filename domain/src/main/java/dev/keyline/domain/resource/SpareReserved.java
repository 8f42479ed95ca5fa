package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * Spare parts on hand were reserved for a fault ticket or order (预留); type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param quantity how many units, above zero
 * @param reservation what they are reserved for
 */
public record SpareReserved(EventId eventId, Instant occurredAt, SpareStockId stock, long quantity, SpareReservationRef reservation) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-reserved";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param quantity how many units, above zero
     * @param reservation what they are reserved for
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareReserved {
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
        return Audience.of("Reserved " + quantity + " x " + stock.part() + " at " + stock.depot() + " for " + reservation).withOrganisationUnit(stock.depot().value());
    }
}
