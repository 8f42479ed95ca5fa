package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssessmentWindowTest {

    @Test
    void theWholeMonthsBeforeTheRunDate() {
        AssessmentWindow w = AssessmentWindow.endingBefore(LocalDate.of(2024, 7, 15), 6);
        assertThat(w).isEqualTo(new AssessmentWindow(YearMonth.of(2024, 1), YearMonth.of(2024, 6)));
        assertThat(w.size()).isEqualTo(6);
        assertThat(w.months()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3),
                YearMonth.of(2024, 4), YearMonth.of(2024, 5), YearMonth.of(2024, 6));
        assertThat(w.contains(YearMonth.of(2024, 6))).isTrue();
        assertThat(w.contains(YearMonth.of(2024, 7))).isFalse();
        assertThat(AssessmentWindow.endingBefore(LocalDate.of(2024, 1, 1), 12))
                .isEqualTo(new AssessmentWindow(YearMonth.of(2023, 1), YearMonth.of(2023, 12)));
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStartsOrIsTooLong() {
        assertThatThrownBy(() -> new AssessmentWindow(YearMonth.of(2024, 2), YearMonth.of(2024, 1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("last");
        assertThatThrownBy(() -> new AssessmentWindow(YearMonth.of(2000, 1), YearMonth.of(2010, 1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("120");
        assertThatThrownBy(() -> new AssessmentWindow(null, YearMonth.of(2010, 1))).hasMessageContaining("first");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 121})
    void rejectsBadLengths(int months) {
        assertThatThrownBy(() -> AssessmentWindow.endingBefore(LocalDate.of(2024, 7, 1), months))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("months");
    }
}
