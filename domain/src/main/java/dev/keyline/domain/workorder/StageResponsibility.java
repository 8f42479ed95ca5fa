package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;

/**
 * Who answered for one stage of an accepted provisioning order at each of the seed's four
 * assessment levels (四级考核): account manager, station manager, station executor and IT support.
 * The KPI area reads these.
 *
 * @param stage the stage
 * @param station the station that did it
 * @param accountManager the account manager (客户经理) of the order
 * @param stationManager the manager of the station
 * @param stationExecutor the executor who did it
 * @param itSupport the IT support (IT 支撑) of the order
 */
public record StageResponsibility(StageId stage, WorkOrderStation station, UserId accountManager, UserId stationManager,
        UserId stationExecutor, UserId itSupport) {

    /**
     * Validates the record.
     *
     * @param stage the stage
     * @param station the station that did it
     * @param accountManager the account manager (客户经理) of the order
     * @param stationManager the manager of the station
     * @param stationExecutor the executor who did it
     * @param itSupport the IT support (IT 支撑) of the order
     * @throws InvalidArgumentException naming the component that is null
     */
    public StageResponsibility {
        Require.nonNull(stage, "stage");
        Require.nonNull(station, "station");
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(stationManager, "stationManager");
        Require.nonNull(stationExecutor, "stationExecutor");
        Require.nonNull(itSupport, "itSupport");
    }
}
