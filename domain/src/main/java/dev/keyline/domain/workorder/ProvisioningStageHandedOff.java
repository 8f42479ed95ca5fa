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
 * A stage of a provisioning order was handed from one station and executor to another; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param handOff the hand-off
 * @param toUnit the receiving station's unit
 * @param toStationManager the receiving station's manager
 */
public record ProvisioningStageHandedOff(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, StageHandOff handOff, LocalNetworkId toUnit, UserId toStationManager) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.stage-handed-off";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param order the provisioning order
     * @param account the key account
     * @param handOff the hand-off
     * @param toUnit the receiving station's unit
     * @param toStationManager the receiving station's manager
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public ProvisioningStageHandedOff {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(handOff, "handOff");
        Require.nonNull(toUnit, "toUnit");
        Require.nonNull(toStationManager, "toStationManager");
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
        return new Audience(Role.STATION_MANAGER.name(), toUnit.value(), account.value(), handOff.toStation().value(), "Stage " + handOff.stage() + " of provisioning order " + order + " handed from " + handOff.fromStation() + " to " + handOff.toStation() + " (" + handOff.toExecutor() + "): " + handOff.note());
    }
}
