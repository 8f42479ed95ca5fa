package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.LocalNetworkId;

class EffectiveSpendTest {

    private static final AccountId A = new AccountId("A");
    private static final AccountId B = new AccountId("B");
    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalNetworkId KM = new LocalNetworkId("KM");
    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth FEB = YearMonth.of(2024, 2);
    private static final Instant T = Instant.parse("2024-02-03T00:00:00Z");

    private static SpendFact fact(String id, AccountId account, YearMonth month, String amount) {
        return SpendFact.original(new SpendFactId(id), account, SZ, month, Money.cny(amount), T);
    }

    @Test
    void independentFactsOfAMonthAddUpAndCorrectionsReplace() {
        SpendFact voice = fact("F1", A, JAN, "100.00");
        SpendFact data = fact("F2", A, JAN, "50.00");
        SpendFact dataFixed = data.correctedBy(new SpendFactId("F3"), Money.cny("70.00"), T.plusSeconds(10));
        SpendFact dataFixedAgain = dataFixed.correctedBy(new SpendFactId("F4"), Money.cny("65.00"), T.plusSeconds(20));
        SpendFact other = fact("F5", B, FEB, "9.99");
        assertThat(EffectiveSpend.of(List.of(dataFixedAgain, other, voice, dataFixed, data))).containsExactly(
                new MonthlySpend(A, SZ, JAN, Money.cny("165.00")),
                new MonthlySpend(B, SZ, FEB, Money.cny("9.99")));
        assertThat(EffectiveSpend.ofAccount(List.of(voice, data, dataFixed), A)).containsEntry(JAN, Money.cny("170.00")).hasSize(1);
    }

    @Test
    void aCorrectionToZeroRemovesTheSpendButKeepsTheMonth() {
        SpendFact f = fact("F1", A, JAN, "100.00");
        assertThat(EffectiveSpend.of(List.of(f, f.correctedBy(new SpendFactId("F2"), Money.zero(), T))))
                .containsExactly(new MonthlySpend(A, SZ, JAN, Money.zero()));
    }

    @Test
    void identicalRepeatsCountOnceButClashingIdsAreRejected() {
        SpendFact f = fact("F1", A, JAN, "100.00");
        assertThat(EffectiveSpend.of(List.of(f, f))).containsExactly(new MonthlySpend(A, SZ, JAN, Money.cny("100.00")));
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(f, fact("F1", A, JAN, "1.00"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("share the id F1");
    }

    @Test
    void rejectsACorrectionOfAnUnknownFact() {
        SpendFact orphan = new SpendFact(new SpendFactId("F2"), A, SZ, JAN, Money.zero(), T, Optional.of(new SpendFactId("F9")));
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(orphan))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("unknown fact F9");
    }

    @Test
    void rejectsACorrectionOfAnotherMonth() {
        SpendFact f = fact("F1", A, JAN, "1.00");
        SpendFact wrong = new SpendFact(new SpendFactId("F2"), A, SZ, FEB, Money.zero(), T, Optional.of(f.id()));
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(f, wrong))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("another account or month");
    }

    @Test
    void rejectsACorrectionRecordedBeforeItsTarget() {
        SpendFact f = fact("F1", A, JAN, "1.00");
        SpendFact early = new SpendFact(new SpendFactId("F2"), A, SZ, JAN, Money.zero(), T.minusSeconds(1), Optional.of(f.id()));
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(f, early))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("recorded before");
    }

    @Test
    void rejectsACycle() {
        SpendFact x = new SpendFact(new SpendFactId("X"), A, SZ, JAN, Money.zero(), T, Optional.of(new SpendFactId("Y")));
        SpendFact y = new SpendFact(new SpendFactId("Y"), A, SZ, JAN, Money.zero(), T, Optional.of(new SpendFactId("X")));
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(x, y))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void rejectsTwoCorrectionsOfOneFact() {
        SpendFact f = fact("F1", A, JAN, "1.00");
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(f, f.correctedBy(new SpendFactId("F2"), Money.zero(), T),
                f.correctedBy(new SpendFactId("F3"), Money.zero(), T)))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("corrected by both");
    }

    @Test
    void rejectsAnAccountUnderTwoNetworks() {
        SpendFact sz = fact("F1", A, JAN, "1.00");
        SpendFact km = SpendFact.original(new SpendFactId("F2"), A, KM, FEB, Money.cny("1.00"), T);
        assertThatThrownBy(() -> EffectiveSpend.of(List.of(sz, km))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("networks");
    }

    @Test
    void rejectsNullInput() {
        assertThatThrownBy(() -> EffectiveSpend.of(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> EffectiveSpend.of(Arrays.asList(fact("F1", A, JAN, "1.00"), null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("facts[1]");
        assertThatThrownBy(() -> EffectiveSpend.ofAccount(List.of(), null)).isInstanceOf(InvalidArgumentException.class);
    }
}
