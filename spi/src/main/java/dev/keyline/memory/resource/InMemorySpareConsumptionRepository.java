package dev.keyline.memory.resource;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.SpareConsumption;
import dev.keyline.domain.resource.SpareMonthlyIssues;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consumption history of an {@link InMemoryStorage}: a table of entries keyed by their issue's
 * event id, so a second entry for the same issue fails as a duplicate insert.
 */
final class InMemorySpareConsumptionRepository implements SpareConsumptionRepository {

    private final InMemoryTable<EventId, SpareConsumption> table;

    InMemorySpareConsumptionRepository(InMemoryStorage storage) {
        this.table = storage.table("spare consumption", SpareConsumption.class);
    }

    @Override
    public void append(SpareConsumption entry) {
        Require.nonNull(entry, "entry");
        table.insert(entry.issue(), entry);
    }

    @Override
    public List<SpareConsumption> byStock(SpareStockId stock, LocalDate from, LocalDate to) {
        Require.nonNull(stock, "stock");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
        return table.scan(e -> e.stock().equals(stock) && !e.day().isBefore(from) && !e.day().isAfter(to))
                .sorted(Comparator.comparing(SpareConsumption::day).thenComparing(e -> e.issue().value().toString()))
                .toList();
    }

    @Override
    public List<SpareMonthlyIssues> monthlyIssues(SpareStockId stock, YearMonth from, YearMonth to) {
        Require.nonNull(stock, "stock");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
        Map<YearMonth, Long> totals = new TreeMap<>();
        table.scan(e -> e.stock().equals(stock) && !e.month().isBefore(from) && !e.month().isAfter(to))
                .forEach(e -> totals.merge(e.month(), e.quantity(), Long::sum));
        return totals.entrySet().stream().map(t -> new SpareMonthlyIssues(t.getKey(), t.getValue())).toList();
    }
}
