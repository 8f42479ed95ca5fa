package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.time.Instant;

/**
 * One stage of a plan laid on the calendar: when it can start and be done at the earliest.
 *
 * @param id the stage
 * @param earliestStart when all its predecessors can be done at the earliest
 * @param earliestFinish its earliest start plus its planned working time, not before the start
 */
public record ScheduledStage(StageId id, Instant earliestStart, Instant earliestFinish) {

    /**
     * Validates the stage.
     *
     * @param id the stage
     * @param earliestStart when all its predecessors can be done at the earliest
     * @param earliestFinish its earliest start plus its planned working time, not before the start
     * @throws InvalidArgumentException when a part is null or the finish is before the start
     */
    public ScheduledStage {
        Require.nonNull(id, "id");
        Require.nonNull(earliestStart, "earliestStart");
        Require.nonNull(earliestFinish, "earliestFinish");
        Require.that(!earliestFinish.isBefore(earliestStart), "earliestFinish",
                () -> "of stage " + id + " must not be before its start " + earliestStart + ", was " + earliestFinish);
    }
}
