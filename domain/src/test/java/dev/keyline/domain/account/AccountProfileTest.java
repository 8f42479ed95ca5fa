package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountProfileTest {

    private static final Money M = Money.cny("1000000.00");

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("branches", (Runnable) () -> new AccountProfile(-1, M, BigDecimal.ZERO, M, BigDecimal.ZERO, false, false, 0, 0)),
                Arguments.of("annualTurnover", (Runnable) () -> new AccountProfile(0, null, BigDecimal.ZERO, M, BigDecimal.ZERO, false, false, 0, 0)),
                Arguments.of("annualTurnover", (Runnable) () -> new AccountProfile(0, Money.cny("-1"), BigDecimal.ZERO, M, BigDecimal.ZERO, false, false, 0, 0)),
                Arguments.of("turnoverGrowth", (Runnable) () -> new AccountProfile(0, M, null, M, BigDecimal.ZERO, false, false, 0, 0)),
                Arguments.of("turnoverGrowth", (Runnable) () -> new AccountProfile(0, M, new BigDecimal("-1.01"), M, BigDecimal.ZERO, false, false, 0, 0)),
                Arguments.of("annualInvestment", (Runnable) () -> new AccountProfile(0, M, BigDecimal.ZERO, Money.cny("-0.01"), BigDecimal.ZERO, false, false, 0, 0)),
                Arguments.of("whiteCollarShare", (Runnable) () -> new AccountProfile(0, M, BigDecimal.ZERO, M, new BigDecimal("-0.1"), false, false, 0, 0)),
                Arguments.of("whiteCollarShare", (Runnable) () -> new AccountProfile(0, M, BigDecimal.ZERO, M, new BigDecimal("1.01"), false, false, 0, 0)),
                Arguments.of("yearsWithOperator", (Runnable) () -> new AccountProfile(0, M, BigDecimal.ZERO, M, BigDecimal.ZERO, false, false, -1, 0)),
                Arguments.of("ownCustomerCount", (Runnable) () -> new AccountProfile(0, M, BigDecimal.ZERO, M, BigDecimal.ZERO, false, false, 0, -5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidFieldsNamingThem(String field, Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).argument()).isEqualTo(field));
    }

    @Test
    void acceptsTheBoundaries() {
        AccountProfile p = new AccountProfile(12, M, BigDecimal.ONE.negate(), Money.zero(), BigDecimal.ONE, true, true, 8, 30_000);
        assertThat(p.turnoverGrowth()).isEqualByComparingTo("-1");
        assertThat(p.whiteCollarShare()).isEqualByComparingTo("1");
    }

    @Test
    void blankProfileHasNothing() {
        AccountProfile blank = AccountProfile.blank();
        assertThat(blank.branches()).isZero();
        assertThat(blank.annualTurnover().isZero()).isTrue();
        assertThat(blank.leasesPrivateCircuits()).isFalse();
    }
}
