package dev.keyline.spi.authority;

import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.spi.AggregateRepository;

/**
 * The floor price lists (底价) set by financial managers, each with the full history of its
 * settings. Saving follows {@link AggregateRepository}; the history is saved with the list.
 * Lists are loaded by id (typically the local network's code), so no other query is needed.
 */
public interface FloorPriceListRepository extends AggregateRepository<FloorPriceList, FloorPriceListId> {
}
