package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.LocalNetworkId;

class ClassificationTest {

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");

    private static RankedAccount ranked(String id, String spend) {
        return new RankedAccount(new AccountId(id), Money.cny(spend));
    }

    @Test
    void keyAccountsAreRankedBySpendThenId() {
        Classification c = new Classification(SZ, "minimum", Optional.of(Money.cny("5.00")),
                List.of(ranked("B", "10.00"), ranked("C", "20.00"), ranked("A", "10.00")));
        assertThat(c.keyAccountIds()).extracting(AccountId::value).containsExactly("C", "A", "B");
        assertThat(c.isKeyAccount(new AccountId("A"))).isTrue();
        assertThat(c.isKeyAccount(new AccountId("Z"))).isFalse();
        assertThat(c.keyAccountSpend()).isEqualTo(Money.cny("40.00"));
    }

    @Test
    void rejectsAnAccountTwice() {
        assertThatThrownBy(() -> new Classification(SZ, "share", Optional.of(Money.cny("1.00")),
                List.of(ranked("A", "10.00"), ranked("A", "11.00")))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("appears twice");
    }

    @Test
    void rejectsAnAccountBelowTheThreshold() {
        assertThatThrownBy(() -> new Classification(SZ, "share", Optional.of(Money.cny("10.00")),
                List.of(ranked("A", "9.99")))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("below");
    }

    @Test
    void keyAccountsNeedAThreshold() {
        assertThatThrownBy(() -> new Classification(SZ, "share", Optional.empty(), List.of(ranked("A", "9.99"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("threshold");
        assertThat(new Classification(SZ, "share", Optional.empty(), List.of()).keyAccounts()).isEmpty();
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> new Classification(null, "share", Optional.empty(), List.of())).hasMessageContaining("network");
        assertThatThrownBy(() -> new Classification(SZ, " ", Optional.empty(), List.of())).hasMessageContaining("rule");
        assertThatThrownBy(() -> new Classification(SZ, "share", null, List.of())).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new Classification(SZ, "share", Optional.empty(), null)).hasMessageContaining("keyAccounts");
        assertThatThrownBy(() -> new RankedAccount(null, Money.zero())).hasMessageContaining("account");
        assertThatThrownBy(() -> new RankedAccount(new AccountId("A"), Money.cny("-1.00"))).hasMessageContaining("averageMonthlySpend");
    }
}
