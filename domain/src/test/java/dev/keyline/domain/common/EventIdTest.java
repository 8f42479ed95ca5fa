package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

    @Test
    void parsesWhatItWrites() {
        qt().forAll(longs().all(), longs().all()).checkAssert((hi, lo) -> {
            EventId id = new EventId(new UUID(hi, lo));
            assertThat(EventId.parse(id.toString())).isEqualTo(id);
            assertThat(id.toString()).isEqualTo(id.value().toString());
        });
    }

    @Test
    void randomIdsDiffer() {
        Set<EventId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(EventId.random());
        }
        assertThat(ids).hasSize(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1234", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> EventId.parse(text))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("eventId"))
                .hasMessageContaining(text);
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> new EventId(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("value"));
        assertThatThrownBy(() -> EventId.parse(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("eventId"));
        assertThatThrownBy(() -> EventId.parse(" ")).isInstanceOf(InvalidArgumentException.class);
    }
}
