package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A service class of an SLA has used the configured share of its limit for a product; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param product the product
 * @param serviceClass the class
 * @param windowStart the first month of the window the limit counts over
 * @param windowEnd its last month
 * @param used orders of the class in the window, this one included
 * @param limit the class's limit
 */
public record ServiceClassLimitNearlyReached(EventId eventId, Instant occurredAt, SlaId sla, ProductCode product, ServiceClass serviceClass, YearMonth windowStart, YearMonth windowEnd, int used, int limit) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.class-limit-nearly-reached";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param product the product
     * @param serviceClass the class
     * @param windowStart the first month of the window the limit counts over
     * @param windowEnd its last month
     * @param used orders of the class in the window, this one included
     * @param limit the class's limit
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public ServiceClassLimitNearlyReached {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(product, "product");
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(windowStart, "windowStart");
        Require.nonNull(windowEnd, "windowEnd");
        Require.nonNegative(used, "used");
        Require.nonNegative(limit, "limit");
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
        return Audience.of("SLA " + sla + ": class " + serviceClass + " of " + product + " has used " + used + " of " + limit + " for " + windowStart + ".." + windowEnd).withRole("MARKETING_MANAGER");
    }
}
