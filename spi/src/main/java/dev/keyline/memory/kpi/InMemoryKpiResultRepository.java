package dev.keyline.memory.kpi;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.kpi.KpiResultRepository;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The computed KPI results of an {@link InMemoryStorage}, one row per KPI, unit, period and zone. */
final class InMemoryKpiResultRepository implements KpiResultRepository {

    private final InMemoryTable<String, KpiResult> table;

    InMemoryKpiResultRepository(InMemoryStorage storage) {
        this.table = Require.nonNull(storage, "storage").table("KPI result", KpiResult.class);
    }

    private static String key(KpiId kpi, KpiUnit unit, Period period, ZoneId zone) {
        return kpi.value() + "\n" + unit.value() + "\n" + period + "\n" + zone.getId();
    }

    @Override
    public void save(KpiResult result) {
        Require.nonNull(result, "result");
        String key = key(result.kpi(), result.unit(), result.period(), result.zone());
        long version = table.findRow(key).map(InMemoryTable.Row::version).orElse(0L);
        table.save(key, version, result);
    }

    @Override
    public Optional<KpiResult> find(KpiId kpi, KpiUnit unit, Period period, ZoneId zone) {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        return table.find(key(kpi, unit, period, zone));
    }

    @Override
    public List<KpiResult> ofUnit(KpiUnit unit, Period period) {
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        return table.scan(r -> r.unit().equals(unit) && r.period().equals(period))
                .sorted(Comparator.comparing((KpiResult r) -> r.kpi().value()).thenComparing(r -> r.zone().getId()))
                .toList();
    }
}
