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
 * A held stage of a provisioning order was resumed; the time held is credited, so its warning and due times moved; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param stage the stage
 * @param station the responsible station
 * @param unit the station's unit
 * @param resumedBy who resumed it
 * @param heldSince when the hold began
 * @param warningAt the new warning time
 * @param due the new due time
 */
public record ProvisioningStageResumed(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, StageId stage, WorkOrderStation station, LocalNetworkId unit, UserId resumedBy, Instant heldSince, Instant warningAt, Instant due) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.stage-resumed";

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
     * @param resumedBy who resumed it
     * @param heldSince when the hold began
     * @param warningAt the new warning time
     * @param due the new due time
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public ProvisioningStageResumed {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(stage, "stage");
        Require.nonNull(station, "station");
        Require.nonNull(unit, "unit");
        Require.nonNull(resumedBy, "resumedBy");
        Require.nonNull(heldSince, "heldSince");
        Require.nonNull(warningAt, "warningAt");
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
        return new Audience(Role.STATION_MANAGER.name(), unit.value(), account.value(), station.value(), "Stage " + stage + " of provisioning order " + order + " resumed, now due " + due);
    }
}
