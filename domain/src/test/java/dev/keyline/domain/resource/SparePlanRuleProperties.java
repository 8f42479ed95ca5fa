package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The monthly plan against an oracle written apart from {@link SparePlanRule}: the oracle walks the
 * history month by month, takes the mean with {@link BigDecimal} rounded up (ceiling), and orders
 * the shortfall below need + minimum; totals outside the history never count.
 */
class SparePlanRuleProperties {

    private static final YearMonth PLANNED = YearMonth.of(2026, 6);

    /** need and order as the documentation defines them, computed another way. */
    private static long[] oracle(int months, List<SpareMonthlyIssues> issues, long minimum, long available,
            long underRepair) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int back = 1; back <= months; back++) {
            YearMonth m = PLANNED.minusMonths(back);
            for (SpareMonthlyIssues i : issues) {
                if (i.month().equals(m)) {
                    sum = sum.add(BigDecimal.valueOf(i.quantity()));
                }
            }
        }
        long need = sum.divide(BigDecimal.valueOf(months), 0, RoundingMode.CEILING).longValueExact();
        long shortfall = need + minimum - available - underRepair;
        return new long[] {need, shortfall > 0 ? shortfall : 0};
    }

    @Test
    void needAndOrderFollowTheDocumentedRule() {
        qt().withExamples(1000)
                .forAll(integers().between(1, 12),
                        lists().of(integers().between(-14, 1).zip(integers().between(0, 500),
                                (offset, quantity) -> new SpareMonthlyIssues(PLANNED.plusMonths(offset), quantity)))
                                .ofSizeBetween(0, 16),
                        integers().between(0, 40).zip(integers().between(0, 40), integers().between(0, 40),
                                integers().between(0, 40), (onHand, reserved, underRepair, minimum) ->
                                        new long[] {onHand, Math.min(reserved, onHand), underRepair, minimum}))
                .checkAssert((months, generated, levels) -> {
                    List<SpareMonthlyIssues> issues = distinctMonths(generated);
                    SpareStock stock = stock(levels[0], levels[1], levels[2], levels[3]);
                    SparePlanLine line = new SparePlanRule(months).plan(stock, PLANNED, issues);
                    long[] expected = oracle(months, issues, levels[3], levels[0] - levels[1], levels[2]);
                    assertThat(line.need()).isEqualTo(expected[0]);
                    assertThat(line.order()).isEqualTo(expected[1]);
                    assertThat(line.stock()).isEqualTo(stock.id());
                    assertThat(line.month()).isEqualTo(PLANNED);
                    assertThat(line.minimum()).isEqualTo(levels[3]);
                    assertThat(line.available()).isEqualTo(levels[0] - levels[1]);
                    assertThat(line.underRepair()).isEqualTo(levels[2]);
                    // ordering what the line says leaves at least need + minimum, counting repairs
                    assertThat(line.available() + line.underRepair() + line.order())
                            .isGreaterThanOrEqualTo(line.need() + line.minimum());
                });
    }

    private static List<SpareMonthlyIssues> distinctMonths(List<SpareMonthlyIssues> generated) {
        Set<YearMonth> seen = new HashSet<>();
        List<SpareMonthlyIssues> issues = new ArrayList<>();
        for (SpareMonthlyIssues i : generated) {
            if (seen.add(i.month())) {
                issues.add(i);
            }
        }
        return issues;
    }

    static SpareStock stock(long onHand, long reserved, long underRepair, long minimum) {
        SpareStock stock = SpareStock.create(new SpareStockId("D1:P1"));
        Instant at = Instant.parse("2026-05-31T00:00:00Z");
        if (onHand > 0) {
            stock.receive(onHand, at);
        }
        if (reserved > 0) {
            stock.reserve(new SpareReservationRef("FT-1"), reserved, at);
        }
        if (underRepair > 0) {
            stock.returnFaulty(underRepair, at);
        }
        stock.setMinimum(minimum, at);
        return stock;
    }
}
