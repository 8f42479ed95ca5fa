package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * The minimum level (最低库存) of a stock was set; type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param minimum the new minimum level, not negative
 * @param previousMinimum the level it replaced, not negative
 */
public record SpareMinimumSet(EventId eventId, Instant occurredAt, SpareStockId stock, long minimum, long previousMinimum) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-minimum-set";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param minimum the new minimum level, not negative
     * @param previousMinimum the level it replaced, not negative
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareMinimumSet {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(stock, "stock");
        Require.nonNegative(minimum, "minimum");
        Require.nonNegative(previousMinimum, "previousMinimum");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Minimum of " + stock.part() + " at " + stock.depot() + " set to " + minimum + " (was " + previousMinimum + ")").withOrganisationUnit(stock.depot().value());
    }
}
