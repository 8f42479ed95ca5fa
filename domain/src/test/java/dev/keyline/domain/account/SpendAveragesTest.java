package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.LocalNetworkId;

class SpendAveragesTest {

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalNetworkId KM = new LocalNetworkId("KM");
    private static final Instant T = Instant.parse("2024-07-01T00:00:00Z");

    private static SpendFact fact(String id, String account, LocalNetworkId network, int month, String amount) {
        return SpendFact.original(new SpendFactId(id), new AccountId(account), network, YearMonth.of(2024, month), Money.cny(amount), T);
    }

    @Test
    void monthsWithoutSpendCountZeroAndAveragesRoundHalfEven() {
        Set<YearMonth> q1 = Set.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
        List<SpendFact> facts = List.of(
                fact("F1", "A", SZ, 1, "100.00"),          // 100 / 3 = 33.333 -> 33.33
                fact("F2", "B", SZ, 2, "0.05"),            // 0.05 / 3 = 0.0166 -> 0.02
                fact("F3", "C", SZ, 4, "999.00"),          // outside the window: absent
                fact("F4", "D", SZ, 1, "0.00"));           // zero spend in the window: present with 0
        Map<AccountId, Money> averages = SpendAverages.over(facts, q1);
        assertThat(averages).containsExactly(
                Map.entry(new AccountId("A"), Money.cny("33.33")),
                Map.entry(new AccountId("B"), Money.cny("0.02")),
                Map.entry(new AccountId("D"), Money.zero()));
    }

    @Test
    void plainTotalsRoundHalfEvenToTheCent() {
        Map<AccountId, Money> averages = SpendAverages.over(Map.of(
                new AccountId("X"), Money.cny("0.05"), new AccountId("Y"), Money.cny("0.15"), new AccountId("Z"), Money.cny("0.25")), 2);
        assertThat(averages.get(new AccountId("X"))).isEqualTo(Money.cny("0.02"));  // 0.025 -> 0.02
        assertThat(averages.get(new AccountId("Y"))).isEqualTo(Money.cny("0.08"));  // 0.075 -> 0.08
        assertThat(averages.get(new AccountId("Z"))).isEqualTo(Money.cny("0.12"));  // 0.125 -> 0.12
        assertThat(averages.keySet()).extracting(AccountId::value).containsExactly("X", "Y", "Z");
    }

    @Test
    void groupsByNetwork() {
        Set<YearMonth> window = Set.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        Map<LocalNetworkId, Map<AccountId, Money>> byNetwork = SpendAverages.byNetwork(List.of(
                fact("F1", "A", SZ, 1, "10.00"), fact("F2", "A", SZ, 2, "20.00"), fact("F3", "B", KM, 2, "7.00")), window);
        assertThat(byNetwork.keySet()).containsExactly(KM, SZ);
        assertThat(byNetwork.get(SZ)).containsExactly(Map.entry(new AccountId("A"), Money.cny("15.00")));
        assertThat(byNetwork.get(KM)).containsExactly(Map.entry(new AccountId("B"), Money.cny("3.50")));
    }

    @Test
    void rejectsAnEmptyWindowAndBadTotals() {
        assertThatThrownBy(() -> SpendAverages.over(List.of(), Set.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> SpendAverages.over(Map.of(new AccountId("A"), Money.cny("1.00")), 0))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("months");
        assertThatThrownBy(() -> SpendAverages.over(Map.of(new AccountId("A"), Money.cny("-1.00")), 1))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("totals[A]");
        assertThatThrownBy(() -> SpendAverages.over(null, Set.of(YearMonth.of(2024, 1)))).isInstanceOf(InvalidArgumentException.class);
    }
}
