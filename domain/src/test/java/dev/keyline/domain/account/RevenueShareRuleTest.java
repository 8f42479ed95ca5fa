package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.keyline.domain.common.LocalNetworkId;

class RevenueShareRuleTest {

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");

    /** The worked example of the key-accounts guide: total 66,000, 30 % = 19,800. */
    static Map<AccountId, Money> guideExample() {
        Map<AccountId, Money> spend = new LinkedHashMap<>();
        spend.put(new AccountId("H"), Money.cny("0.00"));
        spend.put(new AccountId("C"), Money.cny("10000.00"));
        spend.put(new AccountId("A"), Money.cny("18000.00"));
        spend.put(new AccountId("E"), Money.cny("8000.00"));
        spend.put(new AccountId("D"), Money.cny("10000.00"));
        spend.put(new AccountId("G"), Money.cny("4000.00"));
        spend.put(new AccountId("B"), Money.cny("10000.00"));
        spend.put(new AccountId("F"), Money.cny("6000.00"));
        return spend;
    }

    @Test
    void tiesWithTheLastIncludedCustomerAreNeverSplit() {
        Classification result = RevenueShareRule.standard().classify(SZ, guideExample());
        // A (18,000) alone misses 19,800; A + B (28,000) reaches it; C and D tie with B and come too
        assertThat(result.keyAccounts()).containsExactly(
                new RankedAccount(new AccountId("A"), Money.cny("18000.00")),
                new RankedAccount(new AccountId("B"), Money.cny("10000.00")),
                new RankedAccount(new AccountId("C"), Money.cny("10000.00")),
                new RankedAccount(new AccountId("D"), Money.cny("10000.00")));
        assertThat(result.threshold()).contains(Money.cny("10000.00"));
        assertThat(result.rule()).isEqualTo("share");
        assertThat(result.network()).isEqualTo(SZ);
        assertThat(result.keyAccountSpend()).isEqualTo(Money.cny("48000.00"));
    }

    @Test
    void aSmallerShareStopsEarlier() {
        Classification result = new RevenueShareRule(new BigDecimal("0.25")).classify(SZ, guideExample());
        assertThat(result.keyAccountIds()).extracting(AccountId::value).containsExactly("A");
        assertThat(result.threshold()).contains(Money.cny("18000.00"));
    }

    @Test
    void reachingTheTargetExactlyIsEnough() {
        // 30 % of 60,000 is 18,000: A alone reaches it exactly
        Map<AccountId, Money> spend = new HashMap<>(guideExample());
        spend.put(new AccountId("F"), Money.zero());
        Classification result = RevenueShareRule.standard().classify(SZ, spend);
        assertThat(result.keyAccountIds()).extracting(AccountId::value).containsExactly("A");
    }

    @Test
    void theWholeShareTakesEveryCustomerWithSpendButNoneWithout() {
        Classification result = new RevenueShareRule(BigDecimal.ONE).classify(SZ, guideExample());
        assertThat(result.keyAccountIds()).extracting(AccountId::value).containsExactly("A", "B", "C", "D", "E", "F", "G");
        assertThat(result.threshold()).contains(Money.cny("4000.00"));
    }

    @Test
    void nobodyQualifiesWhenNobodySpends() {
        Classification none = RevenueShareRule.standard().classify(SZ, Map.of(new AccountId("A"), Money.zero()));
        assertThat(none.keyAccounts()).isEmpty();
        assertThat(none.threshold()).isEmpty();
        assertThat(RevenueShareRule.standard().classify(SZ, Map.of()).keyAccounts()).isEmpty();
    }

    @Test
    void standardShareIsThirtyPercentAndTheNameIsShare() {
        assertThat(RevenueShareRule.standard().share()).isEqualByComparingTo("0.30");
        assertThat(RevenueShareRule.standard().name()).isEqualTo("share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.1", "1.0001", "2"})
    void rejectsSharesOutsideZeroToOne(String share) {
        assertThatThrownBy(() -> new RevenueShareRule(new BigDecimal(share))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("share");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new RevenueShareRule(null)).isInstanceOf(InvalidArgumentException.class);
        RevenueShareRule rule = RevenueShareRule.standard();
        assertThatThrownBy(() -> rule.classify(null, Map.of())).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("network");
        assertThatThrownBy(() -> rule.classify(SZ, null)).isInstanceOf(InvalidArgumentException.class);
        Map<AccountId, Money> withNull = new HashMap<>();
        withNull.put(new AccountId("A"), null);
        assertThatThrownBy(() -> rule.classify(SZ, withNull)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("[A]");
        assertThatThrownBy(() -> rule.classify(SZ, Map.of(new AccountId("A"), Money.cny("-1.00"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("averageMonthlySpend");
    }
}
