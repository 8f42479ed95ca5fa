package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.keyline.domain.common.LocalNetworkId;

class MonthlyMinimumRuleTest {

    @Test
    void suzhouTakesEveryCustomerFromFiveThousandAMonth() {
        Classification result = SeedMinimums.suzhou().classify(SeedMinimums.SUZHOU, RevenueShareRuleTest.guideExample());
        assertThat(result.keyAccountIds()).extracting(AccountId::value).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(result.threshold()).contains(Money.cny("5000.00"));
        assertThat(result.rule()).isEqualTo("minimum");
    }

    @Test
    void kunmingTakesEveryCustomerFromTenThousandAMonthTheMinimumItselfIncluded() {
        Classification result = SeedMinimums.kunming().classify(SeedMinimums.KUNMING, RevenueShareRuleTest.guideExample());
        assertThat(result.keyAccountIds()).extracting(AccountId::value).containsExactly("A", "B", "C", "D");
        assertThat(result.threshold()).contains(Money.cny("10000.00"));
    }

    @Test
    void seedExamplesAreKeptOutsideTheRule() {
        assertThat(SeedMinimums.all()).containsOnlyKeys(new LocalNetworkId("SZ"), new LocalNetworkId("KM"));
        assertThat(SeedMinimums.of(new LocalNetworkId("KM")).minimum()).isEqualTo(Money.cny("10000.00"));
        assertThatThrownBy(() -> SeedMinimums.of(new LocalNetworkId("WX"))).isInstanceOf(NotFoundException.class);
        assertThat(new MonthlyMinimumRule(Money.cny("123.45")).minimum()).isEqualTo(Money.cny("123.45"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "-5.00"})
    void rejectsAMinimumThatIsNotPositive(String minimum) {
        assertThatThrownBy(() -> new MonthlyMinimumRule(Money.cny(minimum))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("minimum");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new MonthlyMinimumRule(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> SeedMinimums.suzhou().classify(SeedMinimums.SUZHOU, null)).isInstanceOf(InvalidArgumentException.class);
    }
}
