package dev.keyline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypePatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "account.created, account.created, true",
            "account.created, account.created.x, false",
            "account.created, account.create, false",
            "account.*, account.created, true",
            "account.*, account.kpi.breached, true",
            "account.*, account, false",
            "account.*, account., false",
            "account.*, accounts.created, false",
            "account.*, Account.created, false",
            "account.kpi.*, account.kpi.breached, true",
            "account.kpi.*, account.created, false",
            "sla.signed, SLA.signed, false"
    })
    void matchesExactTypesAndDottedPrefixes(String pattern, String type, boolean expected) {
        assertThat(EventTypePattern.of(pattern).matches(type)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*", ".*", "account*", "acc*.x", "account.*.x", "account .x", ".account",
            "account.", "account..x", "account..*"})
    void rejectsMalformedPatternsNamingTheArgument(String pattern) {
        assertThatThrownBy(() -> EventTypePattern.of(pattern))
                .isInstanceOf(InvalidArgumentException.class)
                .extracting(e -> ((InvalidArgumentException) e).argument())
                .isEqualTo("eventTypePattern");
    }

    @ParameterizedTest
    @NullSource
    void rejectsNull(String pattern) {
        assertThatThrownBy(() -> EventTypePattern.of(pattern)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("eventTypePattern");
    }

    @ParameterizedTest
    @CsvSource({"account.*, true", "account.created, false"})
    void tellsPrefixFromExact(String pattern, boolean prefix) {
        assertThat(EventTypePattern.of(pattern).isPrefix()).isEqualTo(prefix);
    }
}
