package dev.keyline.jdbc.staff;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.DivisionStaffingSnapshot;
import dev.keyline.domain.staff.StaffingChange;
import dev.keyline.domain.staff.StaffingChangeKind;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.staff.DivisionStaffingRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The divisions' staffing in a {@link dev.keyline.jdbc.JdbcStorage}: one row per staffing in
 * {@code keyline_division_staffing} (id, industry, version) and every change in
 * {@code keyline_staffing_change}, oldest first. Saving bumps the version and inserts only the
 * changes made since loading (the history is append-only); loading restores through
 * {@link DivisionStaffing#restore(DivisionStaffingSnapshot)}, which replays and checks it.
 */
public final class JdbcDivisionStaffingRepository
        extends JdbcParentChildRepository<DivisionStaffing, StaffingId, DivisionStaffingSnapshot>
        implements DivisionStaffingRepository {

    private static final String CHANGES = "keyline_staffing_change";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcDivisionStaffingRepository(JdbcSession session) {
        super(session, "division staffing", "keyline_division_staffing", "staffing_id", DivisionStaffing::snapshot, DivisionStaffing::restore);
    }

    @Override
    protected Columns columns(DivisionStaffing staffing) {
        return Columns.create().set("industry", staffing.industry().name());
    }

    @Override
    protected void saveChildren(DivisionStaffing staffing, boolean inserted) {
        List<Object[]> rows = appendRows(staffing.history(), (i, c) -> new Object[] {staffing.id(), i + 1,
                c.kind().name(), c.role().name(), c.headcount(), c.person() == null ? null : c.person().value(),
                c.by(), c.at()});
        appendChildren(CHANGES, "staffing_id", staffing.id(), inserted, "INSERT INTO " + CHANGES
                + " (staffing_id, line_no, kind, role, headcount, person, changed_by, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    protected DivisionStaffingSnapshot parent(Row row) {
        return new DivisionStaffingSnapshot(required(row, "staffing_id", StaffingId::new), row.longValue("version"),
                requiredEnum(row, "industry", Industry.class), List.of());
    }

    @Override
    protected String idOf(DivisionStaffingSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(DivisionStaffingSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<DivisionStaffingSnapshot, DivisionStaffing> readChildren(List<DivisionStaffingSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<StaffingChange>> changes = childrenAndVersionsOf(CHANGES, "staffing_id", ids, "line_no",
                (row, staffing) -> stored(() -> "staffing change " + row.intValue("line_no") + " of " + staffing,
                        () -> new StaffingChange(requiredEnum(row, "kind", StaffingChangeKind.class),
                                requiredEnum(row, "role", Role.class), row.intValue("headcount"),
                                row.string("person") == null ? null : new UserId(row.string("person")),
                                user(row, "changed_by"), row.instant("changed_at"))));
        return s -> DivisionStaffing.restore(new DivisionStaffingSnapshot(s.id(), s.version(), s.industry(),
                changes.getOrDefault(s.id().value(), List.of())));
    }
}
