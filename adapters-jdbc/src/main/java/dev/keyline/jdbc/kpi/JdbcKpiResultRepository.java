package dev.keyline.jdbc.kpi;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.kpi.KpiResultRepository;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The computed KPI results in {@code keyline_kpi_result}: a save updates the row of its key and
 * inserts it when there is none (one round trip when it exists, two when it is new).
 */
final class JdbcKpiResultRepository implements KpiResultRepository {

    private static final String COLUMNS = "kpi_id, unit_id, period, zone_id, numerator, denominator, kpi_value,"
            + " inputs_hash, computed_at";

    private final JdbcSession session;

    JdbcKpiResultRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public void save(KpiResult result) {
        Require.nonNull(result, "result");
        KpiValue value = result.value();
        BigDecimal number = value.value().orElse(null);
        int updated = session.update("UPDATE keyline_kpi_result SET numerator = ?, denominator = ?, kpi_value = ?,"
                + " inputs_hash = ?, computed_at = ? WHERE unit_id = ? AND period = ? AND kpi_id = ? AND zone_id = ?",
                value.numerator().toPlainString(), value.denominator().toPlainString(), number, result.inputsHash(),
                result.computedAt(), result.unit().value(), result.period().toString(), result.kpi().value(), result.zone().getId());
        if (updated == 0) {
            session.insertStatement("KPI result " + result.kpi() + " of " + result.unit() + " for " + result.period(),
                    "INSERT INTO keyline_kpi_result (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    result.kpi().value(), result.unit().value(), result.period().toString(), result.zone().getId(),
                    value.numerator().toPlainString(), value.denominator().toPlainString(), number,
                    result.inputsHash(), result.computedAt());
        }
    }

    @Override
    public Optional<KpiResult> find(KpiId kpi, KpiUnit unit, Period period, ZoneId zone) {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        return session.queryOne("SELECT " + COLUMNS + " FROM keyline_kpi_result"
                + " WHERE unit_id = ? AND period = ? AND kpi_id = ? AND zone_id = ?", JdbcKpiResultRepository::map,
                unit.value(), period.toString(), kpi.value(), zone.getId());
    }

    @Override
    public List<KpiResult> ofUnit(KpiUnit unit, Period period) {
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        return session.query("SELECT " + COLUMNS + " FROM keyline_kpi_result WHERE unit_id = ? AND period = ?"
                + " ORDER BY kpi_id, zone_id", JdbcKpiResultRepository::map, unit.value(), period.toString());
    }

    private static KpiResult map(Row row) {
        Period period = Period.parse(row.requiredString("period"));
        KpiValue value = KpiValue.of(new KpiId(row.requiredString("kpi_id")), period,
                decimal(row, "numerator"), decimal(row, "denominator"),
                Optional.ofNullable(row.bigDecimal("kpi_value")));
        return new KpiResult(value, new KpiUnit(row.requiredString("unit_id")), ZoneId.of(row.requiredString("zone_id")),
                row.requiredString("inputs_hash"), row.instant("computed_at"));
    }

    private static BigDecimal decimal(Row row, String column) {
        String text = row.requiredString(column);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CorruptStateException("keyline_kpi_result." + column + " holds '" + text + "', not a decimal", e);
        }
    }
}
