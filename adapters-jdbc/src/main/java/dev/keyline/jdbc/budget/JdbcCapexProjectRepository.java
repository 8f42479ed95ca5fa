package dev.keyline.jdbc.budget;

import static dev.keyline.jdbc.StoredValues.currency;
import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.budget.CapexBooking;
import dev.keyline.domain.budget.CapexBookingKind;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexMilestone;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.budget.CapexTransition;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.budget.CapexProjectRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The CAPEX projects of a {@link dev.keyline.jdbc.JdbcStorage}: one row per project in
 * {@code keyline_capex_project}, its lifecycle steps in {@code keyline_capex_transition} and its
 * bookings in {@code keyline_capex_booking} (both append-only, oldest first), and its planned and
 * built capacity in {@code keyline_capex_capacity}. The project's row also keeps what the queries
 * need as plain columns: the proposal and acceptance times and the date of the milestone it is
 * short of ({@code due_at}), so the KPI and sweep queries read one index range each. A unique
 * constraint keeps one project per investment request. Loading restores through
 * {@link CapexProject#restore(CapexProjectSnapshot)}, which checks everything again. Instants are
 * kept to the microsecond.
 */
public final class JdbcCapexProjectRepository
        extends JdbcParentChildRepository<CapexProject, CapexProjectId, CapexProjectSnapshot>
        implements CapexProjectRepository {

    private static final String TABLE = "keyline_capex_project";
    private static final String TRANSITIONS = "keyline_capex_transition";
    private static final String BOOKINGS = "keyline_capex_booking";
    private static final String CAPACITY = "keyline_capex_capacity";
    private static final String PLANNED = "PLANNED";
    private static final String BUILT = "BUILT";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcCapexProjectRepository(JdbcSession session) {
        super(session, "CAPEX project", TABLE, "project_id", CapexProject::snapshot, CapexProject::restore);
    }

    @Override
    public Optional<CapexProject> findByRequest(CapexRequestRef request) {
        Require.nonNull(request, "request");
        return listWhere("request_id = ?", "project_id", request).stream().findFirst();
    }

    @Override
    public List<CapexProject> byStage(CapexStage stage) {
        Require.nonNull(stage, "stage");
        return listWhere("project_stage = ?", "proposed_at, project_id", stage);
    }

    @Override
    public List<CapexProject> acceptedBetween(Instant from, Instant to) {
        requireRange(from, to);
        return listWhere("accepted_at >= ? AND accepted_at < ?", "accepted_at, project_id", from, to);
    }

    @Override
    public long linesAddedBetween(Instant from, Instant to) {
        requireRange(from, to);
        return session().queryOne("SELECT COALESCE(SUM(lines_added), 0) AS total_lines FROM " + TABLE
                + " WHERE accepted_at >= ? AND accepted_at < ?", row -> row.longValue("total_lines"), from, to).orElse(0L);
    }

    @Override
    public Stream<CapexProject> overdueAt(Instant at) {
        Require.nonNull(at, "at");
        return streamWhere("due_at < ?", "due_at, project_id", at);
    }

    @Override
    protected Columns columns(CapexProject project) {
        Optional<CapexSchedule> schedule = project.schedule();
        Set<CapexMilestone> overdue = project.overdueMilestones();
        return Columns.create()
                .set("capex_kind", project.kind())
                .set("project_title", project.title())
                .set("network_id", project.network())
                .set("request_id", project.request())
                .set("project_stage", project.stage())
                .set("budget_id", project.budgetLine().map(l -> l.budget().value()))
                .set("budget_line_id", project.budgetLine().map(l -> l.line().value()))
                .set("currency", project.plannedAmount().map(m -> m.currency().getCurrencyCode()))
                .set("planned_amount", project.plannedAmount().map(Money::amount))
                .set("planned_start", schedule.map(CapexSchedule::plannedStart))
                .set("planned_acceptance", schedule.map(CapexSchedule::plannedAcceptance))
                .set("proposed_at", project.history().get(0).at())
                .set("accepted_at", project.acceptedAt())
                .set("first_time_right", project.firstTimeRight().orElse(false))
                .set("lines_added", project.linesAdded())
                .set("due_at", project.dueAt())
                .set("start_overdue", overdue.contains(CapexMilestone.CONSTRUCTION_START))
                .set("acceptance_overdue", overdue.contains(CapexMilestone.ACCEPTANCE));
    }

    @Override
    protected void saveChildren(CapexProject project, boolean inserted) {
        List<Object[]> steps = appendRows(project.history(), (i, t) -> new Object[] {project.id(), i + 1, t.from(),
                t.to(), t.by(), t.at(), t.reason()});
        appendChildren(TRANSITIONS, "project_id", project.id(), inserted, "INSERT INTO " + TRANSITIONS
                + " (project_id, line_no, capex_from_stage, capex_to_stage, taken_by, taken_at, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", steps);
        List<Object[]> bookings = appendRows(project.bookings(), (i, b) -> new Object[] {project.id(), i + 1,
                b.kind(), b.document(), b.amount().amount(), b.amount().currency().getCurrencyCode(), b.by(), b.at()});
        appendChildren(BOOKINGS, "project_id", project.id(), inserted, "INSERT INTO " + BOOKINGS
                + " (project_id, line_no, capex_booking_kind, document_id, amount, currency, booked_by, booked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", bookings);
        if (!inserted) {
            deleteChildren(CAPACITY, "project_id", project.id());
        }
        List<Object[]> capacity = new ArrayList<>();
        addCapacity(capacity, project.id(), PLANNED, project.plannedCapacity());
        addCapacity(capacity, project.id(), BUILT, project.builtCapacity());
        insertChildren("INSERT INTO " + CAPACITY + " (project_id, capex_capacity_role, line_no, capex_pool_id,"
                + " capex_resource_type, units) VALUES (?, ?, ?, ?, ?, ?)", capacity);
    }

    private static void addCapacity(List<Object[]> rows, CapexProjectId id, String role, List<CapexCapacity> capacity) {
        for (int i = 0; i < capacity.size(); i++) {
            CapexCapacity c = capacity.get(i);
            rows.add(new Object[] {id, role, i + 1, c.pool(), c.resourceType(), c.units()});
        }
    }

    @Override
    protected CapexProjectSnapshot parent(Row row) {
        CapexProjectId id = required(row, "project_id", CapexProjectId::new);
        return stored(() -> "CAPEX project " + id, () -> {
            CapexStage stage = requiredEnum(row, "project_stage", CapexStage.class);
            String budget = row.string("budget_id");
            Instant start = row.instant("planned_start");
            boolean accepted = stage == CapexStage.ACCEPTED || stage == CapexStage.EVALUATED;
            Set<CapexMilestone> overdue = EnumSet.noneOf(CapexMilestone.class);
            if (row.bool("start_overdue")) {
                overdue.add(CapexMilestone.CONSTRUCTION_START);
            }
            if (row.bool("acceptance_overdue")) {
                overdue.add(CapexMilestone.ACCEPTANCE);
            }
            return new CapexProjectSnapshot(id, row.longValue("version"), requiredEnum(row, "capex_kind", CapexKind.class),
                    row.requiredString("project_title"), required(row, "network_id", LocalNetworkId::new),
                    row.identifier("request_id", CapexRequestRef::new), List.of(), stage, List.of(),
                    budget == null ? null
                            : new CapexBudgetLine(new BudgetId(budget), new BudgetLineId(row.string("budget_line_id"))),
                    row.bigDecimal("planned_amount") == null ? null : money(row, "planned_amount", "currency"),
                    start == null ? null : new CapexSchedule(start, row.instant("planned_acceptance")), List.of(),
                    accepted ? row.bool("first_time_right") : null, row.longValue("lines_added"), List.of(), overdue);
        });
    }

    @Override
    protected String idOf(CapexProjectSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(CapexProjectSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<CapexProjectSnapshot, CapexProject> readChildren(List<CapexProjectSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<CapexTransition>> steps = childrenOf(TRANSITIONS, "project_id", ids, "line_no",
                (row, id) -> stored(() -> "step " + row.intValue("line_no") + " of CAPEX project " + id,
                        () -> new CapexTransition(row.enumValue("capex_from_stage", CapexStage.class),
                                requiredEnum(row, "capex_to_stage", CapexStage.class),
                                row.identifier("taken_by", UserId::new), row.instant("taken_at"),
                                row.requiredString("reason"))));
        Map<String, List<CapexBooking>> bookings = childrenOf(BOOKINGS, "project_id", ids, "line_no",
                (row, id) -> stored(() -> "booking " + row.intValue("line_no") + " of CAPEX project " + id,
                        () -> new CapexBooking(requiredEnum(row, "capex_booking_kind", CapexBookingKind.class),
                                row.requiredString("document_id"), new Money(row.bigDecimal("amount"),
                                        currency(row, "currency")), user(row, "booked_by"), row.instant("booked_at"))));
        Map<String, List<RoleCapacity>> capacity = childrenAndVersionsOf(CAPACITY, "project_id", ids, "line_no",
                (row, id) -> stored(() -> "capacity " + row.intValue("line_no") + " of CAPEX project " + id,
                        () -> new RoleCapacity(row.requiredString("capex_capacity_role"),
                                new CapexCapacity(row.requiredString("capex_pool_id"),
                                        row.requiredString("capex_resource_type"), row.longValue("units")))));
        return s -> {
            List<RoleCapacity> all = capacity.getOrDefault(s.id().value(), List.of());
            return CapexProject.restore(new CapexProjectSnapshot(s.id(), s.version(), s.kind(), s.title(), s.network(),
                    s.request(), ofRole(all, PLANNED), s.stage(), steps.getOrDefault(s.id().value(), List.of()),
                    s.budgetLine(), s.plannedAmount(), s.schedule(), bookings.getOrDefault(s.id().value(), List.of()),
                    s.firstTimeRight(), s.linesAdded(), ofRole(all, BUILT), s.overdue()));
        };
    }

    private static List<CapexCapacity> ofRole(List<RoleCapacity> all, String role) {
        return all.stream().filter(c -> c.role().equals(role)).map(RoleCapacity::capacity).toList();
    }

    private static void requireRange(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
    }

    /** A capacity row: planned or built, and the capacity. */
    private record RoleCapacity(String role, CapexCapacity capacity) {
    }
}
