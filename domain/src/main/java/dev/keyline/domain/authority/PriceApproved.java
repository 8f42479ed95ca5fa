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
import java.util.List;
import dev.keyline.domain.common.Role;

/**
 * A price received every approval commercial authorisation (商务授权) requires and may be offered;
 * type {@value #TYPE}. Addressed to the account manager (客户经理) side of the account.
 *
 * @param eventId the event's id
 * @param occurredAt when the last approval was given
 * @param authorisation the request
 * @param account the key account
 * @param product the product
 * @param offeredPrice the approved price
 * @param requestedBy who asked
 * @param approvedBy every approver, in the order they approved
 * @param roles the role each approval counted for, parallel to {@code approvedBy}
 */
public record PriceApproved(EventId eventId, Instant occurredAt, PriceAuthorisationId authorisation,
        AccountId account, ProductCode product, Money offeredPrice, UserId requestedBy, List<UserId> approvedBy,
        List<Role> roles) implements PriceAuthorisationEvent {

    /** The stable event type. */
    public static final String TYPE = "authority.price-approved";

    /**
     * Validates the event and copies the lists.
     *
     * @param eventId the event's id
     * @param occurredAt when the last approval was given
     * @param authorisation the request
     * @param account the key account
     * @param product the product
     * @param offeredPrice the approved price
     * @param requestedBy who asked
     * @param approvedBy every approver, in the order they approved
     * @param roles the role each approval counted for, parallel to {@code approvedBy}
     * @throws InvalidArgumentException naming the component when one is null or holds null, or the
     *     lists differ in length
     */
    public PriceApproved {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(authorisation, "authorisation");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(offeredPrice, "offeredPrice");
        Require.nonNull(requestedBy, "requestedBy");
        approvedBy = Require.nonNullElements(approvedBy, "approvedBy");
        roles = Require.nonNullElements(roles, "roles");
        Require.that(!approvedBy.isEmpty(), "approvedBy", "must name at least one approver");
        int approvers = approvedBy.size();
        int given = roles.size();
        Require.that(given == approvers, "roles", () -> "must give one role per approver (" + approvers + "), had " + given);
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
                + authorisation + " requested by " + requestedBy + " approved: " + product + " at " + offeredPrice
                + " for account " + account + " (by " + approvedBy + " as " + roles + ")");
    }
}
