package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.resource.SpareConsumption;
import dev.keyline.domain.resource.SpareMonthlyIssues;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import dev.keyline.tck.StorageBackedContract;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link SpareConsumptionRepository}: entries read back as appended, in
 * day order; an issue is recorded once; the monthly totals are the sums of the entries of each
 * month, checked against sums taken here. A provider runs it through {@link SparePartsContract}.
 */
public abstract class SpareConsumptionRepositoryContract extends StorageBackedContract {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    private SpareConsumptionRepository history() {
        return storage.port(SpareConsumptionRepository.class);
    }

    private void append(SpareConsumption entry) {
        inTransaction(() -> {
            history().append(entry);
            return null;
        });
    }

    @Test
    void entriesComeBackAsAppendedInDayOrderAndOnlyTheirStocks() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "P-1");
        SpareStockId other = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "P-1");
        SpareConsumption late = new SpareConsumption(EventId.random(), stock, MARCH.plusDays(20), 3);
        SpareConsumption early = new SpareConsumption(EventId.random(), stock, MARCH.plusDays(2), 1);
        SpareConsumption april = new SpareConsumption(EventId.random(), stock, MARCH.plusMonths(1), 7);
        append(late);
        append(early);
        append(april);
        append(new SpareConsumption(EventId.random(), other, MARCH.plusDays(2), 9));
        assertThat(inTransaction(() -> history().byStock(stock, MARCH, MARCH.plusDays(30)))).containsExactly(early, late);
        assertThat(inTransaction(() -> history().byStock(stock, MARCH.plusDays(20), MARCH.plusMonths(1))))
                .containsExactly(late, april);
        assertThat(inTransaction(() -> history().monthlyIssues(stock, YearMonth.of(2026, 2), YearMonth.of(2026, 4))))
                .containsExactly(new SpareMonthlyIssues(YearMonth.of(2026, 3), 4), new SpareMonthlyIssues(YearMonth.of(2026, 4), 7));
    }

    @Test
    void anIssueIsRecordedOnceAndTheDuplicateWritesNothing() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "P-1");
        SpareConsumption entry = new SpareConsumption(EventId.random(), stock, MARCH, 2);
        append(entry);
        assertThatThrownBy(() -> append(new SpareConsumption(entry.issue(), stock, MARCH.plusDays(1), 5)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(inTransaction(() -> history().byStock(stock, MARCH, MARCH.plusDays(5)))).containsExactly(entry);
    }

    @Test
    void anAppendInARolledBackTransactionLeavesNothing() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "P-1");
        assertThatThrownBy(() -> inTransaction(() -> {
            history().append(new SpareConsumption(EventId.random(), stock, MARCH, 2));
            throw new IllegalStateException("rolled back on purpose");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(inTransaction(() -> history().byStock(stock, MARCH, MARCH))).isEmpty();
    }

    @Test
    void badRangesAndCallsOutsideATransactionAreRefused() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "P-1");
        assertThatThrownBy(() -> inTransaction(() -> history().byStock(stock, MARCH, MARCH.minusDays(1))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to:");
        assertThatThrownBy(() -> inTransaction(() -> history().monthlyIssues(stock, YearMonth.of(2026, 3), YearMonth.of(2026, 2))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to:");
        assertThatThrownBy(() -> history().append(new SpareConsumption(EventId.random(), stock, MARCH, 1)))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void monthlyTotalsAreTheSumsOfEachMonthsEntries() {
        qt().withExamples(Math.max(5, propertyExamples() / 2)).withShrinkCycles(10)
                .forAll(lists().of(integers().between(0, 120).zip(integers().between(1, 50), (day, q) -> new int[] {day, q}))
                        .ofSizeBetween(0, 25), integers().between(0, 3), integers().between(0, 3))
                .checkAssert((entries, fromBack, length) -> {
                    SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "P-1");
                    List<SpareConsumption> appended = new ArrayList<>();
                    inTransaction(() -> {
                        for (int[] e : entries) {
                            SpareConsumption entry = new SpareConsumption(EventId.random(), stock, MARCH.plusDays(e[0]), e[1]);
                            history().append(entry);
                            appended.add(entry);
                        }
                        return null;
                    });
                    YearMonth from = YearMonth.of(2026, 3).plusMonths(fromBack);
                    YearMonth to = from.plusMonths(length);
                    Map<YearMonth, Long> sums = new TreeMap<>();
                    for (SpareConsumption e : appended) {
                        if (!e.month().isBefore(from) && !e.month().isAfter(to)) {
                            sums.merge(e.month(), e.quantity(), Long::sum);
                        }
                    }
                    List<SpareMonthlyIssues> expected = sums.entrySet().stream()
                            .map(s -> new SpareMonthlyIssues(s.getKey(), s.getValue())).toList();
                    assertThat(inTransaction(() -> history().monthlyIssues(stock, from, to))).isEqualTo(expected);
                    List<SpareConsumption> byDay = new ArrayList<>(appended);
                    byDay.sort(Comparator.comparing(SpareConsumption::day).thenComparing(e -> e.issue().value().toString()));
                    assertThat(inTransaction(() -> history().byStock(stock, MARCH, MARCH.plusDays(120)))).isEqualTo(byDay);
                });
    }
}
