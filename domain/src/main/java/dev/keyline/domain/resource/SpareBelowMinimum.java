package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The daily check found a spare-part (备品备件) stock's available units (on hand less reserved) under its minimum level; raised at most once per stock and day; type {@value #TYPE}. Addressed to the depot.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param stock the stock of the part in the depot
 * @param day the day of the check, in the host's time zone
 * @param available the units on hand and not reserved, not negative
 * @param minimum the minimum level, above {@code available}
 */
public record SpareBelowMinimum(EventId eventId, Instant occurredAt, SpareStockId stock, LocalDate day, long available, long minimum) implements SpareEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.spare-below-minimum";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param stock the stock of the part in the depot
     * @param day the day of the check, in the host's time zone
     * @param available the units on hand and not reserved, not negative
     * @param minimum the minimum level, above {@code available}
     * @throws InvalidArgumentException naming the component that is null or out of range
     */
    public SpareBelowMinimum {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(stock, "stock");
        Require.nonNull(day, "day");
        Require.nonNegative(available, "available");
        Require.that(minimum > available, "minimum", () -> "must be above available " + available + ", was " + minimum);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Below minimum: " + available + " of " + minimum + " x " + stock.part() + " at " + stock.depot()).withOrganisationUnit(stock.depot().value());
    }
}
