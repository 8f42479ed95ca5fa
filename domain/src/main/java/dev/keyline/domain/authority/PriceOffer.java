package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A price offered to a key account (大客户) for one product, below or at its list price (目录价): the
 * subject of a commercial authorisation (商务授权).
 *
 * <p>The discount is {@code 1 − offered / list}, a fraction in [0, 1). Whether a discount is within
 * someone's authority is decided exactly ({@code offered ≥ list × (1 − maximum)}), never on a
 * rounded quotient.
 *
 * @param account the key account the price is offered to
 * @param product the product
 * @param listPrice the product's list price; positive
 * @param offeredPrice the price offered; above zero, at most the list price, same currency
 */
public record PriceOffer(AccountId account, ProductCode product, Money listPrice, Money offeredPrice) {

    /**
     * Validates the offer.
     *
     * @param account the key account the price is offered to
     * @param product the product
     * @param listPrice the product's list price; positive
     * @param offeredPrice the price offered; above zero, at most the list price, same currency
     * @throws InvalidArgumentException naming the component when one is null, when the prices
     *     differ in currency, when the offered price is not above zero or exceeds the list price
     */
    public PriceOffer {
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Limits.money(listPrice, "listPrice");
        Limits.money(offeredPrice, "offeredPrice");
        Require.that(listPrice.currency().equals(offeredPrice.currency()), "offeredPrice",
                () -> "currency " + offeredPrice.currency().getCurrencyCode() + " does not match the list price's "
                        + listPrice.currency().getCurrencyCode());
        Require.that(offeredPrice.amount().signum() > 0, "offeredPrice", () -> "must be above zero, was " + offeredPrice);
        Require.that(offeredPrice.amount().compareTo(listPrice.amount()) <= 0, "offeredPrice",
                () -> "must not exceed the list price " + listPrice + ", was " + offeredPrice);
    }

    /**
     * The discount off the list price, {@code 1 − offered / list} (computed as
     * {@code (list − offered) / list}), rounded half-even to 16 significant digits with
     * trailing zeros removed (for example {@code 0.15}); zero for an offer at list price.
     *
     * @return the discount fraction in [0, 1)
     */
    public BigDecimal discount() {
        BigDecimal discount = listPrice.amount().subtract(offeredPrice.amount())
                .divide(listPrice.amount(), MathContext.DECIMAL64);
        return discount.signum() == 0 ? BigDecimal.ZERO : discount.stripTrailingZeros();
    }

    /**
     * Whether the discount is at most {@code maximum}, decided exactly:
     * {@code offered ≥ list × (1 − maximum)}.
     *
     * @param maximum a maximum discount fraction
     * @return true when the discount does not exceed it
     * @throws InvalidArgumentException when {@code maximum} is null
     */
    public boolean discountWithin(BigDecimal maximum) {
        Require.nonNull(maximum, "maximum");
        BigDecimal lowestAllowed = listPrice.amount().multiply(BigDecimal.ONE.subtract(maximum));
        return offeredPrice.amount().compareTo(lowestAllowed) >= 0;
    }

    /**
     * Whether the offered price is strictly below a floor price (底价).
     *
     * @param floor the floor price, in the offer's currency
     * @return true when {@code offered < floor}
     * @throws InvalidArgumentException when {@code floor} is null or in another currency
     */
    public boolean isBelow(Money floor) {
        Require.nonNull(floor, "floor");
        Require.that(floor.currency().equals(offeredPrice.currency()), "floor",
                () -> "currency " + floor.currency().getCurrencyCode() + " does not match the offer's "
                        + offeredPrice.currency().getCurrencyCode());
        return offeredPrice.amount().compareTo(floor.amount()) < 0;
    }
}
