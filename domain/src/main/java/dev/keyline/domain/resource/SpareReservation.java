package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * Units of a {@link SpareStock} of spare parts (备品备件) held for one fault ticket or order.
 *
 * @param ref what they are held for
 * @param quantity how many, above zero
 */
public record SpareReservation(SpareReservationRef ref, long quantity) {

    /**
     * Validates the reservation.
     *
     * @param ref what they are held for
     * @param quantity how many, above zero
     * @throws InvalidArgumentException when {@code ref} is null or {@code quantity} is not above zero
     */
    public SpareReservation {
        Require.nonNull(ref, "ref");
        Require.positive(quantity, "quantity");
    }
}
