package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The yearly revenue target (收入目标) of an account plan was revised.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param plan the plan
 * @param account the account the plan is for
 * @param network the account's local network
 * @param previousTarget the target before
 * @param newTarget the target after
 * @param reason why
 * @param revisedBy who revised it
 */
public record RevenueTargetRevised(EventId eventId, Instant occurredAt, AccountPlanId plan, AccountId account, LocalNetworkId network, Money previousTarget, Money newTarget, String reason, UserId revisedBy)
        implements AccountPlanEvent {

    /** The stable type name. */
    public static final String TYPE = "account-plan.target-revised";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param plan the plan
     * @param account the account the plan is for
     * @param network the account's local network
     * @param previousTarget the target before
     * @param newTarget the target after
     * @param reason why
     * @param revisedBy who revised it
     */
    public RevenueTargetRevised {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(previousTarget, "previousTarget");
        Require.nonNull(newTarget, "newTarget");
        Require.text(reason, "reason");
        Require.nonNull(revisedBy, "revisedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Revenue target of account plan " + plan + " revised from " + previousTarget + " to " + newTarget);
    }
}
