package dev.keyline.benchmarks.storage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reading provisioning orders by hand with plain JDBC: every column Keyline reads, into plain
 * records of the program's own (no domain objects, no validation, which is the raw side's
 * advantage). A find reads the order row, its stages, its predecessors and its hand-offs (four
 * statements); the overdue stream reads the orders joined with their stages in one pass, and their
 * predecessors in a second.
 */
public final class RawReads {

    private static final String ORDER_COLUMNS = "o.provisioning_order_id, o.account_id, o.product_code, "
            + "o.originating_unit, o.account_manager, o.it_support, o.start_at, o.committed_completion, o.warning_share, "
            + "o.sla_order, o.sla_committed_by, o.order_state, o.accepted_by, o.accepted_at, o.last_changed_at, o.version";
    private static final String STAGE_COLUMNS = "s.line_no, s.stage_id, s.planned_nanos, s.station_id, s.unit_id, "
            + "s.station_manager, s.executor, s.stage_state, s.started_at, s.held_since, s.held_nanos, s.warning_at, "
            + "s.due_at, s.warned, s.escalated, s.done_at";
    private static final String OVERDUE = "o.order_state <> 'ACCEPTED' AND o.committed_completion <= ?";

    private final DataSource dataSource;

    /**
     * The raw reader on a pool.
     *
     * @param dataSource the pool
     */
    public RawReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An order's row. */
    public record OrderRow(String id, String account, String product, String unit, String manager, String itSupport,
            Instant start, Instant committedCompletion, BigDecimal warningShare, String slaOrder, Instant slaCommittedBy,
            String state, String acceptedBy, Instant acceptedAt, Instant lastChangedAt, long version) {
    }

    /** A stage's row. */
    public record StageRow(int line, String stage, long plannedNanos, String station, String unit, String stationManager,
            String executor, String state, Instant startedAt, Instant heldSince, long heldNanos, Instant warningAt,
            Instant dueAt, boolean warned, boolean escalated, Instant doneAt) {
    }

    /** A predecessor's row. */
    public record AfterRow(int line, String stage, String predecessor) {
    }

    /** A hand-off's row. */
    public record HandOffRow(int line, String stage, String fromStation, String fromExecutor, String toStation,
            String toExecutor, Instant at, String note) {
    }

    /** An order with its child rows. */
    public record Order(OrderRow row, List<StageRow> stages, List<AfterRow> after, List<HandOffRow> handOffs) {
    }

    /**
     * The order with this id.
     *
     * @param id the id
     * @return the order, or null when none
     * @throws SQLException when the database fails
     */
    public Order find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            OrderRow row;
            try (PreparedStatement s = c.prepareStatement("SELECT " + ORDER_COLUMNS
                    + " FROM keyline_provisioning_order o WHERE o.provisioning_order_id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    row = order(rs);
                }
            }
            List<StageRow> stages = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + STAGE_COLUMNS
                    + " FROM keyline_provisioning_stage s WHERE s.provisioning_order_id = ? ORDER BY s.line_no")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stages.add(stage(rs, 1));
                    }
                }
            }
            List<AfterRow> after = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT line_no, stage_id, predecessor_id "
                    + "FROM keyline_provisioning_stage_after WHERE provisioning_order_id = ? ORDER BY line_no")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        after.add(new AfterRow(rs.getInt(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            List<HandOffRow> handOffs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT line_no, stage_id, from_station, from_executor, "
                    + "to_station, to_executor, handed_at, note FROM keyline_provisioning_hand_off "
                    + "WHERE provisioning_order_id = ? ORDER BY line_no")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        handOffs.add(new HandOffRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), instant(rs, 7), rs.getString(8)));
                    }
                }
            }
            return new Order(row, stages, after, handOffs);
        }
    }

    /**
     * Counts every open order committed to complete by {@code dueBy}, reading each with its stages
     * and predecessors (there are no hand-offs in the stored orders; a real reader would read them
     * the same way as the predecessors).
     *
     * @param dueBy the time
     * @return how many orders were read
     * @throws SQLException when the database fails
     */
    public int overdue(Instant dueBy) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, List<AfterRow>> after = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT a.provisioning_order_id, a.line_no, a.stage_id, "
                        + "a.predecessor_id FROM keyline_provisioning_stage_after a JOIN keyline_provisioning_order o "
                        + "ON o.provisioning_order_id = a.provisioning_order_id WHERE " + OVERDUE)) {
                    s.setObject(1, OffsetDateTime.ofInstant(dueBy, ZoneOffset.UTC));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            after.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(new AfterRow(rs.getInt(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
                int orders = 0;
                try (PreparedStatement s = c.prepareStatement("SELECT " + ORDER_COLUMNS + ", " + STAGE_COLUMNS
                        + " FROM keyline_provisioning_order o JOIN keyline_provisioning_stage s "
                        + "ON s.provisioning_order_id = o.provisioning_order_id WHERE " + OVERDUE
                        + " ORDER BY o.committed_completion, o.provisioning_order_id, s.line_no")) {
                    s.setFetchSize(600);
                    s.setObject(1, OffsetDateTime.ofInstant(dueBy, ZoneOffset.UTC));
                    try (ResultSet rs = s.executeQuery()) {
                        OrderRow current = null;
                        List<StageRow> stages = new ArrayList<>();
                        while (rs.next()) {
                            String id = rs.getString(1);
                            if (current == null || !current.id().equals(id)) {
                                if (current != null) {
                                    consume(new Order(current, stages, after.getOrDefault(current.id(), List.of()), List.of()));
                                    orders++;
                                }
                                current = order(rs);
                                stages = new ArrayList<>();
                            }
                            stages.add(stage(rs, 17));
                        }
                        if (current != null) {
                            consume(new Order(current, stages, after.getOrDefault(current.id(), List.of()), List.of()));
                            orders++;
                        }
                    }
                }
                c.commit();
                return orders;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private long consumed;

    private void consume(Order order) {
        consumed += order.stages().size();
    }

    /** How many stages the stream has handed over, so that nothing read is dead code. */
    public long consumed() {
        return consumed;
    }

    private static OrderRow order(ResultSet rs) throws SQLException {
        return new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getBigDecimal(9), rs.getString(10), instant(rs, 11),
                rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getLong(16));
    }

    private static StageRow stage(ResultSet rs, int first) throws SQLException {
        return new StageRow(rs.getInt(first), rs.getString(first + 1), rs.getLong(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7),
                instant(rs, first + 8), instant(rs, first + 9), rs.getLong(first + 10), instant(rs, first + 11),
                instant(rs, first + 12), rs.getBoolean(first + 13), rs.getBoolean(first + 14), instant(rs, first + 15));
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
