package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * Spare parts came back to the depot (退库): unused ones back on hand, faulty ones to repair; type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param quantity how many units, above zero
 * @param faulty true when they are faulty and go to repair, false when unused and back on hand
 */
public record SpareReturned(EventId eventId, Instant occurredAt, SpareStockId stock, long quantity, boolean faulty) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-returned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param quantity how many units, above zero
     * @param faulty true when they are faulty and go to repair, false when unused and back on hand
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareReturned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(stock, "stock");
        Require.positive(quantity, "quantity");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Returned " + quantity + (faulty ? " faulty" : " unused") + " x " + stock.part() + " at " + stock.depot()).withOrganisationUnit(stock.depot().value());
    }
}
