package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.util.List;

/**
 * Largest-remainder rounding (最大余额法) of a cost split to the cent: the one rounding every cost
 * allocation of an SLA uses, so that the parts always add up to the cost.
 *
 * <p>For an amount of {@code A} cents and positive weights {@code w1 … wn} with total
 * {@code W = w1 + … + wn} (any total, not only 1 or 100), party {@code i}'s exact share is
 * {@code A × wi / W} cents. Each party first gets its exact share rounded down to a whole cent,
 * {@code floor(A × wi / W)}; the {@code A − Σ floor(…)} cents left over (fewer than {@code n}) go
 * one each to the parties with the largest remainders {@code A × wi mod W}; among equal remainders
 * the party named earlier comes first. Hence:
 * <ul>
 *   <li>the parts sum to {@code A} exactly;</li>
 *   <li>every part differs from its exact share by less than one cent;</li>
 *   <li>the result depends only on the ratios of the weights (scaling them all changes nothing).</li>
 * </ul>
 * The arithmetic is exact: the weights are brought to a common scale and the shares computed as
 * integer quotients and remainders, never in binary floating point. The computation itself is
 * {@link Money#allocate(List)}, the kernel's one implementation; this type adds the rules of a cost
 * split (a cost is not negative, every party bears a positive weight).
 *
 * <p>Example: 1000.00 by 1, 1, 1 gives 333.34, 333.33, 333.33 (all three remainders are equal, so
 * the spare cent goes to the first party); 0.05 by 10, 10, 80 gives 0.01, 0.00, 0.04.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Splits {@code amount} by {@code weights} with largest-remainder rounding to the cent.
     *
     * @param amount the amount to split, not negative
     * @param weights the parties' weights, in the parties' order: at least one, each positive,
     *     with any total
     * @return one part per weight, in the order of the weights, summing exactly to {@code amount}
     * @throws InvalidArgumentException naming {@code amount} when it is null or negative, naming
     *     {@code weights} when the list is null or empty, naming {@code weights[i]} when weight
     *     {@code i} is null, zero or negative
     */
    public static List<Money> split(Money amount, List<BigDecimal> weights) {
        Require.nonNull(amount, "amount");
        Require.that(!amount.isNegative(), "amount", () -> "must not be negative, was " + amount);
        List<BigDecimal> ws = Require.nonNullElements(weights, "weights");
        Require.that(!ws.isEmpty(), "weights", "must hold at least one weight");
        for (int i = 0; i < ws.size(); i++) {
            if (ws.get(i).signum() <= 0) {
                throw new InvalidArgumentException("weights[" + i + "]",
                        "must be positive, was " + ws.get(i).toPlainString());
            }
        }
        return amount.allocate(ws);
    }
}
