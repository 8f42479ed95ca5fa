package dev.keyline.memory.authority;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.spi.authority.FloorPriceListRepository;

/** The floor price lists of an {@link InMemoryStorage}, each with its full history of settings. */
final class InMemoryFloorPriceListRepository
        extends InMemoryAggregateRepository<FloorPriceList, FloorPriceListId, FloorPriceListSnapshot>
        implements FloorPriceListRepository {

    InMemoryFloorPriceListRepository(InMemoryStorage storage) {
        super(storage, "floor price list", FloorPriceListSnapshot.class, FloorPriceList::snapshot, FloorPriceList::restore);
    }
}
