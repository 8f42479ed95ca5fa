package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReclassificationPolicyTest {

    private static final LocalDate LAST = LocalDate.of(2024, 1, 1);

    @Test
    void halfYearlyIsDueSixMonthsAfterTheLastRun() {
        ReclassificationPolicy policy = ReclassificationPolicy.halfYearly();
        assertThat(policy.nextRunAfter(LAST)).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(policy.isDue(LAST, LocalDate.of(2024, 6, 30))).isFalse();
        assertThat(policy.isDue(LAST, LocalDate.of(2024, 7, 1))).isTrue();
        assertThat(policy.isDue(Optional.empty(), LAST)).isTrue();
    }

    @Test
    void yearlyIsDueTwelveMonthsAfter() {
        ReclassificationPolicy policy = ReclassificationPolicy.yearly();
        assertThat(policy.isDue(LAST, LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(policy.isDue(LAST, LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(policy.window(LocalDate.of(2025, 1, 1)))
                .isEqualTo(new AssessmentWindow(YearMonth.of(2024, 1), YearMonth.of(2024, 12)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 7, 24})
    void onlySixOrTwelveMonths(int months) {
        assertThatThrownBy(() -> new ReclassificationPolicy(months)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("intervalMonths");
    }

    @Test
    void todayBeforeTheLastRunIsAnError() {
        assertThatThrownBy(() -> ReclassificationPolicy.yearly().isDue(LAST, LAST.minusDays(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("today");
        assertThatThrownBy(() -> ReclassificationPolicy.yearly().isDue((Optional<LocalDate>) null, LAST))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
