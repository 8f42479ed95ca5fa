package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * What spare parts are reserved for: the id of a fault ticket or of an order, as the host names
 * it (for example {@code FT-2026-0042}). Parts reserved under a reference are issued or released
 * under the same reference.
 *
 * @param value the reference text
 */
public record SpareReservationRef(String value) implements Identifier {

    /**
     * Validates the reference.
     *
     * @param value the reference text
     * @throws InvalidArgumentException naming {@code reservation} when the text is not a valid identifier
     */
    public SpareReservationRef {
        Identifier.check(value, "reservation");
    }

    @Override
    public String toString() {
        return value;
    }
}
