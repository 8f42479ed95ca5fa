package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A running stage of a provisioning order has used the warning share (by default 80 %) of its planned time, time on hold not counted (closed loops 2 and 3). Addressed to the station manager; the payload names the account manager too; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param stage the stage
 * @param station the responsible station
 * @param unit the station's unit
 * @param stationManager the station manager, who must act
 * @param executor the executor
 * @param accountManager the account manager, who steers the order
 * @param due when the stage is due
 */
public record ProvisioningStageWarned(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, StageId stage, WorkOrderStation station, LocalNetworkId unit, UserId stationManager, UserId executor, UserId accountManager, Instant due) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.stage-warned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param order the provisioning order
     * @param account the key account
     * @param stage the stage
     * @param station the responsible station
     * @param unit the station's unit
     * @param stationManager the station manager, who must act
     * @param executor the executor
     * @param accountManager the account manager, who steers the order
     * @param due when the stage is due
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public ProvisioningStageWarned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(stage, "stage");
        Require.nonNull(station, "station");
        Require.nonNull(unit, "unit");
        Require.nonNull(stationManager, "stationManager");
        Require.nonNull(executor, "executor");
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(due, "due");
    }

    @Override
    public String aggregateId() {
        return order.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.STATION_MANAGER.name(), unit.value(), account.value(), station.value(), "Stage " + stage + " of provisioning order " + order + " at station " + station + " (manager " + stationManager + ", account manager " + accountManager + ") is due " + due);
    }
}
