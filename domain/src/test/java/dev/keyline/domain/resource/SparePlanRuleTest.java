package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monthly plan's rule on the documented example and at its edges. */
class SparePlanRuleTest {

    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    @Test
    void theDocumentedExample() {
        SpareStock stock = SparePlanRuleProperties.stock(4, 2, 1, 3);
        SparePlanLine line = SparePlanRule.standard().plan(stock, JUNE, List.of(
                new SpareMonthlyIssues(YearMonth.of(2026, 3), 4), new SpareMonthlyIssues(YearMonth.of(2026, 5), 5)));
        assertThat(line).isEqualTo(new SparePlanLine(stock.id(), JUNE, 3, 3, 2, 1, 3));
    }

    @Test
    void monthsOutsideTheHistoryDoNotCountAndAFullStockOrdersNothing() {
        SpareStock stock = SparePlanRuleProperties.stock(50, 0, 0, 5);
        SparePlanLine line = new SparePlanRule(2).plan(stock, JUNE, List.of(new SpareMonthlyIssues(YearMonth.of(2026, 3), 90),
                new SpareMonthlyIssues(JUNE, 90), new SpareMonthlyIssues(YearMonth.of(2026, 5), 7)));
        assertThat(line.need()).isEqualTo(4);
        assertThat(line.order()).isZero();
    }

    @Test
    void badInputIsRefusedNamingIt() {
        assertThatThrownBy(() -> new SparePlanRule(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("months");
        assertThatThrownBy(() -> new SparePlanRule(SparePlanRule.MAX_MONTHS + 1)).hasMessageContaining("months");
        SpareStock stock = SparePlanRuleProperties.stock(1, 0, 0, 0);
        assertThatThrownBy(() -> SparePlanRule.standard().plan(stock, JUNE, List.of(new SpareMonthlyIssues(JUNE.minusMonths(1), 1),
                new SpareMonthlyIssues(JUNE.minusMonths(1), 2)))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("appears twice");
        assertThat(SparePlanRule.standard().firstMonth(JUNE)).isEqualTo(YearMonth.of(2026, 3));
        assertThat(SparePlanRule.standard().lastMonth(JUNE)).isEqualTo(YearMonth.of(2026, 5));
    }
}
