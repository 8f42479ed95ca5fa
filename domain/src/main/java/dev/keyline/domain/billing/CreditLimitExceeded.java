package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A customer's exposure (everything billed and not yet paid or written off) went above its credit limit; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param account the account
 * @param exposure the exposure
 * @param creditLimit the limit it exceeds
 * @param arrears the overdue part of the exposure
 * @param asOf the date of the arrears
 * @param rating the customer's credit rating
 */
public record CreditLimitExceeded(EventId eventId, Instant occurredAt, AccountId account, Money exposure, Money creditLimit, Money arrears, java.time.LocalDate asOf, CreditRating rating) implements BillingEvent {

    /** The stable event type. */
    public static final String TYPE = "billing.credit-limit-exceeded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param account the account
     * @param exposure the exposure
     * @param creditLimit the limit it exceeds
     * @param arrears the overdue part of the exposure
     * @param asOf the date of the arrears
     * @param rating the customer's credit rating
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null or invalid
     */
    public CreditLimitExceeded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(exposure, "exposure");
        Require.nonNull(creditLimit, "creditLimit");
        Require.that(exposure.isGreaterThan(creditLimit), "exposure", () -> "must exceed the limit " + creditLimit + ", was " + exposure);
        Require.nonNull(arrears, "arrears");
        Require.nonNull(asOf, "asOf");
        Require.nonNull(rating, "rating");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Credit limit of " + account + " exceeded on " + asOf + ": exposure " + exposure + " above " + creditLimit + ", of which " + arrears + " overdue").withAccount(account.value())
                .withRole(dev.keyline.domain.common.Role.FINANCIAL_MANAGER.name());
    }
}
