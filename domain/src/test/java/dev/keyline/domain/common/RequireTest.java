package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

    @Test
    void nonNullReturnsTheValueOrNamesTheArgument() {
        assertThat(Require.nonNull("x", "name")).isEqualTo("x");
        assertRejected(() -> Require.nonNull(null, "accountId"), "accountId", "must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void nonBlankRejectsBlankText(String text) {
        assertRejected(() -> Require.nonBlank(text, "subject"), "subject", "must not be blank");
    }

    @Test
    void nonBlankReturnsTheValueOrRejectsNull() {
        assertThat(Require.nonBlank(" a ", "subject")).isEqualTo(" a ");
        assertRejected(() -> Require.nonBlank(null, "subject"), "subject", "must not be null");
    }

    @Test
    void thatFailsWithTheGivenMessage() {
        Require.that(true, "quarter", "never shown");
        assertRejected(() -> Require.that(false, "quarter", "must be between 1 and 4"), "quarter", "must be between 1 and 4");
    }

    @Test
    void numericChecksNameTheValue() {
        assertThat(Require.nonNegative(0, "units")).isZero();
        assertThat(Require.positive(1, "units")).isEqualTo(1);
        assertRejected(() -> Require.nonNegative(-1, "units"), "units", "-1");
        assertRejected(() -> Require.positive(0, "units"), "units", "must be positive, was 0");
        assertThat(Require.nonNegative(BigDecimal.ZERO, "weight")).isZero();
        assertRejected(() -> Require.nonNegative(new BigDecimal("-0.50"), "weight"), "weight", "-0.50");
        assertRejected(() -> Require.nonNegative((BigDecimal) null, "weight"), "weight", "must not be null");
    }

    @Test
    void elementChecksNameTheElementByItsKeyOnlyWhenTheyFail() {
        Object key = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("the element's name was built for a check that holds");
            }
        };
        assertThat(Require.nonNull("x", "totals", key)).isEqualTo("x");
        assertThat(Require.nonNegative(BigDecimal.ZERO, "totals", key)).isZero();
        assertThat(Require.positive(1, "ranks", key)).isEqualTo(1);
        Require.that(true, "volumes", key, () -> {
            throw new AssertionError("the message was built for a check that holds");
        });

        assertRejected(() -> Require.nonNull(null, "totals", "KA-1"), "totals[KA-1]", "must not be null");
        assertRejected(() -> Require.nonNegative((BigDecimal) null, "totals", 2), "totals[2]", "must not be null");
        assertRejected(() -> Require.nonNegative(new BigDecimal("-0.50"), "totals", "KA-1"), "totals[KA-1]", "-0.50");
        assertRejected(() -> Require.positive(0, "ranks", "FINANCE"), "ranks[FINANCE]", "must be positive, was 0");
        assertRejected(() -> Require.that(false, "volumes", 3, () -> "must be at most 10, was 11"), "volumes[3]",
                "must be at most 10, was 11");
        assertRejected(() -> Require.that(false, "volumes", 3, null), "message", "must not be null");
        assertRejected(() -> Require.that(true, null, 3, () -> ""), "name", "must not be null");
        assertRejected(() -> Require.that(true, "volumes", null, () -> ""), "key", "must not be null");
        assertRejected(() -> Require.nonNull("x", null, "KA-1"), "name", "must not be null");
        assertRejected(() -> Require.positive(1, null, "KA-1"), "name", "must not be null");
        assertRejected(() -> Require.nonNull("x", "totals", null), "key", "must not be null");
        assertRejected(() -> Require.nonNegative(BigDecimal.ONE, "totals", null), "key", "must not be null");
        assertRejected(() -> Require.positive(1, "ranks", null), "key", "must not be null");
    }

    @Test
    void nonNullElementsCopiesOrNamesTheNullElement() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        List<String> copy = Require.nonNullElements(source, "ids");
        source.add("c");
        assertThat(copy).containsExactly("a", "b");
        assertThatThrownBy(() -> copy.add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertRejected(() -> Require.nonNullElements(Arrays.asList("a", null), "ids"), "ids[1]", "must not be null");
        assertRejected(() -> Require.nonNullElements(null, "ids"), "ids", "must not be null");
        assertRejected(() -> Require.nonNullElements(Arrays.asList("a", "b", null, null), "ids"), "ids[2]",
                "must not be null");
    }

    @Test
    void nonNullElementsHandsAnUnmodifiableCopyBackAsItIs() {
        List<String> copy = Require.nonNullElements(new ArrayList<>(List.of("a", "b")), "ids");

        assertThat(Require.nonNullElements(copy, "ids")).isSameAs(copy);
        assertThat(Require.nonNullElements(List.of(), "ids")).isEmpty();
    }

    @Test
    void sameComparesByEquals() {
        Require.same("CNY", new String("CNY"), "currency");
        Require.same(null, null, "currency");
        assertRejected(() -> Require.same("CNY", "USD", "currency"), "currency", "expected CNY but was USD");
    }

    private static void assertRejected(Runnable call, String argument, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.argument()).isEqualTo(argument);
            assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_ARGUMENT);
        }).hasMessageContaining(argument).hasMessageContaining(text);
    }

    @Test
    void textRejectsBlankAndOverlongValuesByName() {
        assertThat(Require.text("a reason", "reason")).isEqualTo("a reason");
        assertThat(Require.text("x".repeat(Require.MAX_TEXT_LENGTH), "reason")).hasSize(Require.MAX_TEXT_LENGTH);
        assertThatThrownBy(() -> Require.text("x".repeat(Require.MAX_TEXT_LENGTH + 1), "reason"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("reason")
                .hasMessageContaining("at most 4000 characters");
        assertThatThrownBy(() -> Require.text(" ", "note")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("note");
        assertThatThrownBy(() -> Require.text("abc", "name", 2)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("name: must be at most 2 characters, was 3");
    }
}
