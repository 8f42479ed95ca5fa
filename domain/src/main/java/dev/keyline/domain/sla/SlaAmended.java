package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * An SLA's agreed volumes of a product were amended; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param number the amendment's number, from 1
 * @param product the product
 * @param effectiveFrom the first month that may differ
 * @param monthlyVolumes the product's volumes for every month of the period after the amendment
 * @param reason why
 * @param requestedBy who asked for it
 * @param approvedBy who approved it
 * @param amendmentsLeft how many more amendments the SLA permits in its period
 */
public record SlaAmended(EventId eventId, Instant occurredAt, SlaId sla, int number, ProductCode product, YearMonth effectiveFrom, List<Integer> monthlyVolumes, String reason, UserId requestedBy, UserId approvedBy, int amendmentsLeft) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.amended";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param number the amendment's number, from 1
     * @param product the product
     * @param effectiveFrom the first month that may differ
     * @param monthlyVolumes the product's volumes for every month of the period after the amendment
     * @param reason why
     * @param requestedBy who asked for it
     * @param approvedBy who approved it
     * @param amendmentsLeft how many more amendments the SLA permits in its period
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaAmended {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNegative(number, "number");
        Require.nonNull(product, "product");
        Require.nonNull(effectiveFrom, "effectiveFrom");
        monthlyVolumes = Require.nonNullElements(monthlyVolumes, "monthlyVolumes");
        Require.text(reason, "reason");
        Require.nonNull(requestedBy, "requestedBy");
        Require.nonNull(approvedBy, "approvedBy");
        Require.nonNegative(amendmentsLeft, "amendmentsLeft");
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
        return Audience.of("SLA " + sla + " amendment " + number + ": " + product + " volumes from " + effectiveFrom + ": " + reason).withRole("NETWORK_CENTRE_MANAGER");
    }
}
