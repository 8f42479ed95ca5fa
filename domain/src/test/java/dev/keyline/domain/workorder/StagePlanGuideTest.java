package dev.keyline.domain.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/work-orders.md, run as written, so the guide stays true. */
class StagePlanGuideTest {

    @Test
    void theGuidesPlan() {
        StagePlan plan = StagePlan.of(List.of(
                PlannedStage.ofDays(new StageId("order"), new BigDecimal("0.5"), List.of()),
                PlannedStage.ofDays(new StageId("local"), new BigDecimal("1"), List.of(new StageId("order"))),
                PlannedStage.ofDays(new StageId("provincial"), new BigDecimal("4.5"), List.of(new StageId("local"))),
                PlannedStage.ofDays(new StageId("far"), new BigDecimal("2"), List.of(new StageId("local"))),
                PlannedStage.ofDays(new StageId("test"), new BigDecimal("0.5"),
                        List.of(new StageId("provincial"), new StageId("far")))));

        assertThat(plan.longestPath()).isEqualTo(Duration.parse("PT156H"));
        assertThat(plan.criticalPath()).extracting(StageId::value).containsExactly("order", "local", "provincial", "test");
        assertThat(plan.committedCompletion(Instant.parse("2026-03-02T09:00:00Z"), BusinessCalendar.allDays(ZoneOffset.UTC)))
                .isEqualTo(Instant.parse("2026-03-08T21:00:00Z"));
    }

    @Test
    void theGuidesDdnTotals() {
        assertThat(SeedProvisioningPlans.ddnSequential().longestPath()).isEqualTo(Duration.ofDays(20));
        assertThat(SeedProvisioningPlans.ddnParallel().longestPath()).isEqualTo(Duration.ofDays(5));
        assertThat(PlannedStage.daysOf(Duration.ofHours(12))).isEqualByComparingTo("0.5");
    }
}
