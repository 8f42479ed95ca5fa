package dev.keyline.domain.authority;

import static dev.keyline.domain.authority.AuthorityGenerators.EPOCH;
import static dev.keyline.domain.authority.AuthorityGenerators.cents;
import static dev.keyline.domain.authority.AuthorityGenerators.floorPriceSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.authority.AuthorityGenerators.SetFloorPrice;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ProductCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * Random sequences of floor-price settings on a {@link FloorPriceList}: only financial managers set
 * prices, settings of a product stay in time order, the current price is the last one set, history
 * never shrinks, refused settings change nothing, and the snapshot round-trips.
 */
class FloorPriceListProperties {

    @Test
    void randomSettingsKeepEveryInvariant() {
        qt().withExamples(500).forAll(lists().of(floorPriceSettings()).ofSizeBetween(0, 12)).checkAssert(settings -> {
            FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
            Map<ProductCode, Instant> lastSet = new HashMap<>();
            Instant clock = EPOCH;
            for (SetFloorPrice setting : settings) {
                Instant at = clock.plus(Duration.ofMinutes(setting.minutesLater()));
                Class<? extends KeylineException> expected = null;
                if (setting.priceCents() <= 0) {
                    expected = InvalidArgumentException.class;
                } else if (!setting.actor().roles().contains(Role.FINANCIAL_MANAGER)) {
                    expected = NotAuthorisedException.class;
                } else if (lastSet.containsKey(setting.product()) && at.isBefore(lastSet.get(setting.product()))) {
                    expected = InvalidArgumentException.class;
                }
                FloorPriceListSnapshot before = list.snapshot();
                List<DomainEvent> eventsBefore = list.pendingEvents();
                try {
                    FloorPrice set = list.setFloorPrice(setting.actor(), setting.product(), cents(setting.priceCents()), at);
                    if (expected != null) {
                        fail("expected " + expected.getSimpleName() + " for " + setting);
                    }
                    clock = at;
                    lastSet.put(setting.product(), at);
                    assertThat(list.floorPriceOf(setting.product())).contains(set);
                    assertThat(set.setBy()).isEqualTo(setting.actor().user());
                    assertThat(list.pendingEvents()).hasSize(eventsBefore.size() + 1);
                    assertThat(list.pendingEvents().get(eventsBefore.size()).type()).isEqualTo("authority.floor-price-set");
                } catch (KeylineException refused) {
                    if (expected == null) {
                        throw new AssertionError("expected " + setting + " to be accepted", refused);
                    }
                    assertThat(refused).isInstanceOf(expected);
                    assertThat(list.snapshot()).isEqualTo(before);
                    assertThat(list.pendingEvents()).isEqualTo(eventsBefore);
                }
                checkInvariants(list, before.history());
            }
            assertThat(FloorPriceList.restore(list.snapshot()).snapshot()).isEqualTo(list.snapshot());
        });
    }

    @Test
    void historyOutOfTimeOrderIsCorrupt() {
        qt().withExamples(300).forAll(lists().of(floorPriceSettings()).ofSizeBetween(1, 12)).checkAssert(settings -> {
            FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
            Instant clock = EPOCH;
            for (SetFloorPrice setting : settings) {
                Actor financialManager = Actor.withRoles(setting.actor().user(), Role.FINANCIAL_MANAGER);
                clock = clock.plus(Duration.ofMinutes(Math.abs(setting.minutesLater()) + 1));
                list.setFloorPrice(financialManager, setting.product(), cents(Math.abs(setting.priceCents()) + 1), clock);
            }
            FloorPriceListSnapshot good = list.snapshot();
            List<FloorPrice> history = new ArrayList<>(good.history());
            FloorPrice last = history.get(history.size() - 1);
            history.add(new FloorPrice(last.product(), last.price(), last.setBy(), last.setAt().minusSeconds(1)));
            assertThatThrownBy(() -> FloorPriceList.restore(new FloorPriceListSnapshot(good.id(), good.version(), history)))
                    .isInstanceOf(CorruptStateException.class).hasMessageContaining("history[" + (history.size() - 1) + "]");
            List<FloorPrice> withNull = new ArrayList<>(good.history());
            withNull.add(null);
            assertThatThrownBy(() -> FloorPriceList.restore(new FloorPriceListSnapshot(good.id(), good.version(), withNull)))
                    .isInstanceOf(CorruptStateException.class);
            assertThatThrownBy(() -> FloorPriceList.restore(new FloorPriceListSnapshot(good.id(), -1, good.history())))
                    .isInstanceOf(CorruptStateException.class);
        });
    }

    private static void checkInvariants(FloorPriceList list, List<FloorPrice> earlierHistory) {
        List<FloorPrice> history = list.history();
        assertThat(history).as("history never shrinks").hasSizeGreaterThanOrEqualTo(earlierHistory.size());
        assertThat(history.subList(0, earlierHistory.size())).as("history never changes").isEqualTo(earlierHistory);
        Map<ProductCode, FloorPrice> latest = new HashMap<>();
        for (FloorPrice floor : history) {
            FloorPrice before = latest.get(floor.product());
            if (before != null) {
                assertThat(floor.setAt()).isAfterOrEqualTo(before.setAt());
            }
            assertThat(floor.price().amount()).isPositive();
            latest.put(floor.product(), floor);
        }
        assertThat(list.currentFloorPrices()).containsExactlyInAnyOrderElementsOf(latest.values());
        latest.forEach((product, floor) -> assertThat(list.floorPriceOf(product)).contains(floor));
    }
}
