package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * Spare parts were scrapped (报废), from on hand or from repair; type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param quantity how many units, above zero
 * @param from where they were taken from
 * @param reason why they were scrapped
 */
public record SpareScrapped(EventId eventId, Instant occurredAt, SpareStockId stock, long quantity, SpareScrapSource from, String reason) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-scrapped";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param quantity how many units, above zero
     * @param from where they were taken from
     * @param reason why they were scrapped
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareScrapped {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(stock, "stock");
        Require.positive(quantity, "quantity");
        Require.nonNull(from, "from");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Scrapped " + quantity + " x " + stock.part() + " at " + stock.depot() + " (" + from + ")").withOrganisationUnit(stock.depot().value());
    }
}
