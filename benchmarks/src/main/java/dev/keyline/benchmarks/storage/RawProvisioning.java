package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.json.KeylineJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Provisioning orders ({@link ProvisioningMix}) written by hand with plain JDBC into Keyline's
 * schema. The domain computes the order in memory, as on the Keyline side, and its events are
 * written as JSON by the same mapper; then the fewest statements a careful engineer needs: every
 * insert batched (across all orders of a transaction in bulk), an update writes only the columns
 * and stage rows that changed, with the version check, and nothing is read back, since the
 * program holds the order it wrote.
 */
public final class RawProvisioning {

    static final String INSERT_ORDER = "INSERT INTO keyline_provisioning_order (provisioning_order_id, account_id, "
            + "product_code, originating_unit, account_manager, it_support, start_at, committed_completion, warning_share, "
            + "sla_order, sla_committed_by, order_state, accepted_by, accepted_at, last_changed_at, version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, ?, 1)";
    static final String INSERT_STAGE = "INSERT INTO keyline_provisioning_stage (provisioning_order_id, line_no, stage_id, "
            + "planned_nanos, station_id, unit_id, station_manager, executor, stage_state, started_at, held_since, "
            + "held_nanos, warning_at, due_at, warned, escalated, done_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_AFTER = "INSERT INTO keyline_provisioning_stage_after (provisioning_order_id, line_no, "
            + "stage_id, predecessor_id) VALUES (?, ?, ?, ?)";
    static final String UPDATE_ORDER = "UPDATE keyline_provisioning_order SET order_state = ?, last_changed_at = ?, "
            + "version = ? WHERE provisioning_order_id = ? AND version = ?";
    static final String UPDATE_STAGE = "UPDATE keyline_provisioning_stage SET stage_state = ?, started_at = ?, "
            + "held_since = ?, held_nanos = ?, warning_at = ?, due_at = ?, warned = ?, escalated = ?, done_at = ? "
            + "WHERE provisioning_order_id = ? AND line_no = ?";

    private final DataSource dataSource;
    private final KeylineJson json = KeylineJson.create();

    /**
     * The raw side on a pool.
     *
     * @param dataSource the pool
     */
    public RawProvisioning(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the three commands for order {@code n} in three transactions.
     *
     * @param n the order number
     * @throws SQLException when the database fails
     */
    public void run(long n) throws SQLException {
        ProvisioningOrder order = ProvisioningMix.open(n);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, List.of(order));
                c.commit();
                List<StageProgress> before = order.stages();
                order.start(ProvisioningMix.FIRST, ProvisioningMix.CALENDAR, Fixture.NOW);
                update(c, order, before, 1);
                c.commit();
                before = order.stages();
                order.complete(ProvisioningMix.FIRST, Fixture.NOW);
                update(c, order, before, 2);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Inserts orders {@code from} to {@code to - 1} in one transaction, every table in one batch.
     *
     * @param from the first order number
     * @param to after the last
     * @throws SQLException when the database fails
     */
    public void insertAll(long from, long to) throws SQLException {
        List<ProvisioningOrder> orders = new ArrayList<>((int) (to - from));
        for (long n = from; n < to; n++) {
            orders.add(ProvisioningMix.open(n));
        }
        insertOrders(orders);
    }

    /**
     * Inserts orders the caller built, in one transaction.
     *
     * @param orders the orders, with their events pending
     * @throws SQLException when the database fails
     */
    public void insertOrders(List<ProvisioningOrder> orders) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, orders);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Opens order {@code n} in one transaction. */
    public void openOrder(long n) throws SQLException {
        insertAll(n, n + 1);
    }

    private void insert(Connection c, List<ProvisioningOrder> orders) throws SQLException {
        try (PreparedStatement o = c.prepareStatement(INSERT_ORDER)) {
            for (ProvisioningOrder order : orders) {
                ProvisioningParties p = order.parties();
                o.setString(1, order.id().value());
                o.setString(2, p.account().value());
                o.setString(3, p.product().value());
                o.setString(4, p.originatingUnit().value());
                o.setString(5, p.accountManager().value());
                o.setString(6, p.itSupport().value());
                setInstant(o, 7, order.start());
                setInstant(o, 8, order.committedCompletion());
                o.setBigDecimal(9, order.warningShare());
                o.setString(10, order.state().name());
                setInstant(o, 11, order.lastChangedAt());
                o.addBatch();
            }
            o.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_STAGE)) {
            for (ProvisioningOrder order : orders) {
                int line = 0;
                for (StageProgress p : order.stages()) {
                    StageAssignment a = p.assignment();
                    s.setString(1, order.id().value());
                    s.setInt(2, ++line);
                    s.setString(3, p.stage().value());
                    s.setLong(4, p.planned().toNanos());
                    s.setString(5, a.station().value());
                    s.setString(6, a.unit().value());
                    s.setString(7, a.stationManager().value());
                    s.setString(8, a.executor().value());
                    bindProgress(s, 9, p);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_AFTER)) {
            for (ProvisioningOrder order : orders) {
                int line = 0;
                for (PlannedStage stage : order.plan().stages()) {
                    for (StageId predecessor : stage.after()) {
                        s.setString(1, order.id().value());
                        s.setInt(2, ++line);
                        s.setString(3, stage.id().value());
                        s.setString(4, predecessor.value());
                        s.addBatch();
                    }
                }
            }
            s.executeBatch();
        }
        List<DomainEvent> events = new ArrayList<>(orders.size());
        for (ProvisioningOrder order : orders) {
            events.addAll(order.drainEvents());
        }
        outbox(c, events);
    }

    private void update(Connection c, ProvisioningOrder order, List<StageProgress> before, long version)
            throws SQLException {
        try (PreparedStatement o = c.prepareStatement(UPDATE_ORDER)) {
            o.setString(1, order.state().name());
            setInstant(o, 2, order.lastChangedAt());
            o.setLong(3, version + 1);
            o.setString(4, order.id().value());
            o.setLong(5, version);
            RawKeyAccountMix.requireOneRow(o.executeUpdate(), order.id().value());
        }
        List<StageProgress> after = order.stages();
        try (PreparedStatement s = c.prepareStatement(UPDATE_STAGE)) {
            for (int i = 0; i < after.size(); i++) {
                StageProgress p = after.get(i);
                if (!p.equals(before.get(i))) {
                    bindProgress(s, 1, p);
                    s.setString(10, order.id().value());
                    s.setInt(11, i + 1);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        outbox(c, order.drainEvents());
    }

    /** Binds a stage's progress columns, stage_state to done_at, from {@code first}. */
    private static void bindProgress(PreparedStatement s, int first, StageProgress p) throws SQLException {
        s.setString(first, p.state().name());
        setInstant(s, first + 1, p.startedAt());
        setInstant(s, first + 2, p.heldSince());
        s.setLong(first + 3, p.heldTime().toNanos());
        setInstant(s, first + 4, p.warningAt());
        setInstant(s, first + 5, p.due());
        s.setBoolean(first + 6, p.warned());
        s.setBoolean(first + 7, p.escalated());
        setInstant(s, first + 8, p.doneAt());
    }

    private void outbox(Connection c, List<DomainEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(RawOutbox.INSERT)) {
            for (DomainEvent e : events) {
                Audience a = e.audience();
                RawOutbox.bind(s, e.eventId().value(), e.aggregateId(), e.type(), java.sql.Timestamp.from(e.occurredAt()),
                        a.role(), a.organisationUnit(), a.accountId(), a.stationId(), a.subject(), json.writeEvent(e));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void setInstant(PreparedStatement s, int index, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }
}
