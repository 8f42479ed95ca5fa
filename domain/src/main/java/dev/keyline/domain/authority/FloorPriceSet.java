package dev.keyline.domain.authority;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A financial manager set or changed the floor price (底价) of a product; type
 * {@value #TYPE}. Addressed to the organisation unit the floor price list belongs to.
 *
 * @param eventId the event's id
 * @param occurredAt when the price was set
 * @param list the floor price list
 * @param product the product
 * @param price the new floor price
 * @param previousPrice the floor price it replaced, or null when the product had none
 * @param setBy the financial manager
 */
public record FloorPriceSet(EventId eventId, Instant occurredAt, FloorPriceListId list, ProductCode product,
        Money price, Money previousPrice, UserId setBy) implements FloorPriceListEvent {

    /** The stable event type. */
    public static final String TYPE = "authority.floor-price-set";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when the price was set
     * @param list the floor price list
     * @param product the product
     * @param price the new floor price
     * @param previousPrice the floor price it replaced, or null when the product had none
     * @param setBy the financial manager
     * @throws InvalidArgumentException naming the component when one other than {@code previousPrice} is null
     */
    public FloorPriceSet {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(list, "list");
        Require.nonNull(product, "product");
        Require.nonNull(price, "price");
        Require.nonNull(setBy, "setBy");
    }

    /**
     * The floor price that was replaced.
     *
     * @return the previous price, or empty when the product had none
     */
    public Optional<Money> previous() {
        return Optional.ofNullable(previousPrice);
    }

    @Override
    public String aggregateId() {
        return list.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        String was = previousPrice == null ? "" : " (was " + previousPrice + ")";
        return Audience.of("Floor price of " + product + " set to " + price + was + " by " + setBy)
                .withOrganisationUnit(list.value());
    }
}
