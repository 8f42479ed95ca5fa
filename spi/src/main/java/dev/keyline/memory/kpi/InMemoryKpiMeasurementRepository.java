package dev.keyline.memory.kpi;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The measured KPI values of an {@link InMemoryStorage}: one row per recording, keyed by its KPI,
 * unit, period and revision, so that two recordings of the same revision collide like any two
 * inserts of one key.
 */
final class InMemoryKpiMeasurementRepository implements KpiMeasurementRepository {

    private final InMemoryStorage storage;
    private final InMemoryTable<String, KpiMeasurement> table;

    InMemoryKpiMeasurementRepository(InMemoryStorage storage) {
        this.storage = Require.nonNull(storage, "storage");
        this.table = storage.table("KPI measurement", KpiMeasurement.class);
    }

    private static String key(KpiId kpi, KpiUnit unit, Period period, int revision) {
        return kpi.value() + "\n" + unit.value() + "\n" + period + "\n" + revision;
    }

    @Override
    public void append(KpiMeasurement measurement) {
        Require.nonNull(measurement, "measurement");
        storage.requireActiveTransaction("recording a measured KPI");
        int current = current(measurement.kpi(), measurement.unit(), measurement.period())
                .map(KpiMeasurement::revision).orElse(0);
        if (measurement.revision() != current + 1) {
            throw new StaleVersionException("the measured KPI " + measurement.kpi() + " of " + measurement.unit()
                    + " for " + measurement.period() + " is at revision " + current + "; a recording of revision "
                    + measurement.revision() + " was not appended");
        }
        table.insert(key(measurement.kpi(), measurement.unit(), measurement.period(), measurement.revision()),
                measurement);
    }

    @Override
    public Optional<KpiMeasurement> current(KpiId kpi, KpiUnit unit, Period period) {
        List<KpiMeasurement> history = history(kpi, unit, period);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    @Override
    public List<KpiMeasurement> history(KpiId kpi, KpiUnit unit, Period period) {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        return table.scan(m -> m.kpi().equals(kpi) && m.unit().equals(unit) && m.period().equals(period))
                .sorted(Comparator.comparingInt(KpiMeasurement::revision)).toList();
    }
}
