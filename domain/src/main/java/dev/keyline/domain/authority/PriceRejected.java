package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import dev.keyline.domain.common.Role;

/**
 * An approver turned a requested price down; type {@value #TYPE}. Addressed to the account
 * manager (客户经理) side of the account.
 *
 * @param eventId the event's id
 * @param occurredAt when it was rejected
 * @param authorisation the request
 * @param account the key account
 * @param product the product
 * @param offeredPrice the rejected price
 * @param requestedBy who asked
 * @param rejectedBy who rejected
 * @param role the role the rejection counted for
 * @param reason why
 */
public record PriceRejected(EventId eventId, Instant occurredAt, PriceAuthorisationId authorisation,
        AccountId account, ProductCode product, Money offeredPrice, UserId requestedBy, UserId rejectedBy, Role role,
        String reason) implements PriceAuthorisationEvent {

    /** The stable event type. */
    public static final String TYPE = "authority.price-rejected";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it was rejected
     * @param authorisation the request
     * @param account the key account
     * @param product the product
     * @param offeredPrice the rejected price
     * @param requestedBy who asked
     * @param rejectedBy who rejected
     * @param role the role the rejection counted for
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public PriceRejected {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(authorisation, "authorisation");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(offeredPrice, "offeredPrice");
        Require.nonNull(requestedBy, "requestedBy");
        Require.nonNull(rejectedBy, "rejectedBy");
        Require.nonNull(role, "role");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return authorisation.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.ACCOUNT_MANAGER.name(), null, account.value(), null, "Price authorisation "
                + authorisation + " requested by " + requestedBy + " rejected by " + rejectedBy + " as " + role
                + ": " + product + " at " + offeredPrice + " for account " + account + ": " + reason);
    }
}
