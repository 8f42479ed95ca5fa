package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The host's count of lines in service: the denominator of CAPEX per line, and one of the hashed facts. */
class KpiLinesInServiceTest {

    private static final Period MARCH = Period.month(YearMonth.of(2026, 3));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theCountIsAddedToTheCapexFactsLinesAsTheDenominatorOfCapexPerLine() {
        KpiComputation computation = new KpiComputation(MARCH, SHANGHAI);
        computation.accept(new CapexFact(Money.cny("1000000.00"), Money.cny("600000.00"), 0));
        assertThat(computation.value(ComputedKpi.CAPEX_PER_LINE).value()).as("no lines, no value").isEmpty();

        computation.accept(new LinesInServiceFact(240));

        KpiValue perLine = computation.value(ComputedKpi.CAPEX_PER_LINE);
        assertThat(perLine.denominator()).isEqualByComparingTo("240");
        assertThat(perLine.value()).contains(new BigDecimal("2500.0000"));
        assertThat(computation.value(ComputedKpi.CAPEX_RATIO).value()).as("the CAPEX ratio does not change")
                .contains(new BigDecimal("0.6000"));
    }

    @Test
    void theCountIsOneOfTheHashedFacts() {
        KpiFactsDigest without = new KpiFactsDigest(MARCH, SHANGHAI);
        KpiFactsDigest with = new KpiFactsDigest(MARCH, SHANGHAI);
        KpiFactsDigest other = new KpiFactsDigest(MARCH, SHANGHAI);
        with.accept(new LinesInServiceFact(240));
        other.accept(new LinesInServiceFact(241));

        assertThat(with.hash()).isNotEqualTo(without.hash()).isNotEqualTo(other.hash());
        assertThat(with.count()).isEqualTo(1);
    }

    @Test
    void aNegativeCountOrOneThatOverflowsIsRefusedAndCountsNothing() {
        assertThatThrownBy(() -> new LinesInServiceFact(-1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("lines");
        KpiComputation computation = new KpiComputation(MARCH, SHANGHAI);
        computation.accept(new CapexFact(Money.cny("1.00"), Money.cny("1.00"), Long.MAX_VALUE));
        assertThatThrownBy(() -> computation.accept(new LinesInServiceFact(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lines in service");
        assertThat(computation.value(ComputedKpi.CAPEX_PER_LINE).denominator())
                .isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
    }
}
