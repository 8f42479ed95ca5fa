package dev.keyline.tck.authority;

import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static dev.keyline.tck.account.AccountAreaSamples.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityGenerators;
import dev.keyline.domain.authority.AuthorityGenerators.SetFloorPrice;
import dev.keyline.domain.authority.FloorPrice;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link FloorPriceListRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real floor price lists, and full round trips of their
 * histories. A provider runs it by extending {@link AuthorityAreaContract}, or this class
 * directly with {@link #newStorage()}.
 */
public abstract class FloorPriceListRepositoryContract
        extends AggregateRepositoryContract<FloorPriceList, FloorPriceListId, FloorPriceListSnapshot> {

    /** The financial manager who sets the hand-made floor prices. */
    protected static final Actor FINANCE = Actor.withRoles(new UserId("fm-1"), Role.FINANCIAL_MANAGER);

    /** The product of the hand-made floor prices. */
    protected static final ProductCode DDN = new ProductCode("DDN");

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    @Override
    protected AggregateRepository<FloorPriceList, FloorPriceListId> repository(StorageProvider storage) {
        return storage.port(FloorPriceListRepository.class);
    }

    @Override
    protected FloorPriceListId newId() {
        return new FloorPriceListId(samples.nextId("FL"));
    }

    /** A list with the floor price of DDN set to 800.00 at {@link AccountAreaSamples#T0}. */
    @Override
    protected FloorPriceList newAggregate(FloorPriceListId id) {
        FloorPriceList list = FloorPriceList.create(id);
        list.setFloorPrice(FINANCE, DDN, Money.cny("800.00"), T0);
        return list;
    }

    /** Raises the floor price of DDN by one yuan, an hour after the last setting. */
    @Override
    protected void change(FloorPriceList list) {
        List<FloorPrice> history = list.history();
        FloorPrice last = history.get(history.size() - 1);
        Money current = list.floorPriceOf(DDN).map(FloorPrice::price).orElse(Money.cny("800.00"));
        list.setFloorPrice(FINANCE, DDN, current.plus(Money.cny("1.00")), last.setAt().plus(Duration.ofHours(1)));
    }

    @Override
    protected FloorPriceListSnapshot snapshot(FloorPriceList list) {
        return list.snapshot();
    }

    @Override
    protected FloorPriceList restore(FloorPriceListSnapshot snapshot) {
        return FloorPriceList.restore(snapshot);
    }

    /** Appends a setting of DDN dated before the first one: out of time order. */
    @Override
    protected FloorPriceListSnapshot corrupt(FloorPriceListSnapshot s) {
        List<FloorPrice> history = new ArrayList<>(s.history());
        history.add(new FloorPrice(DDN, Money.cny("1.00"), FINANCE.user(), history.get(0).setAt().minusSeconds(1)));
        return new FloorPriceListSnapshot(s.id(), s.version(), history);
    }

    /** Every setting, in order, and the version survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void anEmptyListAndAListWithSeveralProductsSurvive() {
            FloorPriceList empty = FloorPriceList.create(newId());
            saveInTransaction(empty);
            assertThat(load(empty.id()).snapshot()).isEqualTo(empty.snapshot());

            FloorPriceList list = newAggregate(newId());
            list.setFloorPrice(FINANCE, new ProductCode("FR"), Money.cny("120.50"), T0.plusSeconds(10));
            list.setFloorPrice(Actor.withRoles(new UserId("fm-2"), Role.FINANCIAL_MANAGER), DDN, Money.cny("790.00"),
                    T0.plusSeconds(20));
            saveInTransaction(list);
            FloorPriceList loaded = load(list.id());
            assertThat(loaded.snapshot()).isEqualTo(list.snapshot());
            assertThat(loaded.floorPriceOf(DDN).map(FloorPrice::price)).contains(Money.cny("790.00"));
        }

        @Test
        void everyReachableListSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(lists().of(AuthorityGenerators.floorPriceSettings()).ofSizeBetween(0, 12),
                            lists().of(AuthorityGenerators.floorPriceSettings()).ofSizeBetween(0, 6))
                    .checkAssert((settings, moreSettings) -> {
                        FloorPriceList list = renamed(applied(FloorPriceList.create(newId()), settings), newId());
                        saveInTransaction(list);
                        FloorPriceList loaded = load(list.id());
                        assertThat(loaded.snapshot()).isEqualTo(list.snapshot());

                        applied(loaded, moreSettings);
                        saveInTransaction(loaded);
                        FloorPriceList reloaded = load(list.id());
                        assertThat(reloaded.snapshot()).isEqualTo(loaded.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }

        private FloorPriceList applied(FloorPriceList list, List<SetFloorPrice> settings) {
            List<FloorPrice> history = list.history();
            Instant clock = history.isEmpty() ? AuthorityGenerators.EPOCH : history.get(history.size() - 1).setAt();
            for (SetFloorPrice setting : settings) {
                Instant at = clock.plus(Duration.ofMinutes(setting.minutesLater()));
                try {
                    list.setFloorPrice(setting.actor(), setting.product(), AuthorityGenerators.cents(setting.priceCents()), at);
                    clock = at;
                } catch (KeylineException refused) {
                    // a refused setting changes nothing
                }
            }
            return list;
        }
    }
}
