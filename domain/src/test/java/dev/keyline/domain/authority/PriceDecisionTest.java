package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.Role;

class PriceDecisionTest {

    private static final UserId USER = new UserId("chen.im");
    private static final Instant AT = Instant.parse("2024-03-04T09:00:00Z");

    static Stream<Arguments> invalidDecisions() {
        return Stream.of(
                Arguments.of("kind", null, USER, Role.INDUSTRY_MANAGER, null, AT, "r"),
                Arguments.of("decidedBy", PriceDecision.Kind.APPROVAL, null, Role.INDUSTRY_MANAGER, null, AT, "r"),
                Arguments.of("decidedAt", PriceDecision.Kind.APPROVAL, USER, Role.INDUSTRY_MANAGER, null, null, "r"),
                Arguments.of("reason", PriceDecision.Kind.APPROVAL, USER, Role.INDUSTRY_MANAGER, null, AT, " "),
                Arguments.of("role", PriceDecision.Kind.APPROVAL, USER, null, null, AT, "r"),
                Arguments.of("role", PriceDecision.Kind.REJECTION, USER, null, null, AT, "r"),
                Arguments.of("role", PriceDecision.Kind.WITHDRAWAL, USER, Role.ACCOUNT_MANAGER, null, AT, "r"),
                Arguments.of("maximumDiscount", PriceDecision.Kind.WITHDRAWAL, USER, null, BigDecimal.ONE, AT, "r"),
                Arguments.of("maximumDiscount", PriceDecision.Kind.APPROVAL, USER, Role.INDUSTRY_MANAGER,
                        new BigDecimal("1.5"), AT, "r"),
                Arguments.of("maximumDiscount", PriceDecision.Kind.APPROVAL, USER, Role.INDUSTRY_MANAGER,
                        new BigDecimal("-0.1"), AT, "r"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidDecisions")
    void rejectsInvalidDecisionsNamingTheComponent(String argument, PriceDecision.Kind kind, UserId by, Role role,
            BigDecimal maximum, Instant at, String reason) {
        assertThatThrownBy(() -> new PriceDecision(kind, by, role, maximum, at, reason))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument));
    }

    @Test
    void normalisesTheRecordedAuthority() {
        PriceDecision decision = new PriceDecision(PriceDecision.Kind.APPROVAL, USER, Role.INDUSTRY_MANAGER,
                new BigDecimal("0.150"), AT, "ok");
        assertThat(decision).isEqualTo(new PriceDecision(PriceDecision.Kind.APPROVAL, USER, Role.INDUSTRY_MANAGER,
                new BigDecimal("0.15"), AT, "ok"));
        assertThat(decision.isApproval()).isTrue();
        assertThat(decision.roleIfAny()).contains(Role.INDUSTRY_MANAGER);
        assertThat(decision.maximumDiscountIfAny()).contains(new BigDecimal("0.15"));
    }
}
