package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * A binding reservation was made against an SLA; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param reference the reservation's reference in the resources area
 * @param product the product
 * @param units how many units
 */
public record SlaReservationMade(EventId eventId, Instant occurredAt, SlaId sla, String reference, ProductCode product, int units) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.reservation-made";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param reference the reservation's reference in the resources area
     * @param product the product
     * @param units how many units
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaReservationMade {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        dev.keyline.domain.common.Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNegative(units, "units");
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
        return Audience.of("Binding reservation " + reference + " of " + units + " " + product + " under SLA " + sla).withRole("NETWORK_CENTRE_MANAGER");
    }
}
