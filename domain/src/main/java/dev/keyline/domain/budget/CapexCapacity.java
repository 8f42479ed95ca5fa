package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * Capacity a {@link CapexProject} builds for one resource pool: the pool's id as the resources
 * area gives it, the resource type's code and the number of units.
 *
 * @param pool the pool's id
 * @param resourceType the code of the resource type the pool holds
 * @param units how many units; above zero
 */
public record CapexCapacity(String pool, String resourceType, long units) {

    /**
     * Validates the capacity.
     *
     * @param pool the pool's id
     * @param resourceType the code of the resource type the pool holds
     * @param units how many units; above zero
     * @throws InvalidArgumentException naming {@code pool} or {@code resourceType} when it is not a
     *     valid identifier, or {@code units} when it is not above zero
     */
    public CapexCapacity {
        Identifier.check(pool, "pool");
        Identifier.check(resourceType, "resourceType");
        Require.positive(units, "units");
    }

    @Override
    public String toString() {
        return units + " " + resourceType + " in pool " + pool;
    }
}
