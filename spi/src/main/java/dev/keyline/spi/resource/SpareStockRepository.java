package dev.keyline.spi.resource;

import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.spi.AggregateRepository;
import java.util.List;
import java.util.stream.Stream;

/**
 * The spare-part stocks (备品备件库存), one per part and depot, with their open reservations.
 * Saving follows {@link AggregateRepository}. Besides loading by id, the stocks of a depot are
 * read as a stream (for the monthly plan) and the stocks below their minimum level page by page
 * (for the daily check), so neither loads every stock at once.
 */
public interface SpareStockRepository extends AggregateRepository<SpareStock, SpareStockId> {

    /** The largest page {@link #belowMinimum(int)} and {@link #belowMinimumAfter(SpareStockId, int)} return: 1,000. */
    int MAX_PAGE = 1000;

    /**
     * The stocks of a depot.
     *
     * @param depot the depot
     * @return a stream ordered by stock id; close it after use
     */
    Stream<SpareStock> byDepot(DepotId depot);

    /**
     * The first page of the stocks whose available units (on hand less reserved) are under their
     * minimum level.
     *
     * @param limit the most stocks to return, 1 to {@link #MAX_PAGE}
     * @return up to {@code limit} stocks, ordered by stock id
     */
    List<SpareStock> belowMinimum(int limit);

    /**
     * The next page of the stocks below their minimum level: those with an id after {@code after}.
     *
     * @param after the last stock id of the page before
     * @param limit the most stocks to return, 1 to {@link #MAX_PAGE}
     * @return up to {@code limit} stocks with ids after {@code after}, ordered by stock id
     */
    List<SpareStock> belowMinimumAfter(SpareStockId after, int limit);
}
