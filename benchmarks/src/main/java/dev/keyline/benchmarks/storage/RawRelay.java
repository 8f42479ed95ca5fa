package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The relay a careful engineer writes by hand for one sink: the simplest design that still
 * delivers at least once and in order per aggregate, as the reference for what the database
 * allows. Each batch is one transaction that locks the oldest pending entries
 * ({@code ... ORDER BY sequence_number LIMIT ? FOR UPDATE SKIP LOCKED}), delivers them in that
 * order, and marks the delivered ones with one {@code UPDATE ... WHERE sequence_number = ANY(?)}
 * before it commits. So it writes one row per event, the entry's own.
 *
 * <p>What it leaves out, and Keyline's relay does not: more than one sink with a state each,
 * retries with back-off, dead letters, leases (it holds its row locks and a connection while the
 * sink works, so a slow sink holds the batch's transaction open), fencing between relays, and the
 * order per aggregate with several relays (with {@code SKIP LOCKED}, a second relay can take an
 * aggregate's later entry while the first holds its earlier one). A failed delivery here rolls the
 * whole batch back.
 */
final class RawRelay {

    private static final String CLAIM = "SELECT sequence_number, event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload FROM keyline_outbox WHERE status = 'PENDING' ORDER BY sequence_number LIMIT ? FOR UPDATE SKIP LOCKED";

    private static final String MARK = "UPDATE keyline_outbox SET status = 'DELIVERED', delivered_at = ?, "
            + "version = version + 1 WHERE sequence_number = ANY(?)";

    private final DataSource dataSource;
    private final NotificationSink sink;
    private final int batchSize;

    RawRelay(DataSource dataSource, NotificationSink sink, int batchSize) {
        this.dataSource = dataSource;
        this.sink = sink;
        this.batchSize = batchSize;
    }

    /**
     * Delivers batches until none is left.
     *
     * @param now the delivered-at time written
     * @return how many entries were delivered
     * @throws SQLException when the database fails
     */
    int pumpUntilIdle(Instant now) throws SQLException {
        int delivered = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement(CLAIM); PreparedStatement mark = c.prepareStatement(MARK)) {
                while (true) {
                    int n = batch(c, claim, mark, now);
                    if (n == 0) {
                        break;
                    }
                    delivered += n;
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return delivered;
    }

    private int batch(Connection c, PreparedStatement claim, PreparedStatement mark, Instant now) throws SQLException {
        List<Long> sequences = new ArrayList<>(batchSize);
        claim.setInt(1, batchSize);
        try (ResultSet rs = claim.executeQuery()) {
            while (rs.next()) {
                sequences.add(rs.getLong(1));
                Audience audience = new Audience(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10));
                Notification notification = new Notification(new EventId(rs.getObject(2, UUID.class)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(3), audience, rs.getString(11), 1);
                try {
                    sink.deliver(notification);
                } catch (Exception e) {
                    // the batch's transaction is rolled back: every entry of it stays pending
                    throw new IllegalStateException("the sink refused event " + notification.eventId(), e);
                }
            }
        }
        if (sequences.isEmpty()) {
            c.commit();
            return 0;
        }
        Array array = c.createArrayOf("BIGINT", sequences.toArray());
        try {
            mark.setTimestamp(1, Timestamp.from(now));
            mark.setArray(2, array);
            int changed = mark.executeUpdate();
            if (changed != sequences.size()) {
                throw new IllegalStateException("marked " + changed + " of " + sequences.size() + " entries");
            }
        } finally {
            array.free();
        }
        c.commit();
        return sequences.size();
    }
}
