package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareGenerators;
import dev.keyline.domain.resource.SparePartNumber;
import dev.keyline.domain.resource.SpareReservation;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.SpareStockRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link SpareStockRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real stocks, round trips of every reachable stock with
 * its reservations, a depot's stocks in id order, and the below-minimum pages the daily check
 * reads. A provider runs it through {@link SparePartsContract}, or this class directly with
 * {@link #newStorage()}.
 */
public abstract class SpareStockRepositoryContract
        extends AggregateRepositoryContract<SpareStock, SpareStockId, SpareStockSnapshot> {

    /** When the hand-made stocks change. */
    protected static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static final AtomicLong COUNTER = new AtomicLong();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** A depot code no other test uses, so a depot holds only what its test put there. */
    protected static DepotId freshDepot() {
        return new DepotId(String.format("DEP%08d", COUNTER.incrementAndGet()));
    }

    /** The stock of a part in a depot. */
    protected static SpareStockId stock(DepotId depot, String part) {
        return SpareStockId.of(depot, new SparePartNumber(part));
    }

    @Override
    protected AggregateRepository<SpareStock, SpareStockId> repository(StorageProvider storage) {
        return storage.port(SpareStockRepository.class);
    }

    private SpareStockRepository stocks() {
        return storage.port(SpareStockRepository.class);
    }

    @Override
    protected SpareStockId newId() {
        return stock(freshDepot(), "OPT-10G");
    }

    /** Five units on hand, two of them reserved for FT-1, one under repair, minimum 4: below it by one. */
    @Override
    protected SpareStock newAggregate(SpareStockId id) {
        SpareStock stock = SpareStock.create(id);
        stock.receive(5, T0);
        stock.reserve(new SpareReservationRef("FT-1"), 2, T0);
        stock.returnFaulty(1, T0);
        stock.setMinimum(4, T0);
        return stock;
    }

    /** Receives one more unit and reserves it for another reference. */
    @Override
    protected void change(SpareStock stock) {
        stock.receive(1, T0);
        stock.reserve(new SpareReservationRef("ORD-" + stock.version()), 1, T0);
    }

    @Override
    protected SpareStockSnapshot snapshot(SpareStock stock) {
        return stock.snapshot();
    }

    @Override
    protected SpareStock restore(SpareStockSnapshot snapshot) {
        return SpareStock.restore(snapshot);
    }

    /** Reserves more than is on hand. */
    @Override
    protected SpareStockSnapshot corrupt(SpareStockSnapshot s) {
        List<SpareReservation> reservations = new ArrayList<>(s.reservations());
        reservations.add(new SpareReservation(new SpareReservationRef("TOO-MUCH"), s.onHand() + 1));
        return new SpareStockSnapshot(s.id(), s.version(), s.onHand(), s.underRepair(), s.minimum(), reservations,
                s.lastBelowMinimumDay());
    }

    /** A copy of a stock's state under another id, never saved. */
    private static SpareStock renamed(SpareStock stock, SpareStockId id) {
        SpareStockSnapshot s = stock.snapshot();
        return SpareStock.restore(new SpareStockSnapshot(id, 0, s.onHand(), s.underRepair(), s.minimum(), s.reservations(),
                s.lastBelowMinimumDay()));
    }

    /** Every count, reservation and the last alert day survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void anEmptyStockAndOneAlertedSurvive() {
            SpareStock empty = SpareStock.create(newId());
            saveInTransaction(empty);
            assertThat(load(empty.id()).snapshot()).isEqualTo(empty.snapshot());

            SpareStock alerted = newAggregate(newId());
            assertThat(alerted.checkMinimum(LocalDate.of(2026, 3, 2), T0)).isTrue();
            saveInTransaction(alerted);
            assertThat(load(alerted.id()).snapshot()).isEqualTo(alerted.snapshot());
            assertThat(load(alerted.id()).lastBelowMinimumDay()).contains(LocalDate.of(2026, 3, 2));
        }

        @Test
        void everyReachableStockSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(lists().of(SpareGenerators.commands()).ofSizeBetween(0, 30),
                            lists().of(SpareGenerators.commands()).ofSizeBetween(0, 15))
                    .checkAssert((commands, more) -> {
                        SpareStock stock = renamed(SpareGenerators.applied(SpareStock.create(newId()), commands), newId());
                        saveInTransaction(stock);
                        SpareStock loaded = load(stock.id());
                        assertThat(loaded.snapshot()).isEqualTo(stock.snapshot());

                        SpareGenerators.applied(loaded, more);
                        saveInTransaction(loaded);
                        SpareStock reloaded = load(stock.id());
                        assertThat(reloaded.snapshot()).isEqualTo(loaded.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }
    }

    /** The queries: a depot's stocks, and the stocks below their minimum page by page. */
    @Nested
    class Queries {

        @Test
        void aDepotsStocksComeInIdOrderAndNoOtherDepots() {
            DepotId depot = freshDepot();
            DepotId other = freshDepot();
            for (String part : List.of("P-3", "P-1", "P-2")) {
                saveInTransaction(newAggregate(stock(depot, part)));
            }
            saveInTransaction(newAggregate(stock(other, "P-0")));
            List<SpareStockId> ids = inTransaction(() -> {
                try (Stream<SpareStock> found = stocks().byDepot(depot)) {
                    return found.map(SpareStock::id).toList();
                }
            });
            assertThat(ids).containsExactly(stock(depot, "P-1"), stock(depot, "P-2"), stock(depot, "P-3"));
            assertThat(inTransaction(() -> {
                try (Stream<SpareStock> found = stocks().byDepot(freshDepot())) {
                    return found.count();
                }
            })).isZero();
        }

        @Test
        void pagesOfStocksBelowTheirMinimumHoldExactlyThoseInIdOrder() {
            qt().withExamples(Math.max(5, propertyExamples() / 4)).withShrinkCycles(10)
                    .forAll(lists().of(integers().between(0, 6).zip(integers().between(0, 6), integers().between(0, 6),
                            (onHand, reserved, minimum) -> new int[] {onHand, Math.min(reserved, onHand), minimum}))
                            .ofSizeBetween(0, 12), integers().between(1, 4))
                    .checkAssert((levels, page) -> {
                        DepotId depot = freshDepot();
                        List<SpareStockId> expected = new ArrayList<>();
                        for (int i = 0; i < levels.size(); i++) {
                            int[] l = levels.get(i);
                            SpareStock s = SpareStock.create(stock(depot, String.format("P-%03d", i)));
                            if (l[0] > 0) {
                                s.receive(l[0], T0);
                            }
                            if (l[1] > 0) {
                                s.reserve(new SpareReservationRef("FT-1"), l[1], T0);
                            }
                            s.setMinimum(l[2], T0);
                            saveInTransaction(s);
                            if (l[0] - l[1] < l[2]) {
                                expected.add(s.id());
                            }
                        }
                        List<SpareStockId> paged = new ArrayList<>();
                        List<SpareStock> current = inTransaction(() -> stocks().belowMinimumAfter(stock(depot, "P"), page));
                        while (true) {
                            current.forEach(s -> assertThat(s.isBelowMinimum()).isTrue());
                            List<SpareStockId> ids = current.stream().map(SpareStock::id)
                                    .filter(id -> id.depot().equals(depot)).toList();
                            paged.addAll(ids);
                            if (current.size() < page || ids.size() < current.size()) {
                                break;
                            }
                            SpareStockId last = current.get(current.size() - 1).id();
                            current = inTransaction(() -> stocks().belowMinimumAfter(last, page));
                        }
                        assertThat(paged).isEqualTo(expected);
                    });
        }

        @Test
        void theFirstPageStartsAtTheLowestIdAndAStockBackAboveItsMinimumLeavesThePages() {
            SpareStock low = newAggregate(newId());
            saveInTransaction(low);
            List<SpareStock> first = inTransaction(() -> stocks().belowMinimum(SpareStockRepository.MAX_PAGE));
            assertThat(first).extracting(SpareStock::id).contains(low.id());
            assertThat(first).extracting(s -> s.id().value()).isSorted();
            SpareStock loaded = load(low.id());
            loaded.receive(10, T0);
            saveInTransaction(loaded);
            assertThat(inTransaction(() -> stocks().belowMinimum(SpareStockRepository.MAX_PAGE)))
                    .extracting(SpareStock::id).doesNotContain(low.id());
        }

        @Test
        void aPageOutOfRangeIsRefused() {
            assertThatThrownBy(() -> inTransaction(() -> stocks().belowMinimum(0)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> inTransaction(() -> stocks().belowMinimumAfter(newId(), SpareStockRepository.MAX_PAGE + 1)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("limit");
        }
    }
}
