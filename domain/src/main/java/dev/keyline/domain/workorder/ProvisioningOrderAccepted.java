package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;
import java.util.List;

/**
 * The customer accepted a provisioning (开通) order (closed loop 1): it is closed, and who answered for each stage at the four assessment levels is recorded; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param originatingUnit the unit that coordinated it
 * @param acceptedBy who accepted for the customer
 * @param committedCompletion the committed completion
 * @param onTime whether it was accepted by the committed completion
 * @param responsibilities per stage, who answered at each of the four levels
 */
public record ProvisioningOrderAccepted(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, LocalNetworkId originatingUnit, String acceptedBy, Instant committedCompletion, boolean onTime, List<StageResponsibility> responsibilities) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.provisioning-accepted";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param order the provisioning order
     * @param account the key account
     * @param originatingUnit the unit that coordinated it
     * @param acceptedBy who accepted for the customer
     * @param committedCompletion the committed completion
     * @param onTime whether it was accepted by the committed completion
     * @param responsibilities per stage, who answered at each of the four levels
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public ProvisioningOrderAccepted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(originatingUnit, "originatingUnit");
        Require.text(acceptedBy, "acceptedBy");
        Require.nonNull(committedCompletion, "committedCompletion");
        responsibilities = Require.nonNullElements(responsibilities, "responsibilities");
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
        return new Audience(Role.ACCOUNT_MANAGER.name(), originatingUnit.value(), account.value(), null, "Provisioning order " + order + " accepted by " + acceptedBy + (onTime ? ", on time" : ", after its committed completion " + committedCompletion));
    }
}
