package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.util.List;

/**
 * The SLA's cost-allocation options (成本分摊) as pure functions over money: which network cost the
 * marketing side bears for a product in an SLA period, and how a product's cost is divided among
 * the marketing departments. Nothing is stored; each function is exact to the cent.
 *
 * <p>Terms: the <em>agreed volume</em> is the SLA's volume of the product for the period (for
 * example 50 DDN circuits a year); <em>units</em> is what marketing actually took in the period;
 * the <em>extra depreciation</em> is the depreciation, for the period, of the investment the
 * network centre made to serve units above the agreed volume. Units within the volume means
 * {@code units ≤ agreedVolume}.
 */
public final class CostAllocation {

    private CostAllocation() {
    }

    /**
     * Network cost borne by marketing, option 1 (the simple option for the early phase):
     * <pre>
     *   cost = fixedCost                         when units ≤ agreedVolume
     *   cost = fixedCost + extraDepreciation     when units &gt; agreedVolume
     * </pre>
     *
     * @param fixedCost the fixed network cost of the product for the period, not negative
     * @param agreedVolume the agreed volume, not negative
     * @param units the units taken, not negative
     * @param extraDepreciation the period's depreciation of the extra investment, not negative,
     *     in the currency of {@code fixedCost}
     * @return the cost marketing bears
     * @throws InvalidArgumentException naming the argument that is null, negative or in another
     *     currency
     */
    public static Money networkCostByFixedCost(Money fixedCost, long agreedVolume, long units, Money extraDepreciation) {
        requireCost(fixedCost, "fixedCost");
        Require.nonNegative(agreedVolume, "agreedVolume");
        Require.nonNegative(units, "units");
        requireCost(extraDepreciation, "extraDepreciation");
        requireSameCurrency(fixedCost, extraDepreciation, "extraDepreciation");
        return units <= agreedVolume ? fixedCost : fixedCost.plus(extraDepreciation);
    }

    /**
     * Network cost borne by marketing, option 2 (the option international operators use):
     * <pre>
     *   cost = unitCost × units                  when units ≤ agreedVolume
     *   cost = fixedCost + extraDepreciation     when units &gt; agreedVolume
     * </pre>
     * Within the volume the cost is exact (an amount in cents times a whole number); above it the
     * unit cost plays no part, as the SLA's rule says.
     *
     * @param unitCost the product's unit cost, not negative
     * @param fixedCost the fixed network cost of the product for the period, not negative
     * @param agreedVolume the agreed volume, not negative
     * @param units the units taken, not negative
     * @param extraDepreciation the period's depreciation of the extra investment, not negative
     * @return the cost marketing bears
     * @throws InvalidArgumentException naming the argument that is null, negative or in another
     *     currency than {@code unitCost}
     */
    public static Money networkCostByUnitCost(Money unitCost, Money fixedCost, long agreedVolume, long units,
            Money extraDepreciation) {
        requireCost(unitCost, "unitCost");
        requireCost(fixedCost, "fixedCost");
        Require.nonNegative(agreedVolume, "agreedVolume");
        Require.nonNegative(units, "units");
        requireCost(extraDepreciation, "extraDepreciation");
        requireSameCurrency(unitCost, fixedCost, "fixedCost");
        requireSameCurrency(unitCost, extraDepreciation, "extraDepreciation");
        return units <= agreedVolume ? unitCost.times(units) : fixedCost.plus(extraDepreciation);
    }

    /**
     * Product cost, option 1: the cost divided among the departments by their agreed-volume
     * shares, for example group customers 10, business customers 10, public customers 80.
     * Department {@code d} gets {@code floor(cost × v(d) / Σ v)} to the cent plus one cent if its
     * remainder is among the largest, ties to the department named earlier
     * ({@link LargestRemainder}); the parts sum exactly to the cost.
     *
     * @param cost the product's cost, not negative
     * @param agreedVolumes each department's agreed volume (or percentage): positive, any total
     * @return the split, in the order of {@code agreedVolumes}
     * @throws InvalidArgumentException naming {@code cost} or {@code agreedVolumes} when it is
     *     null, the cost negative, or the list empty or naming a department twice
     */
    public static CostSplit productCostByVolumeShare(Money cost, List<AllocationShare> agreedVolumes) {
        Require.nonNull(cost, "cost");
        CostSplit.requireParties(agreedVolumes, "agreedVolumes");
        return CostSplit.byLargestRemainder(cost, agreedVolumes);
    }

    /**
     * Product cost, option 2: the whole cost to a lead department, which settles with the others
     * by the settlement weights; see {@link LeadDepartmentAllocation} for what settling produces.
     *
     * @param cost the product's cost, not negative
     * @param lead the lead department, one of the parties of {@code shares}
     * @param shares every department's settlement weight, the lead's included
     * @return the booked cost, the settlements and the net split
     * @throws InvalidArgumentException as {@link LeadDepartmentAllocation#settle} does
     */
    public static LeadDepartmentAllocation productCostToLeadDepartment(Money cost, String lead,
            List<AllocationShare> shares) {
        return LeadDepartmentAllocation.settle(cost, lead, shares);
    }

    private static void requireCost(Money amount, String name) {
        Require.nonNull(amount, name);
        Require.that(!amount.isNegative(), name, () -> "must not be negative, was " + amount);
    }

    private static void requireSameCurrency(Money a, Money b, String name) {
        Require.that(a.currency().equals(b.currency()), name,
                () -> "currency " + b.currency() + " does not match " + a.currency());
    }
}
