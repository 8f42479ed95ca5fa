package dev.keyline.json.tmf;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import java.time.Duration;
import java.util.List;

/**
 * One stage of a provisioning order as a TMF641 {@code serviceOrderItem} keeps it.
 *
 * @param stage the stage's id (the item's {@code id})
 * @param duration the planned working time ({@code plannedDuration} characteristic)
 * @param after the stages it waits for ({@code dependsOn} item relationships)
 * @param assignment who carries it out (the {@code station}, {@code unit}, {@code stationManager}
 *     and {@code executor} characteristics)
 * @param state the TMF641 item state
 */
public record Tmf641Item(StageId stage, Duration duration, List<StageId> after, StageAssignment assignment,
        String state) {

    /**
     * Validates the item and copies the predecessors.
     *
     * @param stage the stage's id (the item's {@code id})
     * @param duration the planned working time ({@code plannedDuration} characteristic)
     * @param after the stages it waits for ({@code dependsOn} item relationships)
     * @param assignment who carries it out (the {@code station}, {@code unit}, {@code stationManager} and {@code executor} characteristics)
     * @param state the TMF641 item state
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null, or the state is not a TMF641 item state
     */
    public Tmf641Item {
        Require.nonNull(stage, "stage");
        Require.nonNull(duration, "duration");
        after = List.copyOf(Require.nonNullElements(after, "after"));
        Require.nonNull(assignment, "assignment");
        Require.nonBlank(state, "state");
        Require.that(Tmf641.ITEM_STATES.contains(state), "state", () -> "not a TMF641 item state: " + state);
    }
}
