package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * An action of an account plan's action plan (行动计划) was completed.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param plan the plan
 * @param account the account the plan is for
 * @param network the account's local network
 * @param actionNumber the action's number
 * @param completedBy who completed it
 */
public record PlanActionCompleted(EventId eventId, Instant occurredAt, AccountPlanId plan, AccountId account, LocalNetworkId network, int actionNumber, UserId completedBy)
        implements AccountPlanEvent {

    /** The stable type name. */
    public static final String TYPE = "account-plan.action-completed";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param plan the plan
     * @param account the account the plan is for
     * @param network the account's local network
     * @param actionNumber the action's number
     * @param completedBy who completed it
     */
    public PlanActionCompleted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.positive(actionNumber, "actionNumber");
        Require.nonNull(completedBy, "completedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Action " + actionNumber + " of account plan " + plan + " completed");
    }
}
