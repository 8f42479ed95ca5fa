package dev.keyline.jdbc;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox in the table {@code keyline_outbox} (created by migration {@code V1__outbox.sql}).
 *
 * <p>One row per event: an identity {@code sequence_number} (the order of appends), the event's
 * id (unique), aggregate id, type, occurred-at time, audience and JSON payload, and its delivery
 * state ({@code status}, {@code attempts}, {@code next_attempt_at}, {@code last_error},
 * {@code delivered_at}) with a {@code version} that every change increments. Times are stored as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC with microsecond precision: instants are truncated to
 * whole microseconds when written, so an entry read back carries the truncated instants.
 *
 * <p>{@link #claimDue(Instant, int, Instant)} works in two steps that H2 2.x and PostgreSQL (and
 * the PostgreSQL-compatible distributed databases) run alike. It reads the candidates without
 * locking: per aggregate the oldest entry not DELIVERED or DEAD_LETTER, if it is due, in sequence
 * order. Then it locks exactly those rows by primary key with {@code FOR UPDATE SKIP LOCKED} and
 * claims the ones it locked that are still at the version it read (a conditional update checks
 * the version once more). An entry another transaction has claimed or changed and not yet
 * committed is locked, so a concurrent relay skips it without waiting; and since that entry is
 * still open in what the relay reads, the relay skips the rest of its aggregate too. So two relays
 * never claim the same entry, nor two entries of one aggregate at once. (Locking in the candidate
 * query itself would be one statement less, but H2 then locks every row the sort reads, not only
 * those under the limit.)
 *
 * <p>Every method must be called inside a transaction of the same provider's
 * {@link JdbcTransactions}; outside one it throws {@link InvalidStateException}.
 */
public final class JdbcOutbox implements Outbox {

    private static final String COLUMNS = "sequence_number, event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload, status, attempts, next_attempt_at, last_error, delivered_at, version";

    private static final String OPEN = "('PENDING', 'FAILED', 'IN_FLIGHT')";

    private static final String INSERT = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload, status, attempts, next_attempt_at, version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0)";

    private static final String DUE = "SELECT " + COLUMNS + " FROM keyline_outbox o "
            + "WHERE o.status IN " + OPEN + " AND o.next_attempt_at <= ? "
            + "AND NOT EXISTS (SELECT 1 FROM keyline_outbox e WHERE e.aggregate_id = o.aggregate_id "
            + "AND e.sequence_number < o.sequence_number AND e.status IN " + OPEN + ") "
            + "AND o.sequence_number > ? ORDER BY o.sequence_number LIMIT ?";

    private static final String LOCK = "SELECT sequence_number, version FROM keyline_outbox WHERE sequence_number IN (%s) "
            + "FOR UPDATE SKIP LOCKED";

    private static final String CLAIM = "UPDATE keyline_outbox SET status = 'IN_FLIGHT', next_attempt_at = ?, "
            + "version = version + 1 WHERE sequence_number = ? AND version = ?";

    private final JdbcSession session;

    /**
     * The outbox on a session's transactions.
     *
     * @param session the session whose transactions the outbox joins
     */
    public JdbcOutbox(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public void append(List<OutboxMessage> messages) {
        List<OutboxMessage> copy = Require.nonNullElements(messages, "messages");
        requireTransaction();
        if (copy.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(copy.size());
        for (OutboxMessage m : copy) {
            Audience a = m.audience();
            rows.add(new Object[] {m.eventId(), m.aggregateId(), m.type(), m.occurredAt(), a.role(), a.organisationUnit(),
                    a.accountId(), a.stationId(), a.subject(), m.payload(), m.occurredAt()});
        }
        try {
            session.batch(INSERT, rows);
        } catch (StorageException e) {
            if (e.getCause() instanceof java.sql.SQLException cause && session.dialect().isUniqueViolation(cause)) {
                throw new AlreadyExistsException("an outbox entry with one of the event ids "
                        + copy.stream().map(m -> m.eventId().toString()).toList() + " already exists", e);
            }
            throw e;
        }
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Instant leaseUntil) {
        Require.nonNull(now, "now");
        Require.positive(limit, "limit");
        Require.nonNull(leaseUntil, "leaseUntil");
        requireTransaction();
        Instant lease = SqlParameters.storedInstant(leaseUntil);
        List<OutboxEntry> claimed = new ArrayList<>();
        long after = 0;
        while (claimed.size() < limit) {
            List<Candidate> page = session.query(DUE, row -> new Candidate(entry(row), row.longValue("version")), now, after,
                    limit);
            if (page.isEmpty()) {
                break;
            }
            claimed.addAll(claim(page, lease, limit - claimed.size()));
            if (page.size() < limit) {
                break;
            }
            after = page.get(page.size() - 1).entry.sequence();
        }
        return List.copyOf(claimed);
    }

    /**
     * Locks those candidates no other transaction holds (skipping the rest without waiting) and
     * still at the version read, and claims up to {@code wanted} of them.
     */
    private List<OutboxEntry> claim(List<Candidate> candidates, Instant lease, int wanted) {
        String placeholders = String.join(", ", Collections.nCopies(candidates.size(), "?"));
        Object[] sequences = candidates.stream().map(c -> c.entry.sequence()).toArray();
        Map<Long, Long> locked = new HashMap<>();
        session.query(String.format(LOCK, placeholders), row -> locked.put(row.longValue("sequence_number"),
                row.longValue("version")), sequences);
        List<Candidate> claimable = new ArrayList<>();
        for (Candidate c : candidates) {
            if (claimable.size() < wanted && Long.valueOf(c.version).equals(locked.get(c.entry.sequence()))) {
                claimable.add(c);
            }
        }
        if (claimable.isEmpty()) {
            return List.of();
        }
        List<Object[]> claims = new ArrayList<>(claimable.size());
        for (Candidate c : claimable) {
            claims.add(new Object[] {lease, c.entry.sequence(), c.version});
        }
        int[] counts = session.batch(CLAIM, claims);
        List<OutboxEntry> claimed = new ArrayList<>(claimable.size());
        for (int i = 0; i < claimable.size(); i++) {
            if (counts[i] < 0) {
                throw new StorageException("claiming outbox entries failed: the JDBC driver reported no update count for "
                        + "the claim of entry " + claimable.get(i).entry.sequence(), null);
            }
            if (counts[i] == 1) {
                OutboxEntry e = claimable.get(i).entry;
                claimed.add(new OutboxEntry(e.sequence(), e.message(), DeliveryStatus.IN_FLIGHT, e.attempts(), lease,
                        e.lastError(), e.deliveredAt()));
            }
        }
        return claimed;
    }

    @Override
    public void markDelivered(EventId eventId, int attempts, Instant deliveredAt) {
        Require.nonNull(eventId, "eventId");
        Require.nonNegative(attempts, "attempts");
        Require.nonNull(deliveredAt, "deliveredAt");
        requireTransaction();
        changeExisting(eventId, "UPDATE keyline_outbox SET status = 'DELIVERED', attempts = ?, delivered_at = ?, "
                + "version = version + 1 WHERE event_id = ?", attempts, deliveredAt, eventId);
    }

    @Override
    public void markFailed(EventId eventId, int attempts, Instant nextAttemptAt, String error) {
        Require.nonNull(eventId, "eventId");
        Require.nonNegative(attempts, "attempts");
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
        Require.nonBlank(error, "error");
        requireTransaction();
        changeExisting(eventId, "UPDATE keyline_outbox SET status = 'FAILED', attempts = ?, next_attempt_at = ?, "
                + "last_error = ?, version = version + 1 WHERE event_id = ?", attempts, nextAttemptAt, error, eventId);
    }

    @Override
    public void markDeadLetter(EventId eventId, int attempts, Instant at, String error) {
        Require.nonNull(eventId, "eventId");
        Require.nonNegative(attempts, "attempts");
        Require.nonNull(at, "at");
        Require.nonBlank(error, "error");
        requireTransaction();
        changeExisting(eventId, "UPDATE keyline_outbox SET status = 'DEAD_LETTER', attempts = ?, next_attempt_at = ?, "
                + "last_error = ?, version = version + 1 WHERE event_id = ?", attempts, at, error, eventId);
    }

    @Override
    public void requeue(EventId eventId, Instant at) {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(at, "at");
        requireTransaction();
        int changed = session.update("UPDATE keyline_outbox SET status = 'PENDING', next_attempt_at = ?, "
                + "version = version + 1 WHERE event_id = ? AND status = 'DEAD_LETTER'", at, eventId);
        if (changed == 0) {
            OutboxEntry entry = find(eventId).orElseThrow(() -> notFound(eventId));
            throw new InvalidStateException("outbox entry " + eventId + " is " + entry.status()
                    + "; only a DEAD_LETTER entry can be requeued");
        }
    }

    @Override
    public Optional<OutboxEntry> find(EventId eventId) {
        Require.nonNull(eventId, "eventId");
        requireTransaction();
        return session.queryOne("SELECT " + COLUMNS + " FROM keyline_outbox WHERE event_id = ?", JdbcOutbox::entry, eventId);
    }

    @Override
    public List<OutboxEntry> list(DeliveryStatus status, int limit) {
        Require.nonNull(status, "status");
        Require.positive(limit, "limit");
        requireTransaction();
        return session.query("SELECT " + COLUMNS + " FROM keyline_outbox WHERE status = ? ORDER BY sequence_number LIMIT ?",
                JdbcOutbox::entry, status, limit);
    }

    private void changeExisting(EventId eventId, String sql, Object... params) {
        if (session.update(sql, params) == 0) {
            throw notFound(eventId);
        }
    }

    private void requireTransaction() {
        if (!session.transactions().isActive()) {
            throw new InvalidStateException("the outbox must be used inside a transaction of its provider");
        }
    }

    private static NotFoundException notFound(EventId eventId) {
        return new NotFoundException("no outbox entry with event id " + eventId);
    }

    private static OutboxEntry entry(Row row) {
        long sequence = row.longValue("sequence_number");
        try {
            Audience audience = new Audience(row.string("audience_role"), row.string("audience_organisation_unit"),
                    row.string("audience_account_id"), row.string("audience_station_id"), row.string("audience_subject"));
            OutboxMessage message = new OutboxMessage(row.eventId("event_id"), row.string("aggregate_id"),
                    row.string("event_type"), row.instant("occurred_at"), audience, row.string("payload"));
            return new OutboxEntry(sequence, message, row.enumValue("status", DeliveryStatus.class), row.intValue("attempts"),
                    row.instant("next_attempt_at"), row.string("last_error"), row.instant("delivered_at"));
        } catch (CorruptStateException e) {
            throw new CorruptStateException("outbox row " + sequence + ": " + e.getMessage(), e);
        } catch (KeylineException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new CorruptStateException("outbox row " + sequence + " is invalid: " + e.getMessage(), e);
        }
    }

    /** A due entry as read, with the version its claim must still find. */
    private record Candidate(OutboxEntry entry, long version) {
    }
}
