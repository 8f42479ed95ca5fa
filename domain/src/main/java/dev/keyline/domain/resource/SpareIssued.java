package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * Spare parts left the depot for use (出库): from a reservation or directly from what is available; type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param quantity how many units, above zero
 * @param reservation the reservation they were issued from, or null when issued directly
 */
public record SpareIssued(EventId eventId, Instant occurredAt, SpareStockId stock, long quantity, SpareReservationRef reservation) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-issued";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param quantity how many units, above zero
     * @param reservation the reservation they were issued from, or null when issued directly
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareIssued {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(stock, "stock");
        Require.positive(quantity, "quantity");
    }

    /**
     * The reservation the units were issued from.
     *
     * @return the reservation, or empty when they were issued directly
     */
    public Optional<SpareReservationRef> fromReservation() {
        return Optional.ofNullable(reservation);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Issued " + quantity + " x " + stock.part() + " at " + stock.depot() + (reservation == null ? "" : " for " + reservation)).withOrganisationUnit(stock.depot().value());
    }
}
