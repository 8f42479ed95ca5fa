package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;

/**
 * One product's line in an SLA's monthly execution report (SLA执行月报).
 *
 * @param product the product
 * @param agreed the agreed volume of the month (after amendments)
 * @param ordered orders accepted in the month
 * @param reserved units of binding reservations made in the month
 * @param provisionedOnTime orders completed in the month by their committed date
 * @param provisionedLate orders completed in the month after it
 */
public record MonthlyReportLine(ProductCode product, int agreed, int ordered, int reserved, int provisionedOnTime,
        int provisionedLate) {

    /**
     * Validates the line.
     *
     * @param product the product
     * @param agreed the agreed volume of the month (after amendments)
     * @param ordered orders accepted in the month
     * @param reserved units of binding reservations made in the month
     * @param provisionedOnTime orders completed in the month by their committed date
     * @param provisionedLate orders completed in the month after it
     * @throws InvalidArgumentException naming the component when the product is null or a count is negative
     */
    public MonthlyReportLine {
        Require.nonNull(product, "product");
        Require.nonNegative(agreed, "agreed");
        Require.nonNegative(ordered, "ordered");
        Require.nonNegative(reserved, "reserved");
        Require.nonNegative(provisionedOnTime, "provisionedOnTime");
        Require.nonNegative(provisionedLate, "provisionedLate");
    }
}
