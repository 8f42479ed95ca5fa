package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A customer's credit limit changed; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param account the account
 * @param from the limit before
 * @param to the limit after, different, same currency
 * @param by who set it
 */
public record CreditLimitChanged(EventId eventId, Instant occurredAt, AccountId account, Money from, Money to, UserId by) implements BillingEvent {

    /** The stable event type. */
    public static final String TYPE = "billing.credit-limit-changed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param account the account
     * @param from the limit before
     * @param to the limit after, different, same currency
     * @param by who set it
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null or invalid
     */
    public CreditLimitChanged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(from.currency().equals(to.currency()) && !from.equals(to), "to", () -> "must differ from the limit before (" + from + ") in its currency");
        Require.nonNull(by, "by");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Credit limit of " + account + " changed from " + from + " to " + to).withAccount(account.value())
                .withRole(dev.keyline.domain.common.Role.FINANCIAL_MANAGER.name());
    }
}
