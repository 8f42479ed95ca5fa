package dev.keyline.spi;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * One event as written to the outbox: its identity, routing data and JSON payload.
 *
 * @param eventId the stable event id
 * @param aggregateId the aggregate the event concerns; delivery is in order per aggregate
 * @param type the stable event type name
 * @param occurredAt when the event happened
 * @param audience who should hear of it
 * @param payload the event as JSON (the Jackson module's form)
 */
public record OutboxMessage(EventId eventId, String aggregateId, String type, Instant occurredAt,
                            Audience audience, String payload) {

    /**
     * Validates the message.
     *
     * @param eventId the stable event id
     * @param aggregateId the aggregate the event concerns; delivery is in order per aggregate
     * @param type the stable event type name
     * @param occurredAt when the event happened
     * @param audience who should hear of it
     * @param payload the event as JSON (the Jackson module's form)
     */
    public OutboxMessage {
        Require.nonNull(eventId, "eventId");
        Require.nonBlank(aggregateId, "aggregateId");
        Require.nonBlank(type, "type");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(audience, "audience");
        Require.nonBlank(payload, "payload");
    }
}
