package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.time.Year;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * An account plan (客户发展计划) was drawn up for a key account and year.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param plan the plan
 * @param account the account the plan is for
 * @param network the account's local network
 * @param year the plan year
 * @param revenueTarget the yearly revenue target
 * @param drawnBy who drew it up
 */
public record AccountPlanDrawn(EventId eventId, Instant occurredAt, AccountPlanId plan, AccountId account, LocalNetworkId network, Year year, Money revenueTarget, UserId drawnBy)
        implements AccountPlanEvent {

    /** The stable type name. */
    public static final String TYPE = "account-plan.drawn";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param plan the plan
     * @param account the account the plan is for
     * @param network the account's local network
     * @param year the plan year
     * @param revenueTarget the yearly revenue target
     * @param drawnBy who drew it up
     */
    public AccountPlanDrawn {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(year, "year");
        Require.nonNull(revenueTarget, "revenueTarget");
        Require.nonNull(drawnBy, "drawnBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Account plan " + plan + " for key account " + account + ", " + year + ": target " + revenueTarget);
    }
}
