package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PriceOfferTest {

    private static final AccountId BANK = new AccountId("A-BANK");
    private static final ProductCode DDN = new ProductCode("DDN");

    private static PriceOffer offer(String list, String offered) {
        return new PriceOffer(BANK, DDN, Money.cny(list), Money.cny(offered));
    }

    @ParameterizedTest
    @CsvSource({
        "1000.00, 1000.00, 0",
        "1000.00, 850.00, 0.15",
        "100.00, 0.01, 0.9999",
        "3.00, 2.00, 0.3333333333333333",
        "3.00, 1.00, 0.6666666666666667"})
    void theDiscountIsOneMinusOfferedOverList(String list, String offered, String discount) {
        assertThat(offer(list, offered).discount()).isEqualTo(new BigDecimal(discount));
    }

    @Test
    void whetherADiscountIsWithinAMaximumIsDecidedExactly() {
        PriceOffer third = offer("3.00", "2.00");
        assertThat(third.discountWithin(new BigDecimal("0.3333333333333333"))).isFalse();
        assertThat(third.discountWithin(new BigDecimal("0.3333333333333334"))).isTrue();
        assertThat(offer("1000.00", "850.00").discountWithin(new BigDecimal("0.15"))).isTrue();
        assertThat(offer("1000.00", "849.99").discountWithin(new BigDecimal("0.15"))).isFalse();
        assertThat(offer("1000.00", "1000.00").discountWithin(BigDecimal.ZERO)).isTrue();
    }

    @Test
    void belowTheFloorMeansStrictlyBelow() {
        PriceOffer offer = offer("1000.00", "800.00");
        assertThat(offer.isBelow(Money.cny("800.01"))).isTrue();
        assertThat(offer.isBelow(Money.cny("800.00"))).isFalse();
        assertThat(offer.isBelow(Money.cny("799.99"))).isFalse();
        assertThatThrownBy(() -> offer.isBelow(Money.parse("800.00 USD")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("floor"));
    }

    static Stream<Arguments> invalidOffers() {
        return Stream.of(
                Arguments.of("account", null, DDN, Money.cny("10.00"), Money.cny("9.00")),
                Arguments.of("product", BANK, null, Money.cny("10.00"), Money.cny("9.00")),
                Arguments.of("listPrice", BANK, DDN, null, Money.cny("9.00")),
                Arguments.of("offeredPrice", BANK, DDN, Money.cny("10.00"), null),
                Arguments.of("offeredPrice", BANK, DDN, Money.cny("10.00"), Money.cny("10.01")),
                Arguments.of("offeredPrice", BANK, DDN, Money.cny("10.00"), Money.cny("0.00")),
                Arguments.of("offeredPrice", BANK, DDN, Money.cny("10.00"), Money.cny("-1.00")),
                Arguments.of("offeredPrice", BANK, DDN, Money.cny("10.00"), Money.parse("9.00 USD")));
    }

    @ParameterizedTest(name = "{0} {3} {4}")
    @MethodSource("invalidOffers")
    void rejectsInvalidOffersNamingTheComponent(String argument, AccountId account, ProductCode product, Money list,
            Money offered) {
        assertThatThrownBy(() -> new PriceOffer(account, product, list, offered))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument));
    }

    @Test
    void queriesRejectNull() {
        PriceOffer offer = offer("10.00", "9.00");
        assertThatThrownBy(() -> offer.discountWithin(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> offer.isBelow(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
