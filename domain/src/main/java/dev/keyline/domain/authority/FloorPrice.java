package dev.keyline.domain.authority;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * The floor price (底价) of a product: the lowest price that may be offered without the approval of
 * both the financial manager (财务经理) and the key-account department's general manager. Set by a
 * financial manager through {@link FloorPriceList#setFloorPrice}.
 *
 * @param product the product
 * @param price the floor price; above zero
 * @param setBy the financial manager who set it
 * @param setAt when it was set
 */
public record FloorPrice(ProductCode product, Money price, UserId setBy, Instant setAt) {

    /**
     * Validates the floor price.
     *
     * @param product the product
     * @param price the floor price; above zero
     * @param setBy the financial manager who set it
     * @param setAt when it was set
     * @throws InvalidArgumentException naming the component when one is null or the price is not above zero
     */
    public FloorPrice {
        Require.nonNull(product, "product");
        Limits.money(price, "price");
        Require.nonNull(setBy, "setBy");
        Require.nonNull(setAt, "setAt");
        Require.that(price.amount().signum() > 0, "price", () -> "must be above zero, was " + price);
    }
}
