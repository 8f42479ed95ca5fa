package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingWindowTest {

    @Test
    void parsesAndWritesItsTextForm() {
        WorkingWindow morning = WorkingWindow.parse("08:30-12:00");
        assertThat(morning).isEqualTo(WorkingWindow.of(LocalTime.of(8, 30), LocalTime.NOON));
        assertThat(morning).hasToString("08:30-12:00");
        assertThat(morning.length()).isEqualTo(Duration.ofMinutes(210));
        assertThat(morning.endsAtEndOfDay()).isFalse();
        WorkingWindow late = WorkingWindow.parse("22:00-24:00");
        assertThat(late.end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(late.endsAtEndOfDay()).isTrue();
        assertThat(late).hasToString("22:00-24:00");
        assertThat(late.length()).isEqualTo(Duration.ofHours(2));
        assertThat(WorkingWindow.parse("00:00-24:00").length()).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8:30-12:00", "08:30–12:00", "08:30-25:00", "12:00-08:30", "08:30-08:30", "24:00-24:00", "08:60-09:00"})
    void rejectsMalformedOrEmptyWindows(String text) {
        assertThatThrownBy(() -> WorkingWindow.parse(text)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void rejectsNullsAndEmptyWindowsNamingTheArgument() {
        assertThatThrownBy(() -> WorkingWindow.of(null, LocalTime.NOON))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("start"));
        assertThatThrownBy(() -> WorkingWindow.of(LocalTime.NOON, null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("end"));
        assertThatThrownBy(() -> WorkingWindow.of(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("end"))
                .hasMessageContaining("12:00");
        assertThatThrownBy(() -> WorkingWindow.parse(null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("window"));
    }
}
