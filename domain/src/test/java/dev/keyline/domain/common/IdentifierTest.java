package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "ACC-001", "user_7", "sz.ddn:2026", "0"})
    void acceptsLettersDigitsAndSeparators(String value) {
        assertThat(Identifier.check(value, "accountId")).isEqualTo(value);
        assertThat(new UserId(value).value()).isEqualTo(value);
        assertThat(new UserId(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "slash/", "中文", "semi;colon", "a\nb", "ü"})
    void rejectsOtherCharactersNamingTheArgumentAndValue(String value) {
        assertThatThrownBy(() -> Identifier.check(value, "accountId"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("accountId"))
                .hasMessageContaining(value);
    }

    @Test
    void acceptsSixtyFourCharactersButNotSixtyFive() {
        assertThat(Identifier.check("x".repeat(64), "id")).hasSize(64);
        assertThatThrownBy(() -> Identifier.check("x".repeat(65), "id"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("64").hasMessageContaining("65");
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> Identifier.check(null, "workOrderId"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("workOrderId"));
        assertThatThrownBy(() -> Identifier.check(" ", "workOrderId")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new UserId(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("userId"));
    }

    @Test
    void acceptsExactlyTheAllowedAlphabet() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 64)).checkAssert(s -> {
            boolean allowed = s.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.:".indexOf(c) >= 0);
            if (allowed) {
                assertThat(Identifier.check(s, "id")).isEqualTo(s);
            } else {
                assertThatThrownBy(() -> Identifier.check(s, "id")).isInstanceOf(InvalidArgumentException.class);
            }
        });
    }
}
