package dev.keyline.domain.common;

import java.util.UUID;

/**
 * The stable identity of one domain event; receivers de-duplicate by it.
 *
 * @param value the UUID
 */
public record EventId(UUID value) {

    /**
     * Validates the id.
     *
     * @param value the UUID
     */
    public EventId {
        Require.nonNull(value, "value");
    }

    /**
     * A fresh random id: a version 4 UUID whose 122 random bits come from a cryptographically strong
     * generator (the JDK's NIST SP 800-90A {@code DRBG}, one per JVM), drawn ahead into a small
     * buffer per thread, which makes an id several times cheaper than {@link UUID#randomUUID()}.
     *
     * @return the id
     */
    public static EventId random() {
        return new EventId(RandomUuids.next());
    }

    /**
     * Parses the canonical UUID text form.
     *
     * @param text the text
     * @return the id the text names
     */
    public static EventId parse(String text) {
        Require.nonBlank(text, "eventId");
        try {
            return new EventId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("eventId", "not a UUID: '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
