package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * Repaired spare parts came back on hand (修复); type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param quantity how many units, above zero
 */
public record SpareRepaired(EventId eventId, Instant occurredAt, SpareStockId stock, long quantity) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-repaired";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param quantity how many units, above zero
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareRepaired {
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
        return Audience.of("Repaired " + quantity + " x " + stock.part() + " at " + stock.depot()).withOrganisationUnit(stock.depot().value());
    }
}
