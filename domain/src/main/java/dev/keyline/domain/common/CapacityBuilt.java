package dev.keyline.domain.common;

import java.util.List;

/**
 * An event that announces capacity built for resource pools, as the kernel states it so that the
 * area building it and the area holding the pools meet without naming each other: the pools by
 * their id text, the resource type by its code, the units and the reason. The resources area adds
 * the units to its pools when such an event commits; the building area (CAPEX projects at their
 * acceptance) implements it on its own event.
 */
public interface CapacityBuilt extends DomainEvent {

    /**
     * The capacity built, per pool.
     *
     * @return the pools' new units; never empty for an event that builds something
     */
    List<PoolUnits> capacityBuilt();

    /**
     * Why the units are added, recorded with them in the pool.
     *
     * @return the reason; not blank
     */
    String capacityReason();

    /**
     * New units for one pool.
     *
     * @param pool the pool's id text, as the resources area gives it
     * @param resourceType the code of the resource type the units are of
     * @param units how many; above zero
     */
    record PoolUnits(String pool, String resourceType, long units) {

        /**
         * Validates the units.
         *
         * @param pool the pool
         * @param resourceType the resource type
         * @param units the number of units
         * @throws InvalidArgumentException naming {@code pool} or {@code resourceType} when it is not a
         *     valid identifier, or {@code units} when it is not above zero
         */
        public PoolUnits {
            Identifier.check(pool, "pool");
            Identifier.check(resourceType, "resourceType");
            Require.positive(units, "units");
        }
    }
}
