package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A line was added to an account plan's resource plan (资源计划).
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param plan the plan
 * @param account the account the plan is for
 * @param network the account's local network
 * @param item the line
 * @param addedBy who added it
 */
public record ResourcePlanItemAdded(EventId eventId, Instant occurredAt, AccountPlanId plan, AccountId account, LocalNetworkId network, ResourcePlanItem item, UserId addedBy)
        implements AccountPlanEvent {

    /** The stable type name. */
    public static final String TYPE = "account-plan.resource-item-added";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param plan the plan
     * @param account the account the plan is for
     * @param network the account's local network
     * @param item the line
     * @param addedBy who added it
     */
    public ResourcePlanItemAdded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(item, "item");
        Require.nonNull(addedBy, "addedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Account plan " + plan + " needs " + item.quantity() + " " + item.product() + " by " + item.neededBy());
    }
}
