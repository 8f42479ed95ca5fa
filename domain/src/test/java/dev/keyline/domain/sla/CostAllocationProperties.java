package dev.keyline.domain.sla;

import static dev.keyline.domain.common.KernelGenerators.nonNegativeMoney;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The rules of a cost split, checked over random amounts and weights: the parts sum exactly to
 * the cost, none is a cent or more from its exact share, ties go to the party named earlier, and
 * on small cases the split is the one an independent brute-force search finds.
 */
class CostAllocationProperties {

    /** A positive weight with 0 to 4 decimals, from 0.0001 to 1000. */
    private static Gen<BigDecimal> positiveWeight() {
        return integers().between(1, 10_000_000).zip(integers().between(0, 4), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
    }

    /** 1 to 10 positive weights, with any total. */
    private static Gen<List<BigDecimal>> positiveWeights() {
        return lists().of(positiveWeight()).ofSizeBetween(1, 10);
    }

    /** Weights drawn from a handful of values, so that equal weights (and equal remainders) are common. */
    private static Gen<List<BigDecimal>> weightsWithTies() {
        return lists().of(integers().between(1, 4).map(i -> BigDecimal.valueOf((long) i))).ofSizeBetween(1, 8);
    }

    private static Gen<Money> smallCosts() {
        return longs().between(0, 2_000).map(c -> Money.ofCents(c, Money.CNY));
    }

    private static List<AllocationShare> shares(List<BigDecimal> weights) {
        List<AllocationShare> shares = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            shares.add(new AllocationShare("d" + i, weights.get(i)));
        }
        return shares;
    }

    private static BigDecimal total(List<BigDecimal> weights) {
        return weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void theAllocationsSumExactlyToTheCost() {
        qt().forAll(nonNegativeMoney(), positiveWeights()).checkAssert((cost, ws) -> {
            CostSplit split = CostSplit.byLargestRemainder(cost, shares(ws));
            assertThat(split.allocations()).hasSameSizeAs(ws);
            assertThat(Money.sum(split.allocations().stream().map(PartyAllocation::amount).toList(), Money.CNY)).isEqualTo(cost);
        });
    }

    @Test
    void noAllocationDiffersFromItsExactShareByACentOrMore() {
        qt().forAll(nonNegativeMoney(), positiveWeights()).checkAssert((cost, ws) -> {
            List<Money> parts = LargestRemainder.split(cost, ws);
            BigDecimal total = total(ws);
            BigDecimal oneCentOfTheTotal = new BigDecimal("0.01").multiply(total);
            for (int i = 0; i < ws.size(); i++) {
                // |part - cost * w / W| < 0.01, multiplied through by W so that nothing is rounded
                BigDecimal error = parts.get(i).amount().multiply(total).subtract(cost.amount().multiply(ws.get(i))).abs();
                assertThat(error).as("part %d of %s by %s", i, cost, ws).isLessThan(oneCentOfTheTotal);
                assertThat(parts.get(i).isNegative()).isFalse();
            }
        });
    }

    @Test
    void theAllocationsKeepTheOrderAndNamesOfTheParties() {
        qt().forAll(nonNegativeMoney(), positiveWeights()).checkAssert((cost, ws) -> {
            CostSplit split = CostSplit.byLargestRemainder(cost, shares(ws));
            List<Money> parts = LargestRemainder.split(cost, ws);
            for (int i = 0; i < ws.size(); i++) {
                assertThat(split.allocations().get(i)).isEqualTo(new PartyAllocation("d" + i, parts.get(i)));
                assertThat(split.amountOf("d" + i)).isEqualTo(parts.get(i));
            }
        });
    }

    @Test
    void ofTwoPartiesWithEqualWeightsTheOneNamedEarlierNeverGetsLess() {
        qt().forAll(smallCosts(), weightsWithTies()).checkAssert((cost, ws) -> {
            List<Money> parts = LargestRemainder.split(cost, ws);
            for (int i = 0; i < ws.size(); i++) {
                for (int j = i + 1; j < ws.size(); j++) {
                    if (ws.get(i).compareTo(ws.get(j)) == 0) {
                        Money earlier = parts.get(i);
                        Money later = parts.get(j);
                        assertThat(earlier).as("party %d before party %d of equal weight in %s of %s", i, j, ws, cost)
                                .isGreaterThanOrEqualTo(later);
                        assertThat(earlier.minus(later)).isLessThanOrEqualTo(Money.cny("0.01"));
                    }
                }
            }
        });
    }

    @Test
    void equalWeightsGiveTheSpareCentsToTheFirstParties() {
        qt().forAll(smallCosts(), integers().between(1, 12), positiveWeight()).checkAssert((cost, n, w) -> {
            List<BigDecimal> ws = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ws.add(w);
            }
            long cents = cost.amount().unscaledValue().longValueExact();
            List<Money> parts = LargestRemainder.split(cost, ws);
            for (int i = 0; i < n; i++) {
                long expected = cents / n + (i < cents % n ? 1 : 0);
                assertThat(parts.get(i)).as("party %d of %d", i, n).isEqualTo(Money.ofCents(expected, Money.CNY));
            }
        });
    }

    @Test
    void smallSplitsAreTheOnesABruteForceSearchFinds() {
        Gen<List<BigDecimal>> smallWeights = lists().of(integers().between(1, 400)
                .zip(integers().between(0, 2), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale))).ofSizeBetween(1, 6);
        qt().withExamples(500).forAll(smallCosts(), smallWeights).checkAssert((cost, ws) ->
                assertThat(LargestRemainder.split(cost, ws)).as("%s by %s", cost, ws).isEqualTo(bruteForce(cost, ws)));
    }

    @Test
    void scalingEveryWeightChangesNothing() {
        qt().forAll(nonNegativeMoney(), positiveWeights(), positiveWeight()).checkAssert((cost, ws, k) ->
                assertThat(LargestRemainder.split(cost, ws.stream().map(w -> w.multiply(k)).toList()))
                        .isEqualTo(LargestRemainder.split(cost, ws)));
    }

    @Test
    void theLeadDepartmentBearsTheWholeCostAndIsPaidBackTheOthersShares() {
        qt().forAll(nonNegativeMoney(), positiveWeights(), integers().between(0, 9)).checkAssert((cost, ws, k) -> {
            String lead = "d" + (k % ws.size());
            LeadDepartmentAllocation allocation = CostAllocation.productCostToLeadDepartment(cost, lead, shares(ws));
            CostSplit byShare = CostAllocation.productCostByVolumeShare(cost, shares(ws));

            assertThat(allocation.booked().amountOf(lead)).isEqualTo(cost);
            assertThat(allocation.booked().allocations()).filteredOn(a -> !a.party().equals(lead))
                    .allSatisfy(a -> assertThat(a.amount().isZero()).isTrue());
            assertThat(allocation.net()).isEqualTo(byShare);
            assertThat(allocation.settlements()).hasSize(ws.size() - 1)
                    .allSatisfy(s -> assertThat(s.amount()).isEqualTo(byShare.amountOf(s.party())));
            assertThat(allocation.settledToLead().plus(allocation.net().amountOf(lead))).isEqualTo(cost);
        });
    }

    @Test
    void networkCostOptionOneIsTheFixedCostWithinTheVolumeAndAddsTheDepreciationAboveIt() {
        qt().forAll(nonNegativeMoney(), nonNegativeMoney(), longs().between(0, 1_000), longs().between(0, 1_000))
                .checkAssert((fixed, depreciation, agreed, units) -> {
                    Money cost = CostAllocation.networkCostByFixedCost(fixed, agreed, units, depreciation);
                    assertThat(cost).isEqualTo(units <= agreed ? fixed : fixed.plus(depreciation));
                    // taking more units never lowers the cost
                    assertThat(CostAllocation.networkCostByFixedCost(fixed, agreed, units + 1, depreciation))
                            .isGreaterThanOrEqualTo(cost);
                });
    }

    @Test
    void networkCostOptionTwoChargesEveryUnitWithinTheVolume() {
        qt().forAll(longs().between(0, 1_000_000), nonNegativeMoney(), longs().between(0, 200), longs().between(0, 200))
                .checkAssert((unitCents, fixed, agreed, units) -> {
                    Money unit = Money.ofCents(unitCents, Money.CNY);
                    Money cost = CostAllocation.networkCostByUnitCost(unit, fixed, agreed, units, Money.zero());
                    if (units <= agreed) {
                        Money sum = Money.zero();
                        for (long u = 0; u < units; u++) {
                            sum = sum.plus(unit);
                        }
                        assertThat(cost).isEqualTo(sum);
                    } else {
                        assertThat(cost).isEqualTo(fixed);
                    }
                });
    }

    @Test
    void aNegativeCostIsRejected() {
        qt().forAll(longs().between(-1_000_000_000L, -1), positiveWeights()).checkAssert((cents, ws) ->
                assertThatThrownBy(() -> CostSplit.byLargestRemainder(Money.ofCents(cents, Money.CNY), shares(ws)))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cost: must not be negative"));
    }

    /**
     * The largest-remainder split found by search rather than by sorting: among all ways of
     * rounding each exact share down or up to the cent that sum to the cost, the one in which
     * every party rounded up has a larger remainder than every party rounded down, or an equal
     * remainder and an earlier place. Exactly one such way exists.
     */
    private static List<Money> bruteForce(Money cost, List<BigDecimal> ws) {
        int n = ws.size();
        // exact share of party i in cents = cents * w_i / W, kept as the fraction (cents * w_i) / W
        BigInteger cents = cost.amount().unscaledValue();
        BigDecimal total = total(ws);
        List<BigInteger[]> shares = new ArrayList<>(); // {numerator, denominator} over a common scale
        int scale = ws.stream().mapToInt(BigDecimal::scale).max().orElse(0);
        BigInteger denominator = total.setScale(scale).unscaledValue();
        for (BigDecimal w : ws) {
            shares.add(new BigInteger[] {cents.multiply(w.setScale(scale).unscaledValue()), denominator});
        }
        List<List<Long>> found = new ArrayList<>();
        for (int mask = 0; mask < (1 << n); mask++) {
            long[] parts = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                BigInteger floor = shares.get(i)[0].divide(shares.get(i)[1]);
                parts[i] = floor.longValueExact() + ((mask >> i) & 1);
                sum += parts[i];
            }
            if (sum != cents.longValueExact() || !upRoundedComeFirst(mask, shares)) {
                continue;
            }
            List<Long> way = new ArrayList<>();
            for (long p : parts) {
                way.add(p);
            }
            found.add(way);
        }
        assertThat(found).as("ways of splitting %s by %s", cost, ws).hasSize(1);
        return found.get(0).stream().map(c -> Money.ofCents(c, Money.CNY)).toList();
    }

    private static boolean upRoundedComeFirst(int mask, List<BigInteger[]> shares) {
        for (int up = 0; up < shares.size(); up++) {
            for (int down = 0; down < shares.size(); down++) {
                if (((mask >> up) & 1) == 1 && ((mask >> down) & 1) == 0) {
                    int byRemainder = remainder(shares.get(up)).compareTo(remainder(shares.get(down)));
                    if (byRemainder < 0 || (byRemainder == 0 && up > down)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The remainder's numerator over the shared denominator, so remainders compare directly. */
    private static BigInteger remainder(BigInteger[] share) {
        return share[0].mod(share[1]);
    }
}
