package dev.keyline.domain.budget.archfixture;

import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.spi.resource.ResourcePoolRepository;

/**
 * A deliberate violation, kept in test sources only: a budget class that adds a project's capacity
 * to a pool by loading the resource area's aggregate from its storage, instead of announcing it in
 * an event the resources area follows (its PoolId is allowed).
 */
public final class PlantedBudgetReachingIntoResource {

    private PlantedBudgetReachingIntoResource() {
    }

    /** Adds units to a pool straight from the budget area. */
    static long addUnits(ResourcePoolRepository pools, PoolId id, long units) {
        ResourcePool pool = pools.get(id);
        return pool.addCapacity(units, "accepted", pool.lastMovement().at()).size();
    }
}
