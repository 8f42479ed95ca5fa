package dev.keyline.domain.sla;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order accepted under an SLA (服务水平协议) in a service class: its committed provisioning date and its price.
 *
 * @param reference the order's reference (for example the work order's id), unique in the SLA
 * @param product the product
 * @param serviceClass the class it was accepted in
 * @param orderedOn the business date it was accepted, in the SLA's zone
 * @param committedOn the date the network centre committed to provision it by
 * @param price its price: unit price × class index × (1 − discount), rounded half-even to the cent
 * @param acceptedBy who placed it
 * @param acceptedAt when
 */
public record SlaOrder(String reference, ProductCode product, ServiceClass serviceClass, LocalDate orderedOn,
        LocalDate committedOn, Money price, UserId acceptedBy, Instant acceptedAt) {

    /**
     * Validates the order.
     *
     * @param reference the order's reference (for example the work order's id), unique in the SLA
     * @param product the product
     * @param serviceClass the class it was accepted in
     * @param orderedOn the business date it was accepted, in the SLA's zone
     * @param committedOn the date the network centre committed to provision it by
     * @param price its price: unit price × class index × (1 − discount), rounded half-even to the cent
     * @param acceptedBy who placed it
     * @param acceptedAt when
     * @throws InvalidArgumentException naming the component when one is null, the reference is not a
     *     valid identifier or the commitment lies before the order
     */
    public SlaOrder {
        Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(orderedOn, "orderedOn");
        Require.nonNull(committedOn, "committedOn");
        Require.nonNull(price, "price");
        Require.nonNull(acceptedBy, "acceptedBy");
        Require.nonNull(acceptedAt, "acceptedAt");
        Require.that(!committedOn.isBefore(orderedOn), "committedOn",
                () -> "must not lie before the order date " + orderedOn + " but was " + committedOn);
    }
}
