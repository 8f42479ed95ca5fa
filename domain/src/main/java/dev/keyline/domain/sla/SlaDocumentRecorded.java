package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A document of an SLA's information flow was recorded; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param kind what it is
 * @param reference the document's reference
 * @param product the product it concerns
 * @param sender the party that sent it
 * @param text what it says
 * @param recordedBy who sent it
 */
public record SlaDocumentRecorded(EventId eventId, Instant occurredAt, SlaId sla, SlaDocumentKind kind, String reference, ProductCode product, SlaParty sender, String text, UserId recordedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.document-recorded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param kind what it is
     * @param reference the document's reference
     * @param product the product it concerns
     * @param sender the party that sent it
     * @param text what it says
     * @param recordedBy who sent it
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaDocumentRecorded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(kind, "kind");
        dev.keyline.domain.common.Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(sender, "sender");
        Require.text(text, "text");
        Require.nonNull(recordedBy, "recordedBy");
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
        return Audience.of("SLA " + sla + " " + kind + " " + reference + " of " + product + " from " + sender);
    }
}
