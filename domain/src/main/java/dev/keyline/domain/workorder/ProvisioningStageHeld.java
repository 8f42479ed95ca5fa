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
 * A started stage of a provisioning order was put on hold; its clock stops until it is resumed; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param stage the stage
 * @param station the responsible station
 * @param unit the station's unit
 * @param heldBy who put it on hold
 * @param reason why
 */
public record ProvisioningStageHeld(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, StageId stage, WorkOrderStation station, LocalNetworkId unit, UserId heldBy, String reason) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.stage-held";

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
     * @param heldBy who put it on hold
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public ProvisioningStageHeld {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(stage, "stage");
        Require.nonNull(station, "station");
        Require.nonNull(unit, "unit");
        Require.nonNull(heldBy, "heldBy");
        Require.text(reason, "reason");
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
        return new Audience(Role.STATION_MANAGER.name(), unit.value(), account.value(), station.value(), "Stage " + stage + " of provisioning order " + order + " on hold: " + reason);
    }
}
