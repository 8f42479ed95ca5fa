package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import dev.keyline.domain.common.Role;

/**
 * Someone asked for commercial authorisation (商务授权) of a price; type {@value #TYPE}.
 * Addressed to {@code addressedTo}: the financial manager (财务经理) for an offer below the floor
 * price (底价), otherwise the most junior role whose authority covers the discount.
 *
 * @param eventId the event's id
 * @param occurredAt when it was requested
 * @param authorisation the request
 * @param account the key account
 * @param product the product
 * @param listPrice the list price
 * @param offeredPrice the price offered
 * @param discount the discount, {@code 1 − offered / list}
 * @param belowFloor whether the offer is below the floor price
 * @param floorPrice the product's floor price, or null when none is set
 * @param requestedBy who asked
 * @param addressedTo the role that must act first
 * @param reason why the price is asked for
 */
public record PriceRequested(EventId eventId, Instant occurredAt, PriceAuthorisationId authorisation,
        AccountId account, ProductCode product, Money listPrice, Money offeredPrice, BigDecimal discount,
        boolean belowFloor, Money floorPrice, UserId requestedBy, Role addressedTo, String reason)
        implements PriceAuthorisationEvent {

    /** The stable event type. */
    public static final String TYPE = "authority.price-requested";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it was requested
     * @param authorisation the request
     * @param account the key account
     * @param product the product
     * @param listPrice the list price
     * @param offeredPrice the price offered
     * @param discount the discount, {@code 1 − offered / list}
     * @param belowFloor whether the offer is below the floor price
     * @param floorPrice the product's floor price, or null when none is set
     * @param requestedBy who asked
     * @param addressedTo the role that must act first
     * @param reason why the price is asked for
     * @throws InvalidArgumentException naming the component when one other than {@code floorPrice} is null
     */
    public PriceRequested {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(authorisation, "authorisation");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(listPrice, "listPrice");
        Require.nonNull(offeredPrice, "offeredPrice");
        Require.nonNull(discount, "discount");
        Require.nonNull(requestedBy, "requestedBy");
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
        String subject = "Price authorisation " + authorisation + " requested by " + requestedBy + ": " + product
                + " for account " + account + " at " + offeredPrice + " (list " + listPrice + ", discount "
                + discount.toPlainString() + ")"
                + (belowFloor ? ", below the floor price " + floorPrice
                        + ": needs FINANCIAL_MANAGER and DEPARTMENT_GENERAL_MANAGER" : "");
        return new Audience(addressedTo.name(), null, account.value(), null, subject);
    }
}
