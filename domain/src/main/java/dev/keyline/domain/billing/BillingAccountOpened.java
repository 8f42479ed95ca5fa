package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * The billing (计费帐务) side of a key account was opened with its first credit rating and limit; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param account the account
 * @param rating the credit rating
 * @param creditLimit the credit limit
 * @param by who opened it
 */
public record BillingAccountOpened(EventId eventId, Instant occurredAt, AccountId account, CreditRating rating, Money creditLimit, UserId by) implements BillingEvent {

    /** The stable event type. */
    public static final String TYPE = "billing.account-opened";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param account the account
     * @param rating the credit rating
     * @param creditLimit the credit limit
     * @param by who opened it
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null or invalid
     */
    public BillingAccountOpened {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(rating, "rating");
        Require.nonNull(creditLimit, "creditLimit");
        Require.nonNull(by, "by");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Billing of " + account + " opened: rating " + rating + ", credit limit " + creditLimit).withAccount(account.value());
    }
}
