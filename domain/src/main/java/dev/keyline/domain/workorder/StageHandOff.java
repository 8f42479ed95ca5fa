package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

import java.time.Instant;

/**
 * One hand-off of a stage from one station (工位) and executor to another (closed loop 3: every hand-off
 * has an owner), with a note.
 *
 * @param stage the stage handed off
 * @param fromStation the station that had it
 * @param fromExecutor the executor who had it
 * @param toStation the station that has it now
 * @param toExecutor the executor who has it now
 * @param at when
 * @param note why, or what was passed on; not blank
 */
public record StageHandOff(StageId stage, WorkOrderStation fromStation, UserId fromExecutor, WorkOrderStation toStation,
        UserId toExecutor, Instant at, String note) {

    /**
     * Validates the hand-off.
     *
     * @param stage the stage handed off
     * @param fromStation the station that had it
     * @param fromExecutor the executor who had it
     * @param toStation the station that has it now
     * @param toExecutor the executor who has it now
     * @param at when
     * @param note why, or what was passed on; not blank
     * @throws InvalidArgumentException naming the component that is null or blank, or {@code toExecutor} when
     *     nothing changes hands
     */
    public StageHandOff {
        Require.nonNull(stage, "stage");
        Require.nonNull(fromStation, "fromStation");
        Require.nonNull(fromExecutor, "fromExecutor");
        Require.nonNull(toStation, "toStation");
        Require.nonNull(toExecutor, "toExecutor");
        Require.nonNull(at, "at");
        Require.text(note, "note");
        Require.that(!(fromStation.equals(toStation) && fromExecutor.equals(toExecutor)), "toExecutor",
                () -> "a hand-off of stage " + stage + " must change the station or the executor, but both stay "
                        + toStation + " / " + toExecutor);
    }
}
