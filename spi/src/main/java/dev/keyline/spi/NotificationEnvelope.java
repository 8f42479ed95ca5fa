package dev.keyline.spi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.Require;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON envelope every sink that ships notifications as JSON sends (the webhook's request body,
 * the value of a Kafka record), so a receiver reads one form whatever the transport:
 * <pre>{@code
 * {"eventId":"0b6f…","type":"account.churn-warning-raised","occurredAt":"2025-03-01T08:00:00Z",
 *  "aggregateId":"KA-0042","attempt":1,
 *  "audience":{"role":"ACCOUNT_MANAGER","organisationUnit":"GZ","accountId":"KA-0042",
 *              "stationId":null,"subject":"Churn warning for KA-0042"},
 *  "payload":{ …the event's own JSON, embedded verbatim as a value… }}
 * }</pre>
 * The payload is checked to be one valid JSON value, then embedded as it is.
 */
public final class NotificationEnvelope {

    private static final ObjectMapper PAYLOAD_READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonFactory JSON = new JsonFactory();

    private NotificationEnvelope() {
    }

    /**
     * {@return the envelope of a notification as UTF-8 JSON}
     *
     * @param notification the notification
     * @throws PermanentDeliveryException when the payload is not one valid JSON value, since
     *         sending it again cannot help
     */
    public static byte[] toJson(Notification notification) throws PermanentDeliveryException {
        Require.nonNull(notification, "notification");
        try {
            PAYLOAD_READER.readTree(notification.payload());
        } catch (JsonProcessingException e) {
            throw new PermanentDeliveryException("the payload of event " + notification.eventId()
                    + " is not one valid JSON value: " + e.getOriginalMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + notification.payload().length());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            Audience audience = notification.audience();
            json.writeStartObject();
            json.writeStringField("eventId", notification.eventId().toString());
            json.writeStringField("type", notification.type());
            json.writeStringField("occurredAt", notification.occurredAt().toString());
            json.writeStringField("aggregateId", notification.aggregateId());
            json.writeNumberField("attempt", notification.attempt());
            json.writeObjectFieldStart("audience");
            json.writeStringField("role", audience.role());
            json.writeStringField("organisationUnit", audience.organisationUnit());
            json.writeStringField("accountId", audience.accountId());
            json.writeStringField("stationId", audience.stationId());
            json.writeStringField("subject", audience.subject());
            json.writeEndObject();
            json.writeFieldName("payload");
            json.writeRawValue(notification.payload().strip());
            json.writeEndObject();
        } catch (IOException e) {
            // writing to memory does not fail
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
