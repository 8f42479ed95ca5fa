package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

/**
 * Who carries out one stage of a provisioning order: the responsible station, the unit it belongs
 * to (a stage of a cross-network order may run at another unit than the originating one, and
 * still reports to it), the station's manager and the executor.
 *
 * @param stage the stage
 * @param station the responsible station (工位)
 * @param unit the unit (local network) the station belongs to
 * @param stationManager the station manager (工位经理)
 * @param executor the station executor (工位执行人) who carries the stage out
 */
public record StageAssignment(StageId stage, WorkOrderStation station, LocalNetworkId unit, UserId stationManager,
        UserId executor) {

    /**
     * Validates the assignment.
     *
     * @param stage the stage
     * @param station the responsible station (工位)
     * @param unit the unit (local network) the station belongs to
     * @param stationManager the station manager (工位经理)
     * @param executor the station executor (工位执行人) who carries the stage out
     * @throws InvalidArgumentException naming the component that is null
     */
    public StageAssignment {
        Require.nonNull(stage, "stage");
        Require.nonNull(station, "station");
        Require.nonNull(unit, "unit");
        Require.nonNull(stationManager, "stationManager");
        Require.nonNull(executor, "executor");
    }

    /**
     * This assignment handed to another station and executor.
     *
     * @param toStation the new station
     * @param toUnit the new station's unit
     * @param toManager the new station's manager
     * @param toExecutor the new executor
     * @return the new assignment of the same stage
     */
    StageAssignment handedTo(WorkOrderStation toStation, LocalNetworkId toUnit, UserId toManager, UserId toExecutor) {
        return new StageAssignment(stage, toStation, toUnit, toManager, toExecutor);
    }
}
