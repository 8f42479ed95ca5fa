package dev.keyline.domain.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link ResourcePool}. Built by {@link ResourcePool#snapshot()} or by a
 * storage provider from its rows; it is not validated here,
 * {@link ResourcePool#restore(ResourcePoolSnapshot)} does that.
 *
 * @param id the pool's id
 * @param version the stored version
 * @param resourceType what its units are
 * @param location where they are
 * @param coolDown how long released units rest before reuse; zero for none
 * @param unitCount the highest unit number ever put into service (units are numbered 1 to it)
 * @param retired the units taken out of service
 * @param reservations the units reserved for each open reservation
 * @param allocations the allocations
 * @param cooling the released units still resting (and possibly some whose rest is over)
 * @param lastMovement the latest entry of the movement log (the log itself is kept by the
 *     repository, append-only)
 */
public record ResourcePoolSnapshot(PoolId id, long version, ResourceType resourceType, PoolLocation location,
        Duration coolDown, long unitCount, UnitSet retired, List<ReservedUnits> reservations,
        List<Allocation> allocations, List<CoolingUnits> cooling, PoolMovement lastMovement) {

    /**
     * Copies the lists into unmodifiable lists (keeping any null, for restore to reject).
     *
     * @param id the pool's id
     * @param version the stored version
     * @param resourceType what its units are
     * @param location where they are
     * @param coolDown how long released units rest before reuse; zero for none
     * @param unitCount the highest unit number ever put into service (units are numbered 1 to it)
     * @param retired the units taken out of service
     * @param reservations the units reserved for each open reservation
     * @param allocations the allocations
     * @param cooling the released units still resting (and possibly some whose rest is over)
     * @param lastMovement the latest entry of the movement log (the log itself is kept by the repository, append-only)
     */
    public ResourcePoolSnapshot {
        reservations = reservations == null ? null : Collections.unmodifiableList(new ArrayList<>(reservations));
        allocations = allocations == null ? null : Collections.unmodifiableList(new ArrayList<>(allocations));
        cooling = cooling == null ? null : Collections.unmodifiableList(new ArrayList<>(cooling));
    }
}
