package dev.keyline.memory.resource;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareReservation;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.resource.SpareStockRepository;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The spare-part stocks of an {@link InMemoryStorage}, each with its reservations. */
final class InMemorySpareStockRepository extends InMemoryAggregateRepository<SpareStock, SpareStockId, SpareStockSnapshot>
        implements SpareStockRepository {

    private static final Comparator<SpareStockSnapshot> BY_ID = Comparator.comparing(s -> s.id().value());

    InMemorySpareStockRepository(InMemoryStorage storage) {
        super(storage, "spare stock", SpareStockSnapshot.class, SpareStock::snapshot, SpareStock::restore);
    }

    @Override
    public Stream<SpareStock> byDepot(DepotId depot) {
        Require.nonNull(depot, "depot");
        return table().scan(s -> s.id().depot().equals(depot)).sorted(BY_ID).map(this::restore);
    }

    @Override
    public List<SpareStock> belowMinimum(int limit) {
        checkLimit(limit);
        return page(s -> true, limit);
    }

    @Override
    public List<SpareStock> belowMinimumAfter(SpareStockId after, int limit) {
        Require.nonNull(after, "after");
        checkLimit(limit);
        return page(s -> s.id().value().compareTo(after.value()) > 0, limit);
    }

    private List<SpareStock> page(Predicate<SpareStockSnapshot> from, int limit) {
        return table().scan(from.and(InMemorySpareStockRepository::isBelowMinimum)).sorted(BY_ID).limit(limit)
                .map(this::restore).toList();
    }

    private static boolean isBelowMinimum(SpareStockSnapshot s) {
        long reserved = s.reservations().stream().mapToLong(SpareReservation::quantity).sum();
        return s.onHand() - reserved < s.minimum();
    }

    private static void checkLimit(int limit) {
        Require.that(limit >= 1 && limit <= MAX_PAGE, "limit", () -> "must lie in 1 to " + MAX_PAGE + ", was " + limit);
    }
}
