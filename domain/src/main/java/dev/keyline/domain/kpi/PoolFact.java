package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;

/**
 * A resource pool's capacity and allocated units at the end of a period, as resource utilisation
 * sees it.
 *
 * @param id the pool's id, 1 to {@value Limits#ID_LENGTH} characters
 * @param capacity the units the pool holds, not negative
 * @param allocated the units allocated, 0 to {@code capacity}
 */
public record PoolFact(String id, long capacity, long allocated) {

    /**
     * Validates the fact.
     *
     * @param id the pool's id, 1 to {@value Limits#ID_LENGTH} characters
     * @param capacity the units the pool holds, not negative
     * @param allocated the units allocated, 0 to {@code capacity}
     * @throws InvalidArgumentException when the id is null, blank or too long, or the units are
     *     negative or allocated exceeds capacity
     */
    public PoolFact {
        Require.text(id, "id", Limits.ID_LENGTH);
        Require.nonNegative(capacity, "capacity");
        Require.nonNegative(allocated, "allocated");
        Require.that(allocated <= capacity, "allocated", () -> "must not exceed capacity " + capacity + ", was " + allocated);
    }
}
