package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

class FloorPriceListTest {

    private static final ProductCode DDN = new ProductCode("DDN");
    private static final ProductCode FR = new ProductCode("FR");
    private static final Actor FINANCE = Actor.withRoles(new UserId("sun.fm"), Role.FINANCIAL_MANAGER);
    private static final Instant MONDAY = Instant.parse("2024-03-04T09:00:00Z");

    @Test
    void aFinancialManagerSetsAndChangesFloorPricesAndEverySettingIsKept() {
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        FloorPrice first = list.setFloorPrice(FINANCE, DDN, Money.cny("800.00"), MONDAY);
        list.setFloorPrice(FINANCE, FR, Money.cny("300.00"), MONDAY);
        FloorPrice second = list.setFloorPrice(FINANCE, DDN, Money.cny("750.00"), MONDAY.plusSeconds(60));

        assertThat(first).isEqualTo(new FloorPrice(DDN, Money.cny("800.00"), FINANCE.user(), MONDAY));
        assertThat(list.floorPriceOf(DDN)).contains(second);
        assertThat(list.floorPriceOf(new ProductCode("ADSL"))).isEmpty();
        assertThat(list.currentFloorPrices()).extracting(FloorPrice::product).containsExactly(DDN, FR);
        assertThat(list.history()).hasSize(3).startsWith(first);

        assertThat(list.pendingEvents()).hasSize(3).allMatch(e -> e.type().equals("authority.floor-price-set"));
        FloorPriceSet change = (FloorPriceSet) list.pendingEvents().get(2);
        assertThat(change.previous()).contains(Money.cny("800.00"));
        assertThat(change.aggregateId()).isEqualTo("SZ");
        assertThat(change.audience().organisationUnit()).isEqualTo("SZ");
        assertThat(change.audience().subject()).contains("DDN").contains("750.00").contains("800.00");
        assertThat(((FloorPriceSet) list.pendingEvents().get(0)).previous()).isEmpty();
    }

    @Test
    void onlyAFinancialManagerSetsFloorPricesAndARefusalChangesNothing() {
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        list.setFloorPrice(FINANCE, DDN, Money.cny("800.00"), MONDAY);
        FloorPriceListSnapshot before = list.snapshot();
        Actor accountManager = Actor.accountManager(new UserId("wang"));
        assertThatThrownBy(() -> list.setFloorPrice(accountManager, DDN, Money.cny("1.00"), MONDAY.plusSeconds(1)))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("wang").hasMessageContaining("DDN").hasMessageContaining("FINANCIAL_MANAGER");
        assertThat(list.snapshot()).isEqualTo(before);
        assertThat(list.pendingEvents()).hasSize(1);
    }

    @Test
    void aFloorPriceMayNotBeDatedBeforeTheOneItReplaces() {
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        list.setFloorPrice(FINANCE, DDN, Money.cny("800.00"), MONDAY);
        FloorPriceListSnapshot before = list.snapshot();
        assertThatThrownBy(() -> list.setFloorPrice(FINANCE, DDN, Money.cny("700.00"), MONDAY.minusSeconds(1)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("at"));
        assertThat(list.snapshot()).isEqualTo(before);
        list.setFloorPrice(FINANCE, FR, Money.cny("100.00"), MONDAY.minusSeconds(1));
        assertThat(list.floorPriceOf(FR)).isPresent();
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("setter", null, DDN, Money.cny("1.00"), MONDAY),
                Arguments.of("product", FINANCE, null, Money.cny("1.00"), MONDAY),
                Arguments.of("price", FINANCE, DDN, null, MONDAY),
                Arguments.of("at", FINANCE, DDN, Money.cny("1.00"), null),
                Arguments.of("price", FINANCE, DDN, Money.cny("0.00"), MONDAY),
                Arguments.of("price", FINANCE, DDN, Money.cny("-5.00"), MONDAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettingsNamingTheArgument(String argument, Actor setter, ProductCode product, Money price, Instant at) {
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        assertThatThrownBy(() -> list.setFloorPrice(setter, product, price, at))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument));
        assertThat(list.history()).isEmpty();
        assertThat(list.pendingEvents()).isEmpty();
    }

    @Test
    void snapshotsRoundTripAndCorruptOnesAreRefused() {
        FloorPriceList list = FloorPriceList.create(new FloorPriceListId("SZ"));
        list.setFloorPrice(FINANCE, DDN, Money.cny("800.00"), MONDAY);
        list.markSaved(1);
        FloorPriceListSnapshot snapshot = list.snapshot();
        FloorPriceList restored = FloorPriceList.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.pendingEvents()).isEmpty();

        assertThatThrownBy(() -> FloorPriceList.restore(new FloorPriceListSnapshot(null, 1, List.of())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> FloorPriceList.restore(new FloorPriceListSnapshot(new FloorPriceListId("SZ"), 1, null)))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("history");
        assertThatThrownBy(() -> FloorPriceList.restore(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void floorPricesAndIdsValidate() {
        assertThatThrownBy(() -> new FloorPrice(DDN, Money.cny("0.00"), FINANCE.user(), MONDAY))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("price"));
        assertThatThrownBy(() -> new FloorPrice(DDN, Money.cny("1.00"), null, MONDAY))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("setBy"));
        assertThatThrownBy(() -> new FloorPriceListId("no spaces"))
                .isInstanceOfSatisfying(InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("floorPriceListId"));
        assertThatThrownBy(() -> FloorPriceList.create(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> FloorPriceList.create(new FloorPriceListId("SZ")).floorPriceOf(null))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
