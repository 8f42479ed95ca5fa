package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An SLA's evaluation found a product's forecast deviation beyond the threshold; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param department the marketing department whose forecast it was
 * @param product the product
 * @param agreedTotal the agreed volume over the period
 * @param actualTotal the orders accepted over the period
 * @param accuracy the forecast accuracy, 0 to 1
 * @param threshold the largest deviation (1 − accuracy) tolerated
 * @param evaluatedBy who evaluated the SLA
 */
public record ForecastDeviationExceeded(EventId eventId, Instant occurredAt, SlaId sla, MarketingDepartment department, ProductCode product, int agreedTotal, int actualTotal, BigDecimal accuracy, BigDecimal threshold, UserId evaluatedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.forecast-deviation-exceeded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param department the marketing department whose forecast it was
     * @param product the product
     * @param agreedTotal the agreed volume over the period
     * @param actualTotal the orders accepted over the period
     * @param accuracy the forecast accuracy, 0 to 1
     * @param threshold the largest deviation (1 − accuracy) tolerated
     * @param evaluatedBy who evaluated the SLA
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public ForecastDeviationExceeded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(department, "department");
        Require.nonNull(product, "product");
        Require.nonNegative(agreedTotal, "agreedTotal");
        Require.nonNegative(actualTotal, "actualTotal");
        Require.nonNull(accuracy, "accuracy");
        Require.nonNull(threshold, "threshold");
        Require.nonNull(evaluatedBy, "evaluatedBy");
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
        return Audience.of("SLA " + sla + ": forecast accuracy of " + product + " for " + department + " is " + accuracy.toPlainString() + ", deviation beyond " + threshold.toPlainString()).withRole("MARKETING_MANAGER");
    }
}
