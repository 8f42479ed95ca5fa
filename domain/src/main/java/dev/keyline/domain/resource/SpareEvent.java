package dev.keyline.domain.resource;

import dev.keyline.domain.common.DomainEvent;

/**
 * An event raised by a {@link SpareStock} (备品备件); its aggregate id is the stock's id and its
 * type is {@code resource.spare-<what>}.
 */
public sealed interface SpareEvent extends DomainEvent permits SpareReceived, SpareReserved,
        SpareReservationReleased, SpareIssued, SpareReturned, SpareRepaired, SpareScrapped, SpareMinimumSet,
        SpareBelowMinimum {

    /** {@return the stock concerned} */
    SpareStockId stock();

    @Override
    default String aggregateId() {
        return stock().value();
    }
}
