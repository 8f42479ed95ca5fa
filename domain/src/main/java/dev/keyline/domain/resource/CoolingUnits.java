package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * Released units waiting out the pool's cool-down before they are given to anyone again.
 *
 * @param allocation the allocation they were released from
 * @param units the units; never empty
 * @param until when they become free again
 */
public record CoolingUnits(AllocationId allocation, UnitSet units, Instant until) {

    /**
     * Validates the holding.
     *
     * @param allocation the allocation they were released from
     * @param units the units; never empty
     * @param until when they become free again
     * @throws InvalidArgumentException naming the component that is null, or {@code units} when it is empty
     */
    public CoolingUnits {
        Require.nonNull(allocation, "allocation");
        Require.nonNull(units, "units");
        Require.that(!units.isEmpty(), "units", "must hold at least one unit");
        Require.nonNull(until, "until");
    }

    /**
     * Whether the units are free again at an instant.
     *
     * @param at the instant
     * @return true when {@code at} is not before {@link #until()}
     * @throws InvalidArgumentException when {@code at} is null
     */
    public boolean isOverAt(Instant at) {
        return !Require.nonNull(at, "at").isBefore(until);
    }
}
