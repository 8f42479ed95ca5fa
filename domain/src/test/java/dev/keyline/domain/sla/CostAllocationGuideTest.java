package dev.keyline.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code and figures of docs/sla-allocation.md, run as written, so the guide stays true. */
class CostAllocationGuideTest {

    @Test
    void theGuidesSplitByNamedParties() {
        CostSplit split = CostSplit.byLargestRemainder(Money.cny("1234.56"), List.of(
                new AllocationShare("group", new BigDecimal("10")),
                new AllocationShare("business", new BigDecimal("10")),
                new AllocationShare("public", new BigDecimal("80"))));

        assertThat(split.amountOf("public")).isEqualTo(Money.cny("987.65"));
        assertThat(split.amountOf("group")).isEqualTo(Money.cny("123.46"));
        assertThat(split.amountOf("business")).isEqualTo(Money.cny("123.45"));
    }

    @Test
    void theGuidesRoundingExamples() {
        assertThat(LargestRemainder.split(Money.cny("1000.00"), weights("1", "1", "1")))
                .containsExactly(Money.cny("333.34"), Money.cny("333.33"), Money.cny("333.33"));
        assertThat(LargestRemainder.split(Money.cny("0.05"), weights("10", "10", "80")))
                .containsExactly(Money.cny("0.01"), Money.cny("0.00"), Money.cny("0.04"));
        // 10/10/80, 0.1/0.1/0.8 and 1/1/8 give the same split
        assertThat(LargestRemainder.split(Money.cny("1234.56"), weights("0.1", "0.1", "0.8")))
                .isEqualTo(LargestRemainder.split(Money.cny("1234.56"), weights("10", "10", "80")))
                .isEqualTo(LargestRemainder.split(Money.cny("1234.56"), weights("1", "1", "8")));
    }

    @Test
    void theGuidesVoiceSettlement() {
        LeadDepartmentAllocation voice = CostAllocation.productCostToLeadDepartment(Money.cny("5000.00"), "public",
                List.of(new AllocationShare("group", new BigDecimal("10")),
                        new AllocationShare("business", new BigDecimal("10")),
                        new AllocationShare("public", new BigDecimal("80"))));

        assertThat(voice.booked().amountOf("public")).isEqualTo(Money.cny("5000.00"));
        assertThat(voice.settlements()).containsExactly(new PartyAllocation("group", Money.cny("500.00")),
                new PartyAllocation("business", Money.cny("500.00")));
        assertThat(voice.net().amountOf("public")).isEqualTo(Money.cny("4000.00"));
    }

    private static List<BigDecimal> weights(String... ws) {
        return List.of(ws).stream().map(BigDecimal::new).toList();
    }
}
