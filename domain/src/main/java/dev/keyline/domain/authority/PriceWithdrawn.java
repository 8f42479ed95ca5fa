package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import dev.keyline.domain.common.Role;

/**
 * The requester took a price request (商务授权) back; type {@value #TYPE}. Addressed to the role the request
 * was addressed to, so approvers stop looking at it.
 *
 * @param eventId the event's id
 * @param occurredAt when it was withdrawn
 * @param authorisation the request
 * @param account the key account
 * @param product the product
 * @param withdrawnBy the requester
 * @param addressedTo the role the request was addressed to
 * @param reason why
 */
public record PriceWithdrawn(EventId eventId, Instant occurredAt, PriceAuthorisationId authorisation,
        AccountId account, ProductCode product, UserId withdrawnBy, Role addressedTo, String reason)
        implements PriceAuthorisationEvent {

    /** The stable event type. */
    public static final String TYPE = "authority.price-withdrawn";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it was withdrawn
     * @param authorisation the request
     * @param account the key account
     * @param product the product
     * @param withdrawnBy the requester
     * @param addressedTo the role the request was addressed to
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public PriceWithdrawn {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(authorisation, "authorisation");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(withdrawnBy, "withdrawnBy");
        Require.nonNull(addressedTo, "addressedTo");
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
        return new Audience(addressedTo.name(), null, account.value(), null, "Price authorisation " + authorisation
                + " for " + product + " (account " + account + ") withdrawn by " + withdrawnBy + ": " + reason);
    }
}
