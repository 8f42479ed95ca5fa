package dev.keyline.jdbc.workorder;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderState;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageHandOff;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.StageState;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.jdbc.StoredValues;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.spi.workorder.ProvisioningStageDue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The provisioning orders of a {@link dev.keyline.jdbc.JdbcStorage}: one row per order in
 * {@code keyline_provisioning_order}, its stages with their progress in
 * {@code keyline_provisioning_stage} (the rows whose progress changed updated on a save), the
 * stages' predecessors in {@code keyline_provisioning_stage_after} (written once: a plan never
 * changes) and the hand-offs in {@code keyline_provisioning_hand_off} (append-only).
 *
 * <p>Saving writes the row with the optimistic version check in the caller's transaction; loading
 * reads the children consistently and restores through
 * {@link ProvisioningOrder#restore(ProvisioningOrderSnapshot)}, which validates the stored order
 * again. Durations are kept as nanoseconds, instants to the microsecond.
 */
public final class JdbcProvisioningOrderRepository
        extends JdbcParentChildRepository<ProvisioningOrder, ProvisioningOrderId, ProvisioningOrderSnapshot>
        implements ProvisioningOrderRepository {

    private static final String TABLE = "keyline_provisioning_order";
    private static final String STAGES = "keyline_provisioning_stage";
    private static final String AFTER = "keyline_provisioning_stage_after";
    private static final String HAND_OFFS = "keyline_provisioning_hand_off";
    private static final String ID = "provisioning_order_id";
    private static final String ACCEPTED = ProvisioningOrderState.ACCEPTED.name();
    private static final String RUNNING_STAGES = "SELECT s.provisioning_order_id, s.stage_id, s.%1$s AS due_at FROM "
            + STAGES + " s JOIN " + TABLE + " o ON o.provisioning_order_id = s.provisioning_order_id "
            + "WHERE o.order_state <> ? AND s.stage_state = ? AND s.%2$s = ? AND s.%1$s <= ? "
            + "ORDER BY s.%1$s, s.provisioning_order_id, s.stage_id";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcProvisioningOrderRepository(JdbcSession session) {
        super(session, "provisioning order", TABLE, ID, ProvisioningOrder::snapshot, ProvisioningOrder::restore);
    }

    @Override
    public Stream<ProvisioningOrder> openDueBy(Instant dueBy) {
        Require.nonNull(dueBy, "dueBy");
        return streamWhere("order_state <> ? AND committed_completion <= ?", "committed_completion, " + ID, ACCEPTED, dueBy);
    }

    @Override
    public List<ProvisioningStageDue> overdueStages(Instant now) {
        Require.nonNull(now, "now");
        return running("due_at", "escalated", now);
    }

    @Override
    public List<ProvisioningStageDue> warningsDueBy(Instant instant) {
        Require.nonNull(instant, "instant");
        return running("warning_at", "warned", instant);
    }

    @Override
    public Stream<ProvisioningOrder> acceptedBetween(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(!to.isBefore(from), "to", () -> "must not be before from " + from + ", was " + to);
        return streamWhere("accepted_at >= ? AND accepted_at < ?", "accepted_at, " + ID, from, to);
    }

    private List<ProvisioningStageDue> running(String timeColumn, String raisedColumn, Instant by) {
        return session().query(String.format(RUNNING_STAGES, timeColumn, raisedColumn),
                row -> stored(() -> "stage " + row.string("stage_id") + " of provisioning order " + row.string(ID),
                        () -> new ProvisioningStageDue(new ProvisioningOrderId(row.requiredString(ID)),
                                new StageId(row.requiredString("stage_id")), row.instant("due_at"))),
                ACCEPTED, StageState.STARTED, false, by);
    }

    @Override
    protected Columns columns(ProvisioningOrder order) {
        ProvisioningParties p = order.parties();
        return Columns.create()
                .set("account_id", p.account())
                .set("product_code", p.product())
                .set("originating_unit", p.originatingUnit())
                .set("account_manager", p.accountManager())
                .set("it_support", p.itSupport())
                .set("start_at", order.start())
                .set("committed_completion", order.committedCompletion())
                .set("warning_share", order.warningShare())
                .set("sla_order", order.slaLink().map(ProvisioningSlaLink::slaOrder))
                .set("sla_committed_by", order.slaLink().map(ProvisioningSlaLink::committedBy))
                .set("order_state", order.state())
                .set("accepted_by", order.acceptedBy())
                .set("accepted_at", order.acceptedAt())
                .set("last_changed_at", order.lastChangedAt());
    }

    @Override
    protected void saveChildren(ProvisioningOrder order, boolean inserted) {
        List<StageProgress> stages = order.stages();
        List<StageRow> rows = new ArrayList<>(stages.size());
        for (StageProgress stage : stages) {
            rows.add(new StageRow(stage));
        }
        if (inserted) {
            List<Object[]> after = new ArrayList<>();
            for (PlannedStage stage : order.plan().stages()) {
                for (StageId predecessor : stage.after()) {
                    after.add(new Object[] {order.id(), after.size() + 1, stage.id().value(), predecessor.value()});
                }
            }
            insertChildren(INSERT_AFTER, after);
            insertStages(order.id(), rows);
        } else {
            writeStages(order.id(), rows);
        }
        storedChildrenAre(STAGES, order.id(), rows);
        List<Object[]> handOffs = appendRows(order.handOffs(), (i, h) -> new Object[] {order.id(), i + 1, h.stage().value(),
                h.fromStation(), h.fromExecutor(), h.toStation(), h.toExecutor(), h.at(), h.note()});
        appendChildren(HAND_OFFS, ID, order.id(), inserted, "INSERT INTO " + HAND_OFFS + " (provisioning_order_id, line_no, "
                + "stage_id, from_station, from_executor, to_station, to_executor, handed_at, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", handOffs);
    }

    /**
     * Writes the stage rows that differ from the stored ones, by number, when this transaction
     * knows the stored ones (the order was loaded or saved in it, or restored from a kept save):
     * a command changes one or two stages of a plan whose stages never change in number. Without
     * that knowledge, or when the numbers differ, the rows are deleted and written again.
     */
    private void writeStages(ProvisioningOrderId id, List<StageRow> rows) {
        List<StageRow> stored = this.<StageRow>storedChildren(STAGES, id).orElse(null);
        if (stored == null || stored.size() != rows.size()) {
            deleteChildren(STAGES, ID, id);
            insertStages(id, rows);
            return;
        }
        List<Object[]> changed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!stored.get(i).equals(rows.get(i))) {
                changed.add(stageRow(rows.get(i).progress(), false, id, i + 1));
            }
        }
        if (!changed.isEmpty()) {
            updateChildren(STAGES, UPDATE_STAGE, changed);
        }
    }

    private void insertStages(ProvisioningOrderId id, List<StageRow> rows) {
        List<Object[]> stages = new ArrayList<>();
        for (StageRow row : rows) {
            stages.add(stageRow(row.progress(), true, id, stages.size() + 1));
        }
        insertChildren(INSERT_STAGE, stages);
    }

    /** The columns of a stage row after its key (the order's id and the line number). */
    private static final List<String> STAGE_COLUMNS = List.of("stage_id", "planned_nanos", "station_id", "unit_id",
            "station_manager", "executor", "stage_state", "started_at", "held_since", "held_nanos", "warning_at", "due_at",
            "warned", "escalated", "done_at");
    /** A stage row's INSERT, written once rather than on every save. */
    private static final String INSERT_STAGE = "INSERT INTO " + STAGES + " (provisioning_order_id, line_no, "
            + String.join(", ", STAGE_COLUMNS) + ") VALUES (?, ?, " + StoredValues.placeholders(STAGE_COLUMNS.size()) + ")";
    /** A changed stage row's UPDATE by its key. */
    private static final String UPDATE_STAGE = "UPDATE " + STAGES + " SET " + String.join(" = ?, ", STAGE_COLUMNS)
            + " = ? WHERE provisioning_order_id = ? AND line_no = ?";
    /** A predecessor row's INSERT. */
    private static final String INSERT_AFTER = "INSERT INTO " + AFTER
            + " (provisioning_order_id, line_no, stage_id, predecessor_id) VALUES (?, ?, ?, ?)";

    /** The values of a stage row: {@link #STAGE_COLUMNS} after the key, or before it for an update's WHERE. */
    private static Object[] stageRow(StageProgress s, boolean keyFirst, ProvisioningOrderId id, int line) {
        StageAssignment a = s.assignment();
        Object[] values = {s.stage().value(), s.planned().toNanos(), a.station(), a.unit(), a.stationManager(),
                a.executor(), s.state(), s.startedAt(), s.heldSince(), s.heldTime().toNanos(), s.warningAt(), s.due(),
                s.warned(), s.escalated(), s.doneAt()};
        Object[] row = new Object[values.length + 2];
        System.arraycopy(values, 0, row, keyFirst ? 2 : 0, values.length);
        row[keyFirst ? 0 : values.length] = id;
        row[keyFirst ? 1 : values.length + 1] = line;
        return row;
    }

    @Override
    protected ProvisioningOrderSnapshot parent(Row row) {
        ProvisioningOrderId id = required(row, ID, ProvisioningOrderId::new);
        return stored(() -> "provisioning order " + id, () -> {
            String slaOrder = row.string("sla_order");
            ProvisioningSlaLink link = slaOrder == null ? null
                    : new ProvisioningSlaLink(slaOrder, row.instant("sla_committed_by"));
            return new ProvisioningOrderSnapshot(id, row.longValue("version"), new ProvisioningParties(
                    required(row, "account_id", AccountId::new), required(row, "product_code", ProductCode::new),
                    required(row, "originating_unit", LocalNetworkId::new), user(row, "account_manager"),
                    user(row, "it_support")), List.of(), row.instant("start_at"), row.instant("committed_completion"),
                    row.bigDecimal("warning_share"), link, requiredEnum(row, "order_state", ProvisioningOrderState.class),
                    List.of(), List.of(), row.string("accepted_by"), row.instant("accepted_at"),
                    row.instant("last_changed_at"));
        });
    }

    @Override
    protected String idOf(ProvisioningOrderSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(ProvisioningOrderSnapshot parent) {
        return parent.version();
    }

    /** A stored stage row: its progress, and the plan's stage without its predecessors yet. */
    private record StageRow(StageProgress progress) {
    }

    /** A stored predecessor row. */
    private record AfterRow(StageId stage, StageId predecessor) {
    }

    @Override
    protected Function<ProvisioningOrderSnapshot, ProvisioningOrder> readChildren(List<ProvisioningOrderSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<StageRow>> stages = childrenOf(STAGES, ID, ids, "line_no",
                (row, id) -> stored(() -> "stage " + row.intValue("line_no") + " of provisioning order " + id,
                        () -> new StageRow(new StageProgress(new StageAssignment(new StageId(row.requiredString("stage_id")),
                                required(row, "station_id", WorkOrderStation::new),
                                required(row, "unit_id", LocalNetworkId::new), user(row, "station_manager"),
                                user(row, "executor")), Duration.ofNanos(row.longValue("planned_nanos")),
                                requiredEnum(row, "stage_state", StageState.class), row.instant("started_at"),
                                row.instant("held_since"), Duration.ofNanos(row.longValue("held_nanos")),
                                row.instant("warning_at"), row.instant("due_at"), row.bool("warned"),
                                row.bool("escalated"), row.instant("done_at")))));
        Map<String, List<AfterRow>> after = childrenOf(AFTER, ID, ids, "line_no",
                (row, id) -> stored(() -> "predecessor " + row.intValue("line_no") + " of provisioning order " + id,
                        () -> new AfterRow(new StageId(row.requiredString("stage_id")),
                                new StageId(row.requiredString("predecessor_id")))));
        Map<String, List<StageHandOff>> handOffs = childrenAndVersionsOf(HAND_OFFS, ID, ids, "line_no",
                (row, id) -> stored(() -> "hand-off " + row.intValue("line_no") + " of provisioning order " + id,
                        () -> new StageHandOff(new StageId(row.requiredString("stage_id")),
                                required(row, "from_station", WorkOrderStation::new), user(row, "from_executor"),
                                required(row, "to_station", WorkOrderStation::new), user(row, "to_executor"),
                                row.instant("handed_at"), row.requiredString("note"))));
        return s -> {
            String id = s.id().value();
            Map<StageId, List<StageId>> predecessors = new LinkedHashMap<>();
            for (AfterRow a : after.getOrDefault(id, List.of())) {
                predecessors.computeIfAbsent(a.stage(), k -> new ArrayList<>()).add(a.predecessor());
            }
            List<StageProgress> progress = new ArrayList<>();
            List<PlannedStage> plan = new ArrayList<>();
            for (StageRow r : stages.getOrDefault(id, List.of())) {
                progress.add(r.progress());
                plan.add(stored(() -> "stage " + r.progress().stage() + " of provisioning order " + id,
                        () -> new PlannedStage(r.progress().stage(), r.progress().planned(),
                                predecessors.getOrDefault(r.progress().stage(), List.of()))));
            }
            return ProvisioningOrder.restore(new ProvisioningOrderSnapshot(s.id(), s.version(), s.parties(), plan, s.start(),
                    s.committedCompletion(), s.warningShare(), s.slaLink(), s.state(), progress,
                    handOffs.getOrDefault(id, List.of()), s.acceptedBy(), s.acceptedAt(), s.lastChangedAt()));
        };
    }
}
