package dev.keyline.memory;

import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.spi.account.FloorPriceListRepository;

/** The floor price lists of an {@link InMemoryStorage}, each with its full history of settings. */
final class InMemoryFloorPriceListRepository
        extends InMemoryAggregateRepository<FloorPriceList, FloorPriceListId, FloorPriceListSnapshot>
        implements FloorPriceListRepository {

    InMemoryFloorPriceListRepository(InMemoryStorage storage) {
        super(storage, "floor price list", FloorPriceListSnapshot.class);
    }

    @Override
    protected FloorPriceListSnapshot snapshotOf(FloorPriceList aggregate) {
        return aggregate.snapshot();
    }

    @Override
    protected FloorPriceList restore(FloorPriceListSnapshot snapshot) {
        return FloorPriceList.restore(snapshot);
    }
}
