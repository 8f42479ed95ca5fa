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
 * The first of the two approvals an offer below the floor price (底价) needs was given; the
 * request stays open; type {@value #TYPE}. Addressed to the role whose approval is still awaited.
 *
 * @param eventId the event's id
 * @param occurredAt when it was approved
 * @param authorisation the request
 * @param account the key account
 * @param product the product
 * @param approvedBy who approved
 * @param role the role the approval counted for
 * @param awaitedRole the role whose approval is still needed
 */
public record PriceApprovalRecorded(EventId eventId, Instant occurredAt, PriceAuthorisationId authorisation,
        AccountId account, ProductCode product, UserId approvedBy, Role role, Role awaitedRole)
        implements PriceAuthorisationEvent {

    /** The stable event type. */
    public static final String TYPE = "authority.price-approval-recorded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it was approved
     * @param authorisation the request
     * @param account the key account
     * @param product the product
     * @param approvedBy who approved
     * @param role the role the approval counted for
     * @param awaitedRole the role whose approval is still needed
     * @throws InvalidArgumentException naming the component that is null
     */
    public PriceApprovalRecorded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(authorisation, "authorisation");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(approvedBy, "approvedBy");
        Require.nonNull(role, "role");
        Require.nonNull(awaitedRole, "awaitedRole");
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
        return new Audience(awaitedRole.name(), null, account.value(), null, "Price authorisation " + authorisation
                + " for " + product + " approved by " + approvedBy + " as " + role + "; awaits " + awaitedRole);
    }
}
