package dev.keyline.spi;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * One event handed to a {@link NotificationSink}.
 *
 * @param eventId the stable event id; receivers de-duplicate by it
 * @param type the stable event type name
 * @param occurredAt when the event happened
 * @param aggregateId the aggregate it concerns
 * @param audience who should hear of it
 * @param payload the event as JSON
 * @param attempt the delivery attempt, 1 for the first
 */
public record Notification(EventId eventId, String type, Instant occurredAt, String aggregateId,
                           Audience audience, String payload, int attempt) {

    /**
     * Validates the notification.
     *
     * @param eventId the stable event id; receivers de-duplicate by it
     * @param type the stable event type name
     * @param occurredAt when the event happened
     * @param aggregateId the aggregate it concerns
     * @param audience who should hear of it
     * @param payload the event as JSON
     * @param attempt the delivery attempt, 1 for the first
     */
    public Notification {
        Require.nonNull(eventId, "eventId");
        Require.nonBlank(type, "type");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonBlank(aggregateId, "aggregateId");
        Require.nonNull(audience, "audience");
        Require.nonBlank(payload, "payload");
        Require.positive(attempt, "attempt");
    }

    /**
     * {@return the notification for an outbox message at the given attempt}
     *
     * @param message the message
     * @param attempt the attempt
     */
    public static Notification of(OutboxMessage message, int attempt) {
        Require.nonNull(message, "message");
        return new Notification(message.eventId(), message.type(), message.occurredAt(), message.aggregateId(),
                message.audience(), message.payload(), attempt);
    }
}
