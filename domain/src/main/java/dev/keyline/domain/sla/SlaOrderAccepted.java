package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order was accepted under an SLA in a service class; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param reference the order's reference
 * @param product the product
 * @param serviceClass the class
 * @param orderedOn the business date it was accepted
 * @param committedOn the date it is to be provisioned by
 * @param price its price
 * @param acceptedBy who placed it
 */
public record SlaOrderAccepted(EventId eventId, Instant occurredAt, SlaId sla, String reference, ProductCode product, ServiceClass serviceClass, LocalDate orderedOn, LocalDate committedOn, Money price, UserId acceptedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.order-accepted";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param reference the order's reference
     * @param product the product
     * @param serviceClass the class
     * @param orderedOn the business date it was accepted
     * @param committedOn the date it is to be provisioned by
     * @param price its price
     * @param acceptedBy who placed it
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaOrderAccepted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        dev.keyline.domain.common.Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(orderedOn, "orderedOn");
        Require.nonNull(committedOn, "committedOn");
        Require.nonNull(price, "price");
        Require.nonNull(acceptedBy, "acceptedBy");
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
        return Audience.of("Order " + reference + " of " + product + " in class " + serviceClass + " under SLA " + sla + ", due " + committedOn).withRole("NETWORK_CENTRE_MANAGER");
    }
}
