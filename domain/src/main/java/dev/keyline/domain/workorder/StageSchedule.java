package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.time.Instant;
import java.util.List;

/**
 * A provisioning plan laid on the calendar from the order's start: see
 * {@link StagePlan#schedule}.
 *
 * @param start when the order starts
 * @param committedCompletion the start plus the plan's longest path through the calendar; no
 *     stage finishes after it
 * @param stages every stage's earliest start and finish, in the plan's order
 */
public record StageSchedule(Instant start, Instant committedCompletion, List<ScheduledStage> stages) {

    /**
     * Validates the schedule and keeps an immutable copy of the stages.
     *
     * @param start when the order starts
     * @param committedCompletion the start plus the plan's longest path through the calendar; no stage finishes after it
     * @param stages every stage's earliest start and finish, in the plan's order
     * @throws InvalidArgumentException when a part is null, the completion is before the start, or
     *     a stage starts before the order or finishes after the completion
     */
    public StageSchedule {
        Require.nonNull(start, "start");
        Require.nonNull(committedCompletion, "committedCompletion");
        stages = Require.nonNullElements(stages, "stages");
        Require.that(!committedCompletion.isBefore(start), "committedCompletion",
                () -> "must not be before the start " + start + ", was " + committedCompletion);
        for (ScheduledStage stage : stages) {
            Require.that(!stage.earliestStart().isBefore(start), "stages",
                    () -> "stage " + stage.id() + " starts at " + stage.earliestStart() + ", before the order's start " + start);
            Require.that(!stage.earliestFinish().isAfter(committedCompletion), "stages",
                    () -> "stage " + stage.id() + " finishes at " + stage.earliestFinish() + ", after the committed completion "
                            + committedCompletion);
        }
    }
}
