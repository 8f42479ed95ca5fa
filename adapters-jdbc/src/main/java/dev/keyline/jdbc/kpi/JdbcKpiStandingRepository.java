package dev.keyline.jdbc.kpi;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiStandingEntry;
import dev.keyline.domain.kpi.KpiStandingId;
import dev.keyline.domain.kpi.KpiStandingSnapshot;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.kpi.KpiStandingRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The KPI standings in {@code keyline_kpi_standing} (id, KPI, unit and version) with their recorded
 * periods in {@code keyline_kpi_standing_entry}, oldest first. Saving bumps the version and
 * inserts only the periods recorded since the standing was loaded (they are append-only).
 */
final class JdbcKpiStandingRepository extends JdbcParentChildRepository<KpiStanding, KpiStandingId, KpiStandingSnapshot>
        implements KpiStandingRepository {

    private static final String ENTRIES = "keyline_kpi_standing_entry";

    JdbcKpiStandingRepository(JdbcSession session) {
        super(session, "KPI standing", "keyline_kpi_standing", "standing_id", KpiStanding::snapshot, KpiStanding::restore);
    }

    @Override
    protected Columns columns(KpiStanding standing) {
        return Columns.create().set("kpi_id", standing.kpi().value()).set("unit_id", standing.unit().value());
    }

    @Override
    protected void saveChildren(KpiStanding standing, boolean inserted) {
        List<Object[]> rows = appendRows(standing.entries(), (i, e) -> new Object[] {standing.id().value(), i + 1,
                e.period().toString(), e.value(), e.band().name(), e.recordedAt()});
        appendChildren(ENTRIES, "standing_id", standing.id(), inserted, "INSERT INTO " + ENTRIES
                + " (standing_id, line_no, period, kpi_value, band, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    protected KpiStandingSnapshot parent(Row row) {
        // the domain derives a standing's id from its KPI and unit
        KpiStandingId id = stored(() -> "KPI standing " + row.string("standing_id"), () -> KpiStanding.open(
                required(row, "kpi_id", KpiId::new), required(row, "unit_id", KpiUnit::new)).id());
        return new KpiStandingSnapshot(id, row.longValue("version"), List.of());
    }

    @Override
    protected String idOf(KpiStandingSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(KpiStandingSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<KpiStandingSnapshot, KpiStanding> readChildren(List<KpiStandingSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<KpiStandingEntry>> entries = childrenAndVersionsOf(ENTRIES, "standing_id", ids, "line_no",
                (row, standing) -> stored(() -> "period " + row.intValue("line_no") + " of KPI standing " + standing,
                        () -> new KpiStandingEntry(Period.parse(row.requiredString("period")),
                                row.bigDecimal("kpi_value"), requiredEnum(row, "band", Band.class),
                                row.instant("recorded_at"))));
        return s -> KpiStanding.restore(new KpiStandingSnapshot(s.id(), s.version(),
                entries.getOrDefault(s.id().value(), List.of())));
    }

    @Override
    public List<KpiStanding> ofUnit(KpiUnit unit) {
        Require.nonNull(unit, "unit");
        return listWhere("unit_id = ?", "kpi_id", unit.value());
    }
}
