package dev.keyline.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost-allocation options on worked examples; every expected amount is worked out in the comment beside it. */
class CostAllocationTest {

    private static final List<AllocationShare> TEN_TEN_EIGHTY = List.of(share("group", "10"), share("business", "10"),
            share("public", "80"));

    private static AllocationShare share(String party, String weight) {
        return new AllocationShare(party, new BigDecimal(weight));
    }

    private static PartyAllocation part(String party, String amount) {
        return new PartyAllocation(party, Money.cny(amount));
    }

    @Test
    void aProductCostIsSplitTenTenEightyByAgreedVolume() {
        // 1234.56 × 10 % = 123.456 -> 123.45 (remainder .6), × 80 % = 987.648 -> 987.64 (remainder .8);
        // 2 cents are left: public (.8) and then group (.6, named before business)
        CostSplit split = CostAllocation.productCostByVolumeShare(Money.cny("1234.56"), TEN_TEN_EIGHTY);

        assertThat(split.allocations()).containsExactly(part("group", "123.46"), part("business", "123.45"),
                part("public", "987.65"));
        assertThat(split.cost()).isEqualTo(Money.cny("1234.56"));
    }

    @Test
    void weightsMayHaveAnyTotal() {
        // the DDN volumes 3 + 4 + 3 = 10 of 100.00: 30.00, 40.00, 30.00 exactly; weights 0.3, 0.4, 0.3 alike
        CostSplit byVolumes = CostSplit.byLargestRemainder(Money.cny("100"),
                List.of(share("group", "3"), share("business", "4"), share("public", "3")));
        CostSplit byFractions = CostSplit.byLargestRemainder(Money.cny("100"),
                List.of(share("group", "0.3"), share("business", "0.4"), share("public", "0.3")));

        assertThat(byVolumes.allocations()).containsExactly(part("group", "30.00"), part("business", "40.00"),
                part("public", "30.00"));
        assertThat(byFractions).isEqualTo(byVolumes);
    }

    @Test
    void aTieInTheRemainderGoesToThePartyNamedEarlier() {
        // 0.05 by 10/10/80: exact 0.005, 0.005, 0.04; floors 0.00, 0.00, 0.04; one cent left, group and
        // business tie at half a cent, group is named first
        assertThat(LargestRemainder.split(Money.cny("0.05"), List.of(BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("80"))))
                .containsExactly(Money.cny("0.01"), Money.cny("0.00"), Money.cny("0.04"));
        // 1000.00 in three equal parts: 333.333… each, the spare cent to the first
        assertThat(LargestRemainder.split(Money.cny("1000"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                .containsExactly(Money.cny("333.34"), Money.cny("333.33"), Money.cny("333.33"));
    }

    @Test
    void aZeroCostGivesEveryoneZero() {
        assertThat(CostSplit.byLargestRemainder(Money.zero(), TEN_TEN_EIGHTY).allocations())
                .extracting(PartyAllocation::amount).containsOnly(Money.zero());
    }

    @Test
    void theLeadDepartmentIsBookedEverythingAndSettlesWithTheOthersByTheirShares() {
        // voice, 5000.00 to the public-customer department; settled 10/10/80: group and business pay
        // it 500.00 each, so it bears 4000.00 net
        LeadDepartmentAllocation voice = CostAllocation.productCostToLeadDepartment(Money.cny("5000"), "public",
                TEN_TEN_EIGHTY);

        assertThat(voice.cost()).isEqualTo(Money.cny("5000.00"));
        assertThat(voice.booked().allocations()).containsExactly(part("group", "0"), part("business", "0"),
                part("public", "5000"));
        assertThat(voice.settlements()).containsExactly(part("group", "500"), part("business", "500"));
        assertThat(voice.settledToLead()).isEqualTo(Money.cny("1000"));
        assertThat(voice.net().allocations()).containsExactly(part("group", "500"), part("business", "500"),
                part("public", "4000"));
    }

    @Test
    void aLeadDepartmentAloneBearsTheWholeCostAndSettlesNothing() {
        LeadDepartmentAllocation voice = LeadDepartmentAllocation.settle(Money.cny("99.99"), "public",
                List.of(share("public", "100")));

        assertThat(voice.settlements()).isEmpty();
        assertThat(voice.settledToLead()).isEqualTo(Money.zero());
        assertThat(voice.net().amountOf("public")).isEqualTo(Money.cny("99.99"));
    }

    @Test
    void networkCostOptionOne() {
        Money fixed = Money.cny("80000");
        Money extra = Money.cny("12000");
        // within the 50 agreed circuits: the fixed cost, however many were taken
        assertThat(CostAllocation.networkCostByFixedCost(fixed, 50, 0, extra)).isEqualTo(Money.cny("80000"));
        assertThat(CostAllocation.networkCostByFixedCost(fixed, 50, 50, extra)).isEqualTo(Money.cny("80000"));
        // above it: fixed cost plus the extra investment's depreciation, 80000 + 12000
        assertThat(CostAllocation.networkCostByFixedCost(fixed, 50, 51, extra)).isEqualTo(Money.cny("92000"));
    }

    @Test
    void networkCostOptionTwo() {
        Money unit = Money.cny("1500.50");
        Money fixed = Money.cny("80000");
        Money extra = Money.cny("12000");
        // within the volume: 1500.50 × 42 = 63021.00
        assertThat(CostAllocation.networkCostByUnitCost(unit, fixed, 50, 42, extra)).isEqualTo(Money.cny("63021.00"));
        // 1500.50 × 50 = 75025.00
        assertThat(CostAllocation.networkCostByUnitCost(unit, fixed, 50, 50, extra)).isEqualTo(Money.cny("75025.00"));
        // above it: 80000 + 12000, the unit cost plays no part
        assertThat(CostAllocation.networkCostByUnitCost(unit, fixed, 50, 60, extra)).isEqualTo(Money.cny("92000"));
    }

    @Test
    void badSplitsAreRejectedNamingTheFault() {
        Money cost = Money.cny("10");
        assertThatThrownBy(() -> CostSplit.byLargestRemainder(cost, List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("shares: must name at least one party");
        assertThatThrownBy(() -> CostSplit.byLargestRemainder(cost, List.of(share("group", "1"), share("group", "2"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("party 'group' is named more than once");
        assertThatThrownBy(() -> share("group", "0"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("weight: of group must be positive, was 0");
        assertThatThrownBy(() -> share("group", "-1.5"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must be positive, was -1.5");
        assertThatThrownBy(() -> CostSplit.byLargestRemainder(Money.cny("-0.01"), TEN_TEN_EIGHTY))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cost: must not be negative");
        assertThatThrownBy(() -> LargestRemainder.split(cost, List.of(BigDecimal.ONE, BigDecimal.ZERO)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("weights[1]: must be positive, was 0");
        assertThatThrownBy(() -> CostAllocation.productCostToLeadDepartment(cost, "voice", TEN_TEN_EIGHTY))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lead: 'voice' is not one of the parties");
        assertThatThrownBy(() -> CostSplit.byLargestRemainder(cost, TEN_TEN_EIGHTY).amountOf("voice"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("party 'voice' has no part in this split");
    }

    @Test
    void aSplitMustAddUpAndStayInOneCurrency() {
        assertThatThrownBy(() -> new CostSplit(Money.cny("10"), List.of(part("group", "4"), part("public", "5.99"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sum to 9.99 CNY, not to the cost 10.00 CNY");
        Money dollars = Money.of(BigDecimal.TEN, Currency.getInstance("USD"));
        assertThatThrownBy(() -> new CostSplit(Money.cny("10"), List.of(new PartyAllocation("group", dollars))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("allocations[0]: currency USD of group");
        assertThatThrownBy(() -> CostAllocation.networkCostByFixedCost(Money.cny("1"), 1, 1, dollars))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("extraDepreciation: currency USD");
        assertThatThrownBy(() -> CostAllocation.networkCostByUnitCost(Money.cny("1"), Money.cny("1"), -1, 1, Money.cny("1")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("agreedVolume: must not be negative");
    }
}
