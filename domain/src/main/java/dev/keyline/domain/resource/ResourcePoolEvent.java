package dev.keyline.domain.resource;

import dev.keyline.domain.common.DomainEvent;

/** An event raised by a {@link ResourcePool}. Its aggregate id is the pool's id. */
public sealed interface ResourcePoolEvent extends DomainEvent
        permits PoolOpened, UnitsAllocated, UnitsReleased, CapacityAdded, CapacityRetired, InvestmentRequested {

    /**
     * The pool concerned.
     *
     * @return its id
     */
    PoolId pool();
}
