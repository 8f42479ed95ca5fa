package dev.keyline.jdbc.kpi;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import java.util.List;
import java.util.Optional;

/**
 * The measured KPI values in {@code keyline_kpi_measurement}, one row per recording. The primary
 * key (KPI, unit, period, revision) makes two concurrent recordings of the same revision collide:
 * the second fails as stale.
 */
final class JdbcKpiMeasurementRepository implements KpiMeasurementRepository {

    private static final String COLUMNS = "kpi_id, unit_id, period, revision, kpi_value, recorded_by, recorded_at";

    private final JdbcSession session;

    JdbcKpiMeasurementRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public void append(KpiMeasurement m) {
        Require.nonNull(m, "measurement");
        int current = session.queryOne("SELECT MAX(revision) AS revision FROM keyline_kpi_measurement"
                + " WHERE kpi_id = ? AND unit_id = ? AND period = ?", row -> row.nullableInt("revision"),
                m.kpi().value(), m.unit().value(), m.period().toString()).orElse(0);
        String what = "the measured KPI " + m.kpi() + " of " + m.unit() + " for " + m.period();
        if (m.revision() != current + 1) {
            throw new StaleVersionException(what + " is at revision " + current + "; a recording of revision "
                    + m.revision() + " was not appended");
        }
        try {
            session.insertStatement(what, "INSERT INTO keyline_kpi_measurement (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)", m.kpi().value(), m.unit().value(), m.period().toString(),
                    m.revision(), m.value(), m.recordedBy().value(), m.recordedAt());
        } catch (AlreadyExistsException e) {
            throw new StaleVersionException(what + " got revision " + m.revision() + " from another recording first", e);
        }
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
        return session.query("SELECT " + COLUMNS + " FROM keyline_kpi_measurement"
                + " WHERE kpi_id = ? AND unit_id = ? AND period = ? ORDER BY revision",
                JdbcKpiMeasurementRepository::map, kpi.value(), unit.value(), period.toString());
    }

    private static KpiMeasurement map(Row row) {
        return new KpiMeasurement(new KpiId(row.requiredString("kpi_id")), new KpiUnit(row.requiredString("unit_id")),
                Period.parse(row.requiredString("period")), row.bigDecimal("kpi_value"), row.intValue("revision"),
                new UserId(row.requiredString("recorded_by")), row.instant("recorded_at"));
    }
}
