package dev.keyline.domain.workorder;

import static dev.keyline.domain.workorder.SeedProvisioningPlans.ACCEPTANCE;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.FAR_END_LOCAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.FAR_END_PROVINCIAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.INTER_PROVINCIAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.JOINT_TEST;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.LOCAL;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.ORDER_ESTABLISHED;
import static dev.keyline.domain.workorder.SeedProvisioningPlans.PROVINCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.WeeklyCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Provisioning plans on worked examples: the seed's DDN circuit and the validation of a plan's stages. */
class StagePlanTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final BusinessCalendar CALENDAR_DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);

    private static PlannedStage stage(String id, String days, String... after) {
        return PlannedStage.ofDays(new StageId(id), new BigDecimal(days), List.of(after).stream().map(StageId::new).toList());
    }

    @Test
    void theSeedsDdnCircuitDropsFromTwentyDaysToFive() {
        StagePlan sequential = SeedProvisioningPlans.ddnSequential();
        StagePlan parallel = SeedProvisioningPlans.ddnParallel();

        assertThat(sequential.longestPath()).isEqualTo(Duration.ofDays(20));
        assertThat(parallel.sequentialDuration()).isEqualTo(Duration.ofDays(20));
        assertThat(parallel.longestPath()).isEqualTo(Duration.ofDays(5));
        assertThat(parallel.stages()).extracting(PlannedStage::id).containsExactly(ORDER_ESTABLISHED, LOCAL, PROVINCIAL,
                INTER_PROVINCIAL, FAR_END_PROVINCIAL, FAR_END_LOCAL, JOINT_TEST, ACCEPTANCE);
        // 2 March 09:00 + 5 days; the sequential plan + 20 days
        assertThat(parallel.committedCompletion(START, CALENDAR_DAYS)).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
        assertThat(sequential.committedCompletion(START, CALENDAR_DAYS)).isEqualTo(Instant.parse("2026-03-22T09:00:00Z"));
        // the first of the five equal levels is on the critical path
        assertThat(parallel.criticalPath()).containsExactly(ORDER_ESTABLISHED, LOCAL, JOINT_TEST, ACCEPTANCE);
    }

    @Test
    void theSeedsDdnStagesAreScheduledInParallel() {
        StageSchedule schedule = SeedProvisioningPlans.ddnParallel().schedule(START, CALENDAR_DAYS);

        // order established 09:00-21:00; every level 21:00 + 3.75 days (90 h) = 6 March 15:00;
        // joint test until 7 March 03:00; acceptance until 09:00
        assertThat(schedule.stages()).containsExactly(
                new ScheduledStage(ORDER_ESTABLISHED, START, Instant.parse("2026-03-02T21:00:00Z")),
                new ScheduledStage(LOCAL, Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-06T15:00:00Z")),
                new ScheduledStage(PROVINCIAL, Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-06T15:00:00Z")),
                new ScheduledStage(INTER_PROVINCIAL, Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-06T15:00:00Z")),
                new ScheduledStage(FAR_END_PROVINCIAL, Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-06T15:00:00Z")),
                new ScheduledStage(FAR_END_LOCAL, Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-06T15:00:00Z")),
                new ScheduledStage(JOINT_TEST, Instant.parse("2026-03-06T15:00:00Z"), Instant.parse("2026-03-07T03:00:00Z")),
                new ScheduledStage(ACCEPTANCE, Instant.parse("2026-03-07T03:00:00Z"), Instant.parse("2026-03-07T09:00:00Z")));
        assertThat(schedule.committedCompletion()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
    }

    @Test
    void theIssuesExampleEndsAfterSixAndAHalfDays() {
        // order 0.5 -> local 1 -> (provincial 4.5 | far 2) -> test 0.5
        StagePlan plan = StagePlan.of(List.of(stage("order", "0.5"), stage("local", "1", "order"),
                stage("provincial", "4.5", "local"), stage("far", "2", "local"), stage("test", "0.5", "provincial", "far")));

        // longest: order 0.5 + local 1 + provincial 4.5 + test 0.5 = 6.5 days
        assertThat(PlannedStage.daysOf(plan.longestPath())).isEqualByComparingTo("6.5");
        assertThat(plan.criticalPath()).extracting(StageId::value).containsExactly("order", "local", "provincial", "test");
        assertThat(plan.committedCompletion(Instant.parse("2026-03-02T09:00:00Z"), CALENDAR_DAYS))
                .isEqualTo(Instant.parse("2026-03-08T21:00:00Z"));
        assertThat(plan.earliestStart(new StageId("test"))).isEqualTo(Duration.ofHours(144));
    }

    @Test
    void onOfficeHoursTheCommitmentCountsOnlyWorkingTime() {
        // weekdays 09:00-17:00 in Shanghai; 16 working hours from Friday 6 March 09:00 (01:00Z):
        // Friday's 8 hours, then Monday's 8 hours, ending Monday 9 March 17:00 (09:00Z)
        WeeklyCalendar office = WeeklyCalendar.builder(ZoneId.of("Asia/Shanghai")).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .build();
        StagePlan plan = StagePlan.of(List.of(new PlannedStage(new StageId("a"), Duration.ofHours(8), List.of()),
                new PlannedStage(new StageId("b"), Duration.ofHours(8), List.of(new StageId("a")))));

        assertThat(plan.committedCompletion(Instant.parse("2026-03-06T01:00:00Z"), office))
                .isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
    }

    @Test
    void readyStagesRunInParallelOnceTheirPredecessorsAreDone() {
        StagePlan plan = SeedProvisioningPlans.ddnParallel();

        assertThat(plan.readyStages(Set.of())).containsExactly(ORDER_ESTABLISHED);
        assertThat(plan.readyStages(Set.of(ORDER_ESTABLISHED))).containsExactly(LOCAL, PROVINCIAL, INTER_PROVINCIAL,
                FAR_END_PROVINCIAL, FAR_END_LOCAL);
        assertThat(plan.readyStages(Set.of(ORDER_ESTABLISHED, LOCAL, PROVINCIAL, INTER_PROVINCIAL, FAR_END_PROVINCIAL)))
                .containsExactly(FAR_END_LOCAL);
        assertThat(plan.isReady(JOINT_TEST, Set.of(ORDER_ESTABLISHED, LOCAL))).isFalse();
        assertThat(plan.isReady(JOINT_TEST, Set.of(ORDER_ESTABLISHED, LOCAL, PROVINCIAL, INTER_PROVINCIAL, FAR_END_PROVINCIAL,
                FAR_END_LOCAL))).isTrue();
    }

    @Test
    void badPlansAreRejectedNamingTheStages() {
        assertThatThrownBy(() -> StagePlan.of(List.of(stage("a", "1"), stage("b", "1", "a"), stage("a", "2"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("stages: stage id a is used more than once");
        assertThatThrownBy(() -> StagePlan.of(List.of(stage("a", "1"), stage("b", "1", "a", "x"))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("stages: stage b comes after x, which is not a stage of the plan");
        assertThatThrownBy(() -> StagePlan.of(List.of(stage("a", "1", "c"), stage("b", "1", "a"), stage("c", "1", "b"),
                stage("d", "1"))))
                .isInstanceOf(CyclicPlanException.class)
                .hasMessageContaining("stages: the stages a → b → c → a wait for each other in a cycle");
        assertThatThrownBy(() -> StagePlan.of(List.of(stage("a", "1", "a"))))
                .isInstanceOf(CyclicPlanException.class).hasMessageContaining("the stages a → a wait for each other");
        assertThatThrownBy(() -> StagePlan.of(List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("stages: must hold at least one stage");
        assertThatThrownBy(() -> stage("a", "0"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("days: must be positive, was 0");
        assertThatThrownBy(() -> stage("a", "-0.5"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("days: must be positive, was -0.5");
        assertThatThrownBy(() -> new PlannedStage(new StageId("a"), Duration.ZERO, List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("duration: of stage a must be positive");
        assertThatThrownBy(() -> stage("a", "1", "b", "b"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("after: of stage a names b twice");
        assertThatThrownBy(() -> stage("a", "0.0000000000000001"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("days: must be a whole number of nanoseconds");
        assertThatThrownBy(() -> stage("a", "3661"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("days: must be at most 3660");
        assertThatThrownBy(() -> SeedProvisioningPlans.ddnParallel().readyStages(Set.of(new StageId("nope"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("done: stage nope is not a stage of the plan");
    }

    @Test
    void aPlansOwnStagesRestoreThatPlanAndAnyOtherListIsValidated() {
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        List<PlannedStage> own = plan.stages();

        assertThat(StagePlan.of(own)).isSameAs(plan);
        assertThatThrownBy(() -> own.add(stage("x", "1"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> own.set(0, stage("x", "1"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> own.remove(0)).isInstanceOf(UnsupportedOperationException.class);

        List<PlannedStage> copied = new java.util.ArrayList<>(own);
        StagePlan again = StagePlan.of(copied);
        assertThat(again).isNotSameAs(plan);
        assertThat(again.stages()).isEqualTo(own).hasSameHashCodeAs(own);
        assertThat(again.longestPath()).isEqualTo(plan.longestPath());
        copied.set(1, stage("x", "1", "y"));
        assertThat(again.stages()).isEqualTo(own); // the plan copied what it was given
        assertThatThrownBy(() -> StagePlan.of(copied)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("stage x comes after y, which is not a stage of the plan");
    }
}
