package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A customer's credit rating changed; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param account the account
 * @param from the rating before
 * @param to the rating after, different
 * @param by who rated it
 * @param reason why
 */
public record CreditRatingChanged(EventId eventId, Instant occurredAt, AccountId account, CreditRating from, CreditRating to, UserId by, String reason) implements BillingEvent {

    /** The stable event type. */
    public static final String TYPE = "billing.credit-rating-changed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param account the account
     * @param from the rating before
     * @param to the rating after, different
     * @param by who rated it
     * @param reason why
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null or invalid
     */
    public CreditRatingChanged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(from != to, "to", () -> "must differ from the rating before (" + from + ")");
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Credit rating of " + account + " " + (to.isWorseThan(from) ? "downgraded" : "upgraded") + " from " + from + " to " + to).withAccount(account.value())
                .withRole(dev.keyline.domain.common.Role.FINANCIAL_MANAGER.name());
    }
}
