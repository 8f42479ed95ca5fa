package dev.keyline.domain.priority;

import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;

/**
 * How much revenue, profit and growth count in a key account's priority score. Each weight is
 * non-negative with at most six decimals and at most {@link Limits#MAX_RATIO}; at least one is
 * positive. Only the proportions matter: (2, 1, 1) ranks as (0.5, 0.25, 0.25).
 *
 * @param revenue the weight of revenue
 * @param profit the weight of profit
 * @param growth the weight of the growth rate
 */
public record RankingWeights(BigDecimal revenue, BigDecimal profit, BigDecimal growth) {

    /** Revenue, profit and growth counted equally. */
    public static final RankingWeights EQUAL = new RankingWeights(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

    /**
     * Validates the weights and holds each at six decimals.
     *
     * @param revenue the weight of revenue
     * @param profit the weight of profit
     * @param growth the weight of the growth rate
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the weight when one is null,
     *     negative, too large or too fine, or naming {@code weights} when all are zero
     */
    public RankingWeights {
        revenue = Limits.ratio(Require.nonNegative(revenue, "revenue"), "revenue");
        profit = Limits.ratio(Require.nonNegative(profit, "profit"), "profit");
        growth = Limits.ratio(Require.nonNegative(growth, "growth"), "growth");
        Require.that(revenue.signum() + profit.signum() + growth.signum() > 0, "weights",
                "must not all be zero: at least one of revenue, profit and growth must count");
    }

    @Override
    public String toString() {
        return "revenue " + revenue.stripTrailingZeros().toPlainString() + ", profit "
                + profit.stripTrailingZeros().toPlainString() + ", growth " + growth.stripTrailingZeros().toPlainString();
    }
}
