package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * Product cost, option 2 of the SLA (产品成本方案二): the whole cost of a product is booked to one
 * lead department (for example voice to the public-customer department), which then settles with
 * the other departments.
 *
 * <p>What settling produces, precisely: every other department pays the lead department its
 * share of the cost, worked out exactly as option 1 would
 * ({@link CostSplit#byLargestRemainder largest remainder} over the settlement weights, ties to the
 * department named earlier). So, with {@code s(d)} that split:
 * <ul>
 *   <li>{@link #booked()}: the lead department bears the whole cost, every other department 0;</li>
 *   <li>{@link #settlements()}: each other department {@code d} pays the lead {@code s(d)};</li>
 *   <li>{@link #net()}: after settling, every department bears {@code s(d)}; the lead department
 *       bears {@code cost − Σ settlements = s(lead)}.</li>
 * </ul>
 * Booked, settled and net amounts all sum exactly to the cost. A lead department that settles with
 * nobody is given as the only party: it bears the whole cost and there are no settlements.
 *
 * @param lead the lead department, one of the parties of {@code net}
 * @param net what every department bears after settling: the lead department's share and the
 *     others', none negative
 */
public record LeadDepartmentAllocation(String lead, CostSplit net) {

    /**
     * Validates the allocation.
     *
     * @param lead the lead department, one of the parties of {@code net}
     * @param net what every department bears after settling: the lead department's share and the others', none negative
     * @throws InvalidArgumentException naming {@code lead} or {@code net} when either is null,
     *     naming {@code lead} when it is not a party of {@code net}, naming {@code net} when an
     *     amount in it is negative
     */
    public LeadDepartmentAllocation {
        Require.nonNull(lead, "lead");
        Require.nonNull(net, "net");
        Require.that(net.parties().contains(lead), "lead", () -> "'" + lead + "' is not one of the parties " + net.parties());
        for (PartyAllocation a : net.allocations()) {
            Require.that(!a.amount().isNegative(), "net", () -> "amount of " + a.party() + " must not be negative, was " + a.amount());
        }
    }

    /**
     * Books a product's whole cost to the lead department and works out its settlements with the
     * others by their weights.
     *
     * @param cost the product's cost, not negative
     * @param lead the lead department, one of the parties of {@code shares}
     * @param shares the settlement weights of every department, the lead department's included
     *     (typically the agreed volumes); party names unique
     * @return the allocation
     * @throws InvalidArgumentException naming {@code cost}, {@code lead} or {@code shares} when it
     *     is null, the cost negative, the shares empty or naming a party twice, or the lead
     *     department not among the shares
     */
    public static LeadDepartmentAllocation settle(Money cost, String lead, List<AllocationShare> shares) {
        Require.nonNull(cost, "cost");
        Require.nonNull(lead, "lead");
        List<AllocationShare> list = CostSplit.requireParties(shares, "shares");
        Require.that(list.stream().anyMatch(s -> s.party().equals(lead)), "lead",
                () -> "'" + lead + "' is not one of the parties of the shares");
        return new LeadDepartmentAllocation(lead, CostSplit.byLargestRemainder(cost, list));
    }

    /**
     * The cost allocated.
     *
     * @return the cost
     */
    public Money cost() {
        return net.cost();
    }

    /**
     * The cost as first booked: all of it to the lead department, nothing to the others.
     *
     * @return the booked split, parties in the order of {@link #net()}
     */
    public CostSplit booked() {
        List<PartyAllocation> booked = new ArrayList<>();
        for (PartyAllocation a : net.allocations()) {
            booked.add(new PartyAllocation(a.party(), a.party().equals(lead) ? net.cost() : Money.zero(net.cost().currency())));
        }
        return new CostSplit(net.cost(), booked);
    }

    /**
     * What each other department pays the lead department to settle: its share of the cost.
     *
     * @return one settlement per department other than the lead, in the order of {@link #net()}
     */
    public List<PartyAllocation> settlements() {
        return net.allocations().stream().filter(a -> !a.party().equals(lead)).toList();
    }

    /**
     * What the lead department receives from the others in all.
     *
     * @return the sum of {@link #settlements()}
     */
    public Money settledToLead() {
        return Money.sum(settlements().stream().map(PartyAllocation::amount).toList(), net.cost().currency());
    }
}
