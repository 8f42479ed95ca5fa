package dev.keyline.domain.authority;

import dev.keyline.domain.common.DomainEvent;

/** An event raised by a {@link FloorPriceList} (底价). Its aggregate id is the list's id. */
public sealed interface FloorPriceListEvent extends DomainEvent permits FloorPriceSet {

    /** {@return the floor price list concerned} */
    FloorPriceListId list();
}
