package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link Reservation}.
 *
 * @param value the id text
 */
public record ReservationId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code reservationId} when the text is not a valid identifier
     */
    public ReservationId {
        Identifier.check(value, "reservationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
