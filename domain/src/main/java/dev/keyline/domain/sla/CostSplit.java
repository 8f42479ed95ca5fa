package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cost divided among named parties: every party once, in the order the parties were given, and
 * the amounts adding up exactly to the cost.
 *
 * @param cost the amount divided
 * @param allocations each party's amount, at least one, party names unique, summing to {@code cost}
 */
public record CostSplit(Money cost, List<PartyAllocation> allocations) {

    /**
     * Validates the split and keeps an immutable copy of the allocations.
     *
     * @param cost the amount divided
     * @param allocations each party's amount, at least one, party names unique, summing to {@code cost}
     * @throws InvalidArgumentException naming {@code cost} or {@code allocations} when either is
     *     null, naming {@code allocations} when the list is empty, names a party twice, holds an
     *     amount in another currency or does not sum to the cost
     */
    public CostSplit {
        Require.nonNull(cost, "cost");
        allocations = Require.nonNullElements(allocations, "allocations");
        Require.that(!allocations.isEmpty(), "allocations", "must name at least one party");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < allocations.size(); i++) {
            PartyAllocation a = allocations.get(i);
            Require.that(seen.add(a.party()), "allocations", () -> "party '" + a.party() + "' is named more than once");
            Require.that(a.amount().currency().equals(cost.currency()), "allocations", i,
                    () -> "currency " + a.amount().currency() + " of " + a.party() + " does not match the cost's " + cost.currency());
        }
        Money sum = Money.sum(allocations.stream().map(PartyAllocation::amount).toList(), cost.currency());
        Require.that(sum.equals(cost), "allocations", () -> "sum to " + sum + ", not to the cost " + cost);
    }

    /**
     * Splits a cost by the parties' weights with {@link LargestRemainder largest-remainder}
     * rounding to the cent: each party gets {@code floor(cost × weight / total weight)} to the cent,
     * plus one cent for the parties with the largest remainders, ties going to the party named
     * earlier.
     *
     * @param cost the cost, not negative
     * @param shares the parties' weights, at least one, party names unique
     * @return the split, in the order of {@code shares}
     * @throws InvalidArgumentException naming {@code cost} when it is null or negative, naming
     *     {@code shares} when the list is null or empty or names a party twice
     */
    public static CostSplit byLargestRemainder(Money cost, List<AllocationShare> shares) {
        Require.nonNull(cost, "cost");
        Require.that(!cost.isNegative(), "cost", () -> "must not be negative, was " + cost);
        List<AllocationShare> list = requireParties(shares, "shares");
        List<BigDecimal> weights = list.stream().map(AllocationShare::weight).toList();
        List<Money> amounts = LargestRemainder.split(cost, weights);
        List<PartyAllocation> allocations = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            allocations.add(new PartyAllocation(list.get(i).party(), amounts.get(i)));
        }
        return new CostSplit(cost, allocations);
    }

    /**
     * The parties, in order.
     *
     * @return the parties' names
     */
    public List<String> parties() {
        return allocations.stream().map(PartyAllocation::party).toList();
    }

    /**
     * The amount allocated to a party.
     *
     * @param party the party's name
     * @return its amount
     * @throws InvalidArgumentException when {@code party} is null
     * @throws NotFoundException when the split has no such party
     */
    public Money amountOf(String party) {
        Require.nonNull(party, "party");
        return allocations.stream().filter(a -> a.party().equals(party)).findFirst().map(PartyAllocation::amount)
                .orElseThrow(() -> new NotFoundException("party '" + party + "' has no part in this split; parties: " + parties()));
    }

    /** Copies the shares, failing naming {@code name} when null, empty or a party is named twice. */
    static List<AllocationShare> requireParties(List<AllocationShare> shares, String name) {
        List<AllocationShare> list = Require.nonNullElements(shares, name);
        Require.that(!list.isEmpty(), name, "must name at least one party");
        Set<String> seen = new HashSet<>();
        for (AllocationShare share : list) {
            Require.that(seen.add(share.party()), name, () -> "party '" + share.party() + "' is named more than once");
        }
        return list;
    }
}
