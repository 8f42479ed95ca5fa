package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The network centre reported an order under an SLA completed (completion feedback); type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param reference the order's reference
 * @param product the product
 * @param committedOn the date it was due
 * @param completedOn the date it was completed
 * @param onTime whether it was completed by its committed date
 * @param reportedBy who reported it
 */
public record SlaOrderCompleted(EventId eventId, Instant occurredAt, SlaId sla, String reference, ProductCode product, LocalDate committedOn, LocalDate completedOn, boolean onTime, UserId reportedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.order-completed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param reference the order's reference
     * @param product the product
     * @param committedOn the date it was due
     * @param completedOn the date it was completed
     * @param onTime whether it was completed by its committed date
     * @param reportedBy who reported it
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaOrderCompleted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        dev.keyline.domain.common.Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(committedOn, "committedOn");
        Require.nonNull(completedOn, "completedOn");
        Require.nonNull(reportedBy, "reportedBy");
    }

    @Override
    public String aggregateId() {
        return sla.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Order " + reference + " of " + product + " under SLA " + sla + " completed " + completedOn + (onTime ? " on time" : " late (due " + committedOn + ")")).withRole("MARKETING_MANAGER");
    }
}
