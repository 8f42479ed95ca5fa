package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.List;

/**
 * The service agreement (服务协议) of one product in an SLA: the agreed volume per month of the
 * SLA period (for example DDN 3 4 3 5 4 5 5 4 5 4 3 5 = 50), the expected minimum and maximum over
 * the period, the unit price with its differentiation and discount, and the QoS and penalties.
 * Agreed volumes are a forecast and do not bind the network centre.
 *
 * @param product the product
 * @param monthlyVolumes the agreed units per month, one per month of the SLA period, each 0 to
 *     {@value #MAX_VOLUME}
 * @param expectedMinimum the fewest units expected over the period
 * @param expectedMaximum the most units expected over the period, not below the minimum
 * @param unitPrice the price of one unit before the class's index and the discount; not negative
 * @param differentiation how the price differs (by region, customer, time), free text
 * @param discount the fraction taken off every price, 0 (inclusive) to 1 (exclusive), at most
 *     {@value dev.keyline.domain.common.Limits#DISCOUNT_SCALE} decimals; kept without trailing zeros,
 *     so 0.050 and 0.05 make equal agreements
 * @param qos the service level promised (QoS), free text
 * @param penalties the penalties when it is missed, free text
 */
public record ServiceAgreement(ProductCode product, List<Integer> monthlyVolumes, int expectedMinimum,
        int expectedMaximum, Money unitPrice, String differentiation, BigDecimal discount, String qos,
        String penalties) {

    /** The largest volume of one month. */
    public static final int MAX_VOLUME = 1_000_000;

    /**
     * Validates the agreement.
     *
     * @param product the product
     * @param monthlyVolumes the agreed units per month, one per month of the SLA period, each 0 to {@value #MAX_VOLUME}
     * @param expectedMinimum the fewest units expected over the period
     * @param expectedMaximum the most units expected over the period, not below the minimum
     * @param unitPrice the price of one unit before the class's index and the discount; not negative
     * @param differentiation how the price differs (by region, customer, time), free text
     * @param discount the fraction taken off every price, 0 (inclusive) to 1 (exclusive), at most {@value dev.keyline.domain.common.Limits#DISCOUNT_SCALE} decimals; kept without trailing zeros, so 0.050 and 0.05 make equal agreements
     * @param qos the service level promised (QoS), free text
     * @param penalties the penalties when it is missed, free text
     * @throws InvalidArgumentException naming the component when one is null, a text is blank or
     *     too long, a volume is negative or too large, the minimum is negative or above the
     *     maximum, the price is negative or the discount is out of range
     */
    public ServiceAgreement {
        Require.nonNull(product, "product");
        Require.nonNull(monthlyVolumes, "monthlyVolumes");
        Require.nonNull(unitPrice, "unitPrice");
        Require.nonNull(differentiation, "differentiation");
        Require.nonNull(discount, "discount");
        Require.nonNull(qos, "qos");
        Require.nonNull(penalties, "penalties");
        monthlyVolumes = volumes(monthlyVolumes, "monthlyVolumes");
        if (monthlyVolumes.isEmpty() || monthlyVolumes.size() > SlaTerm.MAX_MONTHS) {
            throw new InvalidArgumentException("monthlyVolumes", "must hold one volume per month of the SLA period (1 to 12) but held "
                    + monthlyVolumes.size());
        }
        Require.that(expectedMinimum >= 0 && expectedMinimum <= MAX_VOLUME * SlaTerm.MAX_MONTHS, "expectedMinimum",
                () -> "must be between 0 and " + MAX_VOLUME * SlaTerm.MAX_MONTHS + " but was " + expectedMinimum);
        Require.that(expectedMaximum >= expectedMinimum && expectedMaximum <= MAX_VOLUME * SlaTerm.MAX_MONTHS,
                "expectedMaximum", () -> "must be between the minimum " + expectedMinimum + " and "
                        + MAX_VOLUME * SlaTerm.MAX_MONTHS + " but was " + expectedMaximum);
        Limits.money(unitPrice, "unitPrice");
        Require.that(!unitPrice.isNegative(), "unitPrice", () -> "must not be negative, was " + unitPrice);
        Require.text(differentiation, "differentiation");
        Limits.discount(discount, "discount");
        if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidArgumentException("discount", "must be at least 0 and below 1 but was "
                    + discount.toPlainString());
        }
        discount = discount.stripTrailingZeros();
        Require.text(qos, "qos");
        Require.text(penalties, "penalties");
    }

    /**
     * The agreed volume over the whole period.
     *
     * @return the sum of the monthly volumes
     */
    public int totalVolume() {
        return monthlyVolumes.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Checks a list of monthly volumes: no null, none negative or above {@value #MAX_VOLUME}.
     *
     * @param volumes the volumes
     * @param name the argument's name for the message
     * @return an immutable copy
     * @throws InvalidArgumentException naming {@code name} when the list or a volume is null, or a
     *     volume is out of range
     */
    static List<Integer> volumes(List<Integer> volumes, String name) {
        List<Integer> copy = Require.nonNullElements(volumes, name);
        for (int i = 0; i < copy.size(); i++) {
            int v = copy.get(i);
            Require.that(v >= 0 && v <= MAX_VOLUME, name, i, () -> "must be between 0 and " + MAX_VOLUME + " but was " + v);
        }
        return copy;
    }
}
