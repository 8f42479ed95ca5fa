package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A line of an account plan's resource plan (资源计划) was fulfilled.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param plan the plan
 * @param account the account the plan is for
 * @param network the account's local network
 * @param itemNumber the line's number
 * @param fulfilledBy who recorded it
 */
public record ResourcePlanItemFulfilled(EventId eventId, Instant occurredAt, AccountPlanId plan, AccountId account, LocalNetworkId network, int itemNumber, UserId fulfilledBy)
        implements AccountPlanEvent {

    /** The stable type name. */
    public static final String TYPE = "account-plan.resource-item-fulfilled";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param plan the plan
     * @param account the account the plan is for
     * @param network the account's local network
     * @param itemNumber the line's number
     * @param fulfilledBy who recorded it
     */
    public ResourcePlanItemFulfilled {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.positive(itemNumber, "itemNumber");
        Require.nonNull(fulfilledBy, "fulfilledBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Resource line " + itemNumber + " of account plan " + plan + " fulfilled");
    }
}
