package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.LocalNetworkId;

class SpendFactTest {

    private static final SpendFactId F1 = new SpendFactId("F1");
    private static final AccountId A = new AccountId("A");
    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final Instant AT = Instant.parse("2024-02-03T00:00:00Z");

    static Stream<Arguments> invalid() {
        Money m = Money.cny("10.00");
        return Stream.of(
                Arguments.of("id", (Runnable) () -> new SpendFact(null, A, SZ, JAN, m, AT, Optional.empty())),
                Arguments.of("account", (Runnable) () -> new SpendFact(F1, null, SZ, JAN, m, AT, Optional.empty())),
                Arguments.of("network", (Runnable) () -> new SpendFact(F1, A, null, JAN, m, AT, Optional.empty())),
                Arguments.of("month", (Runnable) () -> new SpendFact(F1, A, SZ, null, m, AT, Optional.empty())),
                Arguments.of("amount", (Runnable) () -> new SpendFact(F1, A, SZ, JAN, null, AT, Optional.empty())),
                Arguments.of("amount", (Runnable) () -> new SpendFact(F1, A, SZ, JAN, Money.cny("-0.01"), AT, Optional.empty())),
                Arguments.of("recordedAt", (Runnable) () -> new SpendFact(F1, A, SZ, JAN, m, null, Optional.empty())),
                Arguments.of("corrects", (Runnable) () -> new SpendFact(F1, A, SZ, JAN, m, AT, null)),
                Arguments.of("corrects", (Runnable) () -> new SpendFact(F1, A, SZ, JAN, m, AT, Optional.of(F1))),
                Arguments.of("spendFactId", (Runnable) () -> new SpendFactId("no spaces")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidFacts(String field, Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).argument()).isEqualTo(field));
    }

    @Test
    void aCorrectionKeepsAccountNetworkAndMonthAndNamesTheCorrectedFact() {
        SpendFact original = SpendFact.original(F1, A, SZ, JAN, Money.cny("10.00"), AT);
        SpendFact correction = original.correctedBy(new SpendFactId("F2"), Money.cny("12.00"), AT.plusSeconds(5));
        assertThat(original.isCorrection()).isFalse();
        assertThat(correction.isCorrection()).isTrue();
        assertThat(correction.corrects()).contains(F1);
        assertThat(correction.account()).isEqualTo(A);
        assertThat(correction.network()).isEqualTo(SZ);
        assertThat(correction.month()).isEqualTo(JAN);
    }

    @Test
    void aCorrectionCannotPredateTheFactItCorrects() {
        SpendFact original = SpendFact.original(F1, A, SZ, JAN, Money.cny("10.00"), AT);
        assertThatThrownBy(() -> original.correctedBy(new SpendFactId("F2"), Money.cny("1.00"), AT.minusSeconds(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("correctedAt");
    }
}
