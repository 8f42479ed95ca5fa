package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scarcity price curve on worked examples, and its validation. */
class ScarcityPriceCurveTest {

    private static final ScarcityPriceCurve LEASING = ScarcityPriceCurve.of(List.of(
            ScarcityBreakpoint.at("0.5", "1"), ScarcityBreakpoint.at("0.8", "1.5"), ScarcityBreakpoint.at("0.95", "3")));

    @Test
    void pricesOnTheWorkedExample() {
        Money base = Money.cny("1000.00");
        assertThat(LEASING.priceAt(base, new BigDecimal("0.2"))).isEqualTo(Money.cny("1000.00"));
        assertThat(LEASING.priceAt(base, new BigDecimal("0.5"))).isEqualTo(Money.cny("1000.00"));
        assertThat(LEASING.priceAt(base, new BigDecimal("0.65"))).isEqualTo(Money.cny("1250.00"));
        assertThat(LEASING.priceAt(base, new BigDecimal("0.8"))).isEqualTo(Money.cny("1500.00"));
        assertThat(LEASING.priceAt(base, new BigDecimal("0.9"))).isEqualTo(Money.cny("2500.00"));
        assertThat(LEASING.priceAt(base, BigDecimal.ONE)).isEqualTo(Money.cny("3000.00"));
        // one third of the way from 0.5 to 0.8: 1000 * (1 + 0.5 / 3) = 1166.666... rounds to 1166.67
        assertThat(LEASING.priceAt(base, new BigDecimal("0.6"))).isEqualTo(Money.cny("1166.67"));
        // half-even at the cent: 0.01 * 1.25 = 0.0125 rounds to 0.01; 0.03 * 1.25 = 0.0375 rounds to 0.04
        assertThat(LEASING.priceAt(Money.cny("0.01"), new BigDecimal("0.65"))).isEqualTo(Money.cny("0.01"));
        assertThat(LEASING.priceAt(Money.cny("0.03"), new BigDecimal("0.65"))).isEqualTo(Money.cny("0.04"));
    }

    @Test
    void aCurveOfOnePointIsFlat() {
        ScarcityPriceCurve flat = ScarcityPriceCurve.of(List.of(ScarcityBreakpoint.at("0.3", "1.2")));
        assertThat(flat.priceAt(Money.cny("10.00"), BigDecimal.ZERO)).isEqualTo(Money.cny("12.00"));
        assertThat(flat.priceAt(Money.cny("10.00"), BigDecimal.ONE)).isEqualTo(Money.cny("12.00"));
    }

    @Test
    void aBadCurveIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ScarcityPriceCurve.of(List.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("breakpoints");
        assertThatThrownBy(() -> ScarcityPriceCurve.of(List.of(ScarcityBreakpoint.at("0.8", "1"), ScarcityBreakpoint.at("0.5", "2"))))
                .hasMessageContaining("strictly rising utilisation");
        assertThatThrownBy(() -> ScarcityPriceCurve.of(List.of(ScarcityBreakpoint.at("0.5", "1"), ScarcityBreakpoint.at("0.5", "2"))))
                .hasMessageContaining("strictly rising utilisation");
        assertThatThrownBy(() -> ScarcityPriceCurve.of(List.of(ScarcityBreakpoint.at("0.5", "2"), ScarcityBreakpoint.at("0.8", "1.5"))))
                .hasMessageContaining("must not fall");
        assertThatThrownBy(() -> ScarcityBreakpoint.at("1.1", "1")).hasMessageContaining("utilisation: must lie in [0, 1]");
        assertThatThrownBy(() -> ScarcityBreakpoint.at("-0.1", "1")).hasMessageContaining("utilisation");
        assertThatThrownBy(() -> ScarcityBreakpoint.at("0.5", "0")).hasMessageContaining("multiplier: must be above 0");
        assertThatThrownBy(() -> ScarcityBreakpoint.at("0.5", "1001")).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> ScarcityBreakpoint.at("0.5", "1.0000001")).hasMessageContaining("decimals");
        assertThatThrownBy(() -> ScarcityBreakpoint.at("half", "1")).hasMessageContaining("not a decimal");
    }

    @Test
    void aBadPriceQuestionIsRefused() {
        assertThatThrownBy(() -> LEASING.priceAt(Money.cny("-1.00"), BigDecimal.ONE)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("base");
        assertThatThrownBy(() -> LEASING.priceAt(Money.cny("1.00"), new BigDecimal("1.01")))
                .hasMessageContaining("utilisation: must lie in [0, 1]");
        assertThatThrownBy(() -> LEASING.priceAt(Money.cny("1.00"), new BigDecimal("1E-40")))
                .hasMessageContaining("decimals");
        assertThat(LEASING.priceAt(Money.of(new BigDecimal("7.00"), java.util.Currency.getInstance("USD")),
                new BigDecimal("0.8")).currency().getCurrencyCode()).isEqualTo("USD");
    }
}
