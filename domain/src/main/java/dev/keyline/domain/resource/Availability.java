package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * What a pool could give at an instant: {@code available = capacity − reserved − allocated − cooling}.
 *
 * @param capacity the units in service
 * @param reserved the units reserved for open reservations
 * @param allocated the units allocated
 * @param cooling the released units still in their cool-down
 * @param available the units that may be reserved or allocated now
 */
public record Availability(long capacity, long reserved, long allocated, long cooling, long available) {

    /**
     * Validates the figures.
     *
     * @param capacity the units in service
     * @param reserved the units reserved for open reservations
     * @param allocated the units allocated
     * @param cooling the released units still in their cool-down
     * @param available the units that may be reserved or allocated now
     * @throws InvalidArgumentException naming a negative figure, or {@code available} when the
     *     figures do not add up
     */
    public Availability {
        Require.nonNegative(capacity, "capacity");
        Require.nonNegative(reserved, "reserved");
        Require.nonNegative(allocated, "allocated");
        Require.nonNegative(cooling, "cooling");
        Require.nonNegative(available, "available");
        Require.that(available == capacity - reserved - allocated - cooling, "available", () -> "must be capacity "
                + capacity + " − reserved " + reserved + " − allocated " + allocated + " − cooling " + cooling
                + ", was " + available);
    }

    /**
     * Whether {@code units} could be reserved or allocated now.
     *
     * @param units how many
     * @return true when at most {@link #available()}
     */
    public boolean covers(long units) {
        return units <= available;
    }
}
