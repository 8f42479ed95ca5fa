package dev.keyline.kafka;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.OutboxMessage;
import java.time.Instant;

/** Outbox messages for the tests: a sequence number per aggregate in the payload, so order can be checked. */
final class OutboxEvents {

    private OutboxEvents() {
    }

    /** An event of the given type for an aggregate, its payload naming the aggregate and its sequence. */
    static OutboxMessage event(String type, String aggregateId, int sequence) {
        return event(type, aggregateId, sequence, "");
    }

    /** As {@link #event(String, String, int)}, with a padding text in the payload to make it large. */
    static OutboxMessage event(String type, String aggregateId, int sequence, String padding) {
        String payload = "{\"aggregate\":\"" + aggregateId + "\",\"sequence\":" + sequence
                + (padding.isEmpty() ? "" : ",\"padding\":\"" + padding + "\"") + "}";
        return new OutboxMessage(EventId.random(), aggregateId, type, Instant.now(),
                Audience.of("test event " + sequence + " of " + aggregateId), payload);
    }

    /** The sequence number an envelope's payload carries. */
    static int sequenceOf(String envelope) {
        int at = envelope.indexOf("\"sequence\":") + "\"sequence\":".length();
        int end = at;
        while (end < envelope.length() && Character.isDigit(envelope.charAt(end))) {
            end++;
        }
        return Integer.parseInt(envelope.substring(at, end));
    }
}
