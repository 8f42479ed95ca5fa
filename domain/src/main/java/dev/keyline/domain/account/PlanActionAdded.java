package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * An action was added to an account plan's action plan (行动计划).
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param plan the plan
 * @param account the account the plan is for
 * @param network the account's local network
 * @param action the action
 * @param addedBy who added it
 */
public record PlanActionAdded(EventId eventId, Instant occurredAt, AccountPlanId plan, AccountId account, LocalNetworkId network, PlanAction action, UserId addedBy)
        implements AccountPlanEvent {

    /** The stable type name. */
    public static final String TYPE = "account-plan.action-added";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param plan the plan
     * @param account the account the plan is for
     * @param network the account's local network
     * @param action the action
     * @param addedBy who added it
     */
    public PlanActionAdded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(action, "action");
        Require.nonNull(addedBy, "addedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Action " + action.number() + " of account plan " + plan + " for " + action.owner() + ", due " + action.due());
    }
}
