package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static List<BigDecimal> weights(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void defaultsToCnyAtScaleTwo() {
        Money m = Money.cny("12.3");
        assertThat(m.currency()).isEqualTo(Currency.getInstance("CNY"));
        assertThat(m.amount()).isEqualByComparingTo("12.30");
        assertThat(m.amount().scale()).isEqualTo(2);
        assertThat(m.amount().toPlainString()).isEqualTo("12.30");
        assertThat(m).hasToString("12.30 CNY");
        assertThat(m).isEqualTo(Money.of(new BigDecimal("12.300"), Money.CNY));
        assertThat(Money.zero()).hasToString("0.00 CNY");
        assertThat(Money.zero(USD)).hasToString("0.00 USD");
        assertThat(Money.ofCents(-5, USD)).hasToString("-0.05 USD");
    }

    @ParameterizedTest
    @CsvSource({
        "0.125, 0.12",
        "0.135, 0.14",
        "0.145, 0.14",
        "-0.125, -0.12",
        "-0.135, -0.14",
        "2.5050, 2.50",
        "2.5051, 2.51",
        "1E+3, 1000.00"
    })
    void roundsHalfEvenToTheCent(String raw, String expected) {
        assertThat(Money.of(new BigDecimal(raw), Money.CNY).amount().toPlainString()).isEqualTo(expected);
    }

    @Test
    void multiplicationAndDivisionRoundHalfEven() {
        assertThat(Money.cny("0.25").times(new BigDecimal("0.5"))).isEqualTo(Money.cny("0.12"));
        assertThat(Money.cny("0.27").times(new BigDecimal("0.5"))).isEqualTo(Money.cny("0.14"));
        assertThat(Money.cny("100.00").times(new BigDecimal("1.4"))).isEqualTo(Money.cny("140.00"));
        assertThat(Money.cny("3.00").times(7)).isEqualTo(Money.cny("21.00"));
        assertThat(Money.cny("0.25").dividedBy(2)).isEqualTo(Money.cny("0.12"));
        assertThat(Money.cny("0.35").dividedBy(2)).isEqualTo(Money.cny("0.18"));
        assertThat(Money.cny("10.00").dividedBy(3)).isEqualTo(Money.cny("3.33"));
        assertThat(Money.cny("-10.00").dividedBy(-3)).isEqualTo(Money.cny("3.33"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.30", "12.3", "12", "-0.01", "+7.00", "0"})
    void parsesPlainDecimals(String text) {
        assertThat(Money.parse(text)).isEqualTo(Money.of(new BigDecimal(text), Money.CNY));
    }

    @Test
    void parsesTheTextItWrites() {
        assertThat(Money.parse("12.30 USD")).isEqualTo(Money.of(new BigDecimal("12.30"), USD));
        assertThat(Money.parse("-3.00 CNY")).isEqualTo(Money.cny("-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.125", "12.301", "1.000"})
    void rejectsMoreThanTwoDecimals(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("amount");
                    assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_ARGUMENT);
                })
                .hasMessageContaining("at most 2 decimals").hasMessageContaining(text);
        assertThatThrownBy(() -> Money.cny(text)).isInstanceOf(InvalidArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1e3", "1,000.00", " 1.00", "1.00 ", "1.", ".5", "1.00 XXZ", "1.00 usd", "--1"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("amount"));
    }

    @Test
    void cnyRejectsAnotherCurrency() {
        assertThatThrownBy(() -> Money.cny("1.00 USD")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("CNY");
    }

    @Test
    void mixingCurrenciesFailsNamingBoth() {
        Money yuan = Money.cny("1.00");
        Money dollar = Money.of(BigDecimal.ONE, USD);
        for (Runnable r : List.<Runnable>of(() -> yuan.plus(dollar), () -> yuan.minus(dollar),
                () -> yuan.compareTo(dollar), () -> yuan.min(dollar), () -> yuan.max(dollar))) {
            assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                            e -> assertThat(e.argument()).isEqualTo("other"))
                    .hasMessageContaining("USD").hasMessageContaining("CNY");
        }
        assertThatThrownBy(() -> Money.sum(List.of(yuan, dollar), Money.CNY))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("amounts[1]"))
                .hasMessageContaining("USD").hasMessageContaining("CNY");
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
        Money m = Money.cny("1.00");
        assertArgument(() -> new Money(null, Money.CNY), "amount");
        assertArgument(() -> new Money(BigDecimal.ONE, null), "currency");
        assertArgument(() -> Money.of(null, Money.CNY), "amount");
        assertArgument(() -> Money.cny((String) null), "amount");
        assertArgument(() -> Money.cny((BigDecimal) null), "amount");
        assertArgument(() -> Money.parse(null), "amount");
        assertArgument(() -> Money.zero(null), "currency");
        assertArgument(() -> m.plus(null), "other");
        assertArgument(() -> m.minus(null), "other");
        assertArgument(() -> m.compareTo(null), "other");
        assertArgument(() -> m.times(null), "factor");
        assertArgument(() -> m.allocate(null), "weights");
        assertArgument(() -> m.allocate(Arrays.asList(BigDecimal.ONE, null)), "weights[1]");
        assertArgument(() -> Money.sum(null, Money.CNY), "amounts");
        assertArgument(() -> Money.sum(List.of(), null), "currency");
        assertArgument(() -> Money.sum(Arrays.asList(m, null), Money.CNY), "amounts[1]");
    }

    @Test
    void allocatesIntoAtMostMaxPartsAndRejectsMore() {
        assertThat(Money.cny("1.00").allocate(Money.MAX_PARTS)).hasSize(Money.MAX_PARTS);
        assertArgument(() -> Money.cny("1.00").allocate(Money.MAX_PARTS + 1), "parts");
        assertArgument(() -> Money.cny("1.00").allocate(Integer.MAX_VALUE), "parts");
        assertArgument(() -> Money.cny("1.00").allocate(0), "parts");
    }

    @Test
    void rejectsDivisionByZero() {
        assertArgument(() -> Money.cny("1.00").dividedBy(0), "divisor");
    }

    @Test
    void comparesAndSigns() {
        Money a = Money.cny("-1.00");
        Money b = Money.cny("2.00");
        assertThat(a).isLessThan(b);
        assertThat(a.isLessThan(b)).isTrue();
        assertThat(b.isGreaterThan(a)).isTrue();
        assertThat(a.min(b)).isEqualTo(a);
        assertThat(a.max(b)).isEqualTo(b);
        assertThat(a.isNegative()).isTrue();
        assertThat(b.isPositive()).isTrue();
        assertThat(Money.zero().isZero()).isTrue();
        assertThat(a.signum()).isEqualTo(-1);
        assertThat(a.abs()).isEqualTo(Money.cny("1.00"));
        assertThat(Money.sum(List.of(a, b, b), Money.CNY)).isEqualTo(Money.cny("3.00"));
        assertThat(Money.sum(List.of(), USD)).isEqualTo(Money.zero(USD));
    }

    @Test
    void allocatesByLargestRemainderWithTiesToTheLowestIndex() {
        assertThat(Money.cny("100.00").allocate(weights("1", "1", "1")))
                .containsExactly(Money.cny("33.34"), Money.cny("33.33"), Money.cny("33.33"));
        assertThat(Money.cny("0.05").allocate(weights("0.10", "0.10", "0.80")))
                .containsExactly(Money.cny("0.01"), Money.cny("0.00"), Money.cny("0.04"));
        // remainders 0.3, 0.7: the larger remainder wins, not the lower index
        assertThat(Money.cny("0.10").allocate(weights("3", "7")))
                .containsExactly(Money.cny("0.03"), Money.cny("0.07"));
        assertThat(Money.cny("0.01").allocate(weights("3", "7")))
                .containsExactly(Money.cny("0.00"), Money.cny("0.01"));
        assertThat(Money.cny("1000.00").allocate(weights("10", "10", "80")))
                .containsExactly(Money.cny("100.00"), Money.cny("100.00"), Money.cny("800.00"));
        assertThat(Money.cny("-100.00").allocate(3))
                .containsExactly(Money.cny("-33.34"), Money.cny("-33.33"), Money.cny("-33.33"));
        assertThat(Money.cny("0.02").allocate(weights("0", "1", "1", "0")))
                .containsExactly(Money.cny("0.00"), Money.cny("0.01"), Money.cny("0.01"), Money.cny("0.00"));
        assertThat(Money.zero().allocate(2)).containsExactly(Money.zero(), Money.zero());
        assertThat(Money.of(BigDecimal.TEN, USD).allocate(1)).containsExactly(Money.of(BigDecimal.TEN, USD));
    }

    @Test
    void rejectsBadWeights() {
        Money m = Money.cny("1.00");
        assertArgument(() -> m.allocate(List.of()), "weights");
        assertArgument(() -> m.allocate(weights("0", "0")), "weights");
        assertArgument(() -> m.allocate(weights("1", "-0.5")), "weights[1]");
        assertArgument(() -> m.allocate(0), "parts");
        assertArgument(() -> m.allocate(-2), "parts");
    }

    private static void assertArgument(Runnable call, String argument) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument)).hasMessageContaining(argument);
    }
}
