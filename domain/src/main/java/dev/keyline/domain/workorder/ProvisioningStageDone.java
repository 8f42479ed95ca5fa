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
import java.util.List;

/**
 * A stage of a provisioning order was done; stages waiting only for it and others done became ready; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param stage the stage
 * @param station the responsible station
 * @param unit the station's unit
 * @param executor who did it
 * @param due when it was due
 * @param late whether it was done after its due time
 * @param nowReady the stages that became ready
 */
public record ProvisioningStageDone(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, StageId stage, WorkOrderStation station, LocalNetworkId unit, UserId executor, Instant due, boolean late, List<StageId> nowReady) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.stage-done";

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
     * @param executor who did it
     * @param due when it was due
     * @param late whether it was done after its due time
     * @param nowReady the stages that became ready
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public ProvisioningStageDone {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(stage, "stage");
        Require.nonNull(station, "station");
        Require.nonNull(unit, "unit");
        Require.nonNull(executor, "executor");
        Require.nonNull(due, "due");
        nowReady = Require.nonNullElements(nowReady, "nowReady");
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
        return new Audience(Role.STATION_MANAGER.name(), unit.value(), account.value(), station.value(), "Stage " + stage + " of provisioning order " + order + " done" + (late ? ", late (due " + due + ")" : "") + (nowReady.isEmpty() ? "" : "; now ready: " + nowReady));
    }
}
