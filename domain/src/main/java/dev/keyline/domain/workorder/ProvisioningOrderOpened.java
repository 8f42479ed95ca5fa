package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A provisioning order (开通工单) was opened from its plan: its committed completion is its start plus the plan's longest path; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param order the provisioning order
 * @param account the key account
 * @param product the product provisioned
 * @param originatingUnit the unit that coordinates every stage and is the customer's single interface
 * @param accountManager the account manager (客户经理)
 * @param start when the order starts
 * @param committedCompletion the start plus the longest path through the business calendar
 * @param slaOrder the SLA order it was accepted under, or null
 * @param slaCommittedBy when that SLA class commits provisioning by, or null
 * @param readyStages the stages that may start at once
 */
public record ProvisioningOrderOpened(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account, ProductCode product, LocalNetworkId originatingUnit, UserId accountManager, Instant start, Instant committedCompletion, String slaOrder, Instant slaCommittedBy, List<StageId> readyStages) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.provisioning-opened";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param order the provisioning order
     * @param account the key account
     * @param product the product provisioned
     * @param originatingUnit the unit that coordinates every stage and is the customer's single interface
     * @param accountManager the account manager (客户经理)
     * @param start when the order starts
     * @param committedCompletion the start plus the longest path through the business calendar
     * @param slaOrder the SLA order it was accepted under, or null
     * @param slaCommittedBy when that SLA class commits provisioning by, or null
     * @param readyStages the stages that may start at once
     * @throws InvalidArgumentException naming the component that is null or blank ({@code slaOrder} and {@code slaCommittedBy} may be null)
     */
    public ProvisioningOrderOpened {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(originatingUnit, "originatingUnit");
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(start, "start");
        Require.nonNull(committedCompletion, "committedCompletion");
        readyStages = Require.nonNullElements(readyStages, "readyStages");
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
        return new Audience(Role.ACCOUNT_MANAGER.name(), originatingUnit.value(), account.value(), null, "Provisioning order " + order + " opened for account " + account + " (" + product + "), committed for " + committedCompletion);
    }
}
