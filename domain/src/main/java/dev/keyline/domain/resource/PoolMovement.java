package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * One entry of a pool's movement log, written whenever its capacity, reserved or allocated units
 * change: the counts in force from {@code at} until the next entry. The log is append-only and
 * feeds {@link Utilisation}.
 *
 * @param sequence the entry's number in the pool's log, from 1
 * @param at when the counts took effect
 * @param capacity the units in service
 * @param reserved the units reserved for open reservations
 * @param allocated the units allocated
 */
public record PoolMovement(long sequence, Instant at, long capacity, long reserved, long allocated) {

    /**
     * Validates the entry.
     *
     * @param sequence the entry's number in the pool's log, from 1
     * @param at when the counts took effect
     * @param capacity the units in service
     * @param reserved the units reserved for open reservations
     * @param allocated the units allocated
     * @throws InvalidArgumentException naming the component that is null or negative, or
     *     {@code allocated} when reserved and allocated exceed the capacity
     */
    public PoolMovement {
        Require.positive(sequence, "sequence");
        Require.nonNull(at, "at");
        Require.nonNegative(capacity, "capacity");
        Require.nonNegative(reserved, "reserved");
        Require.nonNegative(allocated, "allocated");
        Require.that(reserved + allocated <= capacity, "allocated", () -> "reserved " + reserved + " and allocated "
                + allocated + " must not exceed the capacity " + capacity);
    }
}
