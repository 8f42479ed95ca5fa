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

    /** {@return a fresh random id} */
    public static EventId random() {
        return new EventId(UUID.randomUUID());
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
