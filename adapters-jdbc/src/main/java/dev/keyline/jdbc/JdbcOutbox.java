package dev.keyline.jdbc;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMark;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The outbox in the tables {@code keyline_outbox}, {@code keyline_outbox_delivery} and
 * {@code keyline_reaction_receipt} (created by migration {@code V1__outbox.sql}; timers added by
 * {@code V2__outbox_timers.sql}; the claim's indexes on PostgreSQL by
 * {@link dev.keyline.jdbc.migration.V3__outbox_claim_indexes}; the delivery rows' foreign key to
 * their entry dropped by {@code V4__outbox_delivery_without_foreign_key.sql}).
 *
 * <p>One {@code keyline_outbox} row per event: an identity {@code sequence_number} (the order of
 * appends), the event's id (unique), aggregate id, type, occurred-at time, audience and JSON
 * payload, the entry's {@link OutboxEntry#status()} and delivered-at time as its last recorded
 * outcome (a mark, a requeue) left them, and a {@code version} that every change of the entry's row
 * increments. A claim writes only delivery rows, so the stored status of an open entry may lag
 * behind its deliveries (PENDING while one is in flight); {@link #list} tells the open statuses
 * apart by the deliveries, and a done entry's stored status is always its status. One
 * {@code keyline_outbox_delivery} row per entry and sink: that sink's status, attempts,
 * next-attempt time, last error, delivered-at time and claim number (the fencing token). No foreign
 * key ties a delivery row to its entry: this class inserts delivery rows only for entries it holds
 * locked, and {@link #purgeDelivered} deletes an entry's deliveries with it; a key's check per
 * inserted row cost the relay about a tenth of its time. A reaction receipt keeps its key to its
 * entry and goes with it by {@code ON DELETE CASCADE}.
 * Times are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC with microsecond precision: instants
 * are truncated to whole microseconds when written, so state read back carries the truncated
 * instants.
 *
 * <p>{@link #claimDue} works in two steps that H2 2.x and PostgreSQL (and the
 * PostgreSQL-compatible distributed databases) run alike. It reads the candidates without locking:
 * per sink and aggregate the oldest entry not done for that sink, if it is due, in sequence order,
 * on PostgreSQL reading the open entries and the due timers through indexes that hold only those
 * rows (migration {@code V3}), the open ones in sequence order up to the limit, so that a claim costs the
 * same however many delivered entries wait to be purged and however long the backlog, and looking
 * each candidate's delivery to the sink up by the delivery's primary key (a correlated subquery
 * whose sink comparison no other index can serve), so that the read costs a lookup per candidate
 * even when the delivery table's statistics are stale (say, analysed while it was empty), and on
 * H2 in two statements, the first open entry of each aggregate for the sink and
 * then which of those are due, so that no entry's aggregate history is walked once per entry.
 * Then it locks exactly those entry rows by primary key with {@code FOR UPDATE SKIP LOCKED}, reading
 * their messages in the same statement, and claims for the ones it locked that are still at the
 * version it read: it reads their deliveries in one query, keeps the deliveries still due by them
 * (one another relay claimed since the candidates were read is in flight under its lease), and
 * writes the new deliveries (made claimed at once) and the claimed ones with one statement or JDBC
 * batch each (on PostgreSQL the update is one {@code UPDATE ... FROM unnest(...)}), so a claim of a
 * hundred deliveries costs a handful of round trips, not a few per delivery. The entry rows are
 * not written, but for a timer's first claim. An entry another transaction has claimed or changed
 * and not yet committed is locked, so a concurrent relay skips
 * it without waiting; and since that entry is still open in what the relay reads, the relay skips
 * the rest of its aggregate for that sink too. So two relays never claim the same delivery.
 *
 * <p><b>Timers.</b> A timer's row carries its key in {@code timer_key}. While no relay has claimed
 * it, its stored status is {@code SCHEDULED} (its {@link OutboxEntry#status()} is PENDING) and its
 * key is also in {@code pending_timer_key}, which is unique, so there is one pending timer per key
 * and of two transactions scheduling the same key concurrently the later fails (with
 * {@link StaleVersionException}), and its due time in {@code timer_due_at}. The claim's candidates
 * are the rows with an open status ({@code PENDING}, {@code IN_FLIGHT}, {@code FAILED}) and the rows
 * with {@code timer_due_at} by now: both are ranges of an index, so timers that wait are never read
 * by a claim (on PostgreSQL a BitmapOr of the two ranges). The first claim of a timer stores its
 * delivery status and clears {@code pending_timer_key} and {@code timer_due_at}. Scheduling and cancelling
 * delete {@code WHERE pending_timer_key = ? AND status = 'SCHEDULED'}: a delete that meets a row a
 * relay is claiming waits for the row's lock, and PostgreSQL (READ COMMITTED) then evaluates the
 * condition again on the claimed row and leaves it; the TCK checks that outcome on H2 as well.
 * {@link #schedule} runs its delete ahead of the transaction's queued writes (unless the transaction
 * queued a timer of the same key, which the delete must then see) and queues the timer's row with
 * the same {@code INSERT} as {@link #append}'s, so that a command's events and its timer go to the
 * database in one batch; a taken event id ({@link dev.keyline.domain.common.AlreadyExistsException})
 * or a key another transaction scheduled first ({@link StaleVersionException}) is reported when
 * that batch is sent.
 *
 * <p>Marks, renewals and requeues lock the entry row first ({@code SELECT ... FOR UPDATE}), then
 * change the delivery row only under the claim's number ({@code ... WHERE claim_number = ? AND
 * status = 'IN_FLIGHT'}); a claim that no longer holds changes no row and the method returns
 * {@code false}. Locking the entry first, as claims do, keeps the lock order the same everywhere.
 * {@link #markAll} does the same for a whole batch of marks in four statements: it locks the
 * entries in sequence order in one query, reads their deliveries in one, and writes the deliveries
 * whose claims hold and the entries' status with one statement each on PostgreSQL and a JDBC
 * batch each elsewhere.
 *
 * <p>Every method must be called inside a transaction of the same provider's
 * {@link JdbcTransactions}; outside one it throws {@link InvalidStateException}.
 */
public final class JdbcOutbox implements Outbox {

    private static final String COLUMNS = "o.sequence_number, o.event_id, o.aggregate_id, o.event_type, o.occurred_at, "
            + "o.audience_role, o.audience_organisation_unit, o.audience_account_id, o.audience_station_id, "
            + "o.audience_subject, o.payload, o.timer_key";

    private static final String DELIVERY_COLUMNS = "event_id, sink, status, attempts, next_attempt_at, last_error, "
            + "delivered_at, claim_number";

    private static final String DONE = "('DELIVERED', 'DEAD_LETTER')";

    /** The stored status of a timer no relay has claimed yet. */
    private static final String SCHEDULED = "SCHEDULED";

    /** Whether the row {@code x} takes part in claims at the time bound to the one placeholder. */
    private static final String CLAIMABLE = "(%1$s.status IN ('PENDING', 'IN_FLIGHT', 'FAILED') "
            + "OR %1$s.timer_due_at <= ?)";

    private static final int IN_LIST = 500;

    /** How many open entries {@link #list} reads at a time while it looks for those of a status. */
    private static final int LIST_PAGE = 500;

    /**
     * An entry's row, an event's or a timer's: one statement for both, so that a command's events
     * and the timer it schedules go to the database in one batch. Parameters: the message's ten
     * columns, the stored status, then the timer key, the pending timer key and the due time (null
     * for an event).
     */
    private static final String INSERT = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload, status, version, timer_key, pending_timer_key, timer_due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";

    private static final String DELETE_PENDING_TIMER = "DELETE FROM keyline_outbox WHERE pending_timer_key = ? "
            + "AND status = '" + SCHEDULED + "'";

    /** The open statuses: an entry stored with one of them takes part in claims. */
    private static final String OPEN = "('PENDING', 'IN_FLIGHT', 'FAILED')";

    /**
     * One branch of {@link #DUE_BY_KEY}: of the rows {@code o} the condition given for the first
     * {@code %s} selects, the oldest (in the order the second {@code %s} gives) whose delivery to the
     * sink is due and that no earlier entry of their aggregate holds back; parameters: those of the
     * condition, then now, sink, now, now, sink, limit.
     *
     * <p>Each candidate's delivery to the sink is read by a correlated scalar subquery, which the
     * database runs once per candidate row as a lookup, never as a join that could read the whole
     * delivery table once per candidate. The sink is compared as {@code sink || ''}: an expression no
     * index on the sink column can serve, so the one index left for the lookup is the primary key
     * ({@code event_id} leads it), whatever the statistics of the delivery table say. An absent
     * delivery is due at the entry's occurred-at time and holds its aggregate back. The earlier
     * entries are asked for as not done ({@code e.status NOT IN ...}, which every claimable row is:
     * a timer's due time is cleared by its first claim), so that PostgreSQL looks them up in the
     * aggregate index of the entries not done and never walks an aggregate's delivered history.
     */
    private static final String DUE_BRANCH = "(SELECT o.sequence_number, o.version FROM keyline_outbox o WHERE %s "
            + "AND COALESCE((SELECT d.status NOT IN " + DONE + " AND d.next_attempt_at <= ? "
            + "FROM keyline_outbox_delivery d WHERE d.event_id = o.event_id AND d.sink || '' = ?), o.occurred_at <= ?) "
            + "AND NOT EXISTS (SELECT 1 FROM keyline_outbox e "
            + "WHERE e.aggregate_id = o.aggregate_id AND e.sequence_number < o.sequence_number "
            + "AND e.status NOT IN " + DONE + " AND " + String.format(CLAIMABLE, "e") + " "
            + "AND COALESCE((SELECT f.status NOT IN " + DONE + " FROM keyline_outbox_delivery f "
            + "WHERE f.event_id = e.event_id AND f.sink || '' = ?), TRUE)) "
            + "ORDER BY %s LIMIT ?)";

    /**
     * Per sink, the entries whose delivery is due and that no earlier entry of their aggregate holds
     * back, as PostgreSQL runs it; parameters as {@link #dueByKeyParameters} gives them.
     *
     * <p>Two branches of {@link #DUE_BRANCH}, each in sequence order and each stopping at the limit,
     * merged: the entries with an open status, and the timers (stored as {@code SCHEDULED}, so no
     * row is in both) due by now. Together they are exactly the claimable rows. Each branch is an
     * ordered walk of an index that holds only its rows (migration {@code V3}: the open entries,
     * the pending timers), so a claim reads about as many rows as it returns, held back ones
     * included, however many delivered entries wait to be purged and however long the backlog. A
     * single condition {@code open OR due timer} can only be served by the primary key, walking the
     * delivered history first, or by reading every claimable row and sorting them. The timers'
     * branch orders by {@code sequence_number + 0}, an expression the primary key cannot serve: with
     * its generic plan (a statement run many times) PostgreSQL otherwise judged that walking the
     * primary key until it met enough due timers was cheaper than reading the due-time index, and
     * walked every delivered entry when no timer was due. It reads the due timers by their index and
     * sorts them; those are only what has come due since the last claims.
     */
    static final String DUE_BY_KEY = "SELECT c.sequence_number, c.version FROM ("
            + String.format(DUE_BRANCH, "o.status IN " + OPEN, "o.sequence_number") + " UNION ALL "
            + String.format(DUE_BRANCH, "o.status NOT IN " + OPEN + " AND o.timer_due_at <= ?", "o.sequence_number + 0")
            + ") c ORDER BY c.sequence_number LIMIT ?";

    /**
     * The parameters of {@link #DUE_BY_KEY}.
     *
     * @param now the claim's time
     * @param sink the sink
     * @param limit the most entries to return
     * @return the parameters in order
     */
    static Object[] dueByKeyParameters(Instant now, String sink, int limit) {
        return new Object[] {now, sink, now, now, sink, limit, now, now, sink, now, now, sink, limit, limit};
    }

    /**
     * Per sink, on H2, the first entry of each aggregate that is claimable and not done for the
     * sink: exactly the entries no earlier entry holds back, due or not; parameters: sink, now. The
     * claim on H2 reads these first, then which of them are due ({@link #DUE_OF_FIRST}).
     *
     * <p>{@link #DUE_BY_KEY} asks the same with a {@code NOT EXISTS} per candidate, and so did H2's
     * earlier form (the entries joined to their deliveries): for each open entry it walks the
     * entry's aggregate in sequence order from the aggregate's first entry, delivered ones
     * included, until it meets an open one. A claim then costs the open entries times their
     * aggregates' histories, and the demo, whose SLA aggregate gathers about 150 entries, spent three
     * quarters of its CPU in that walk (33 to 37 s of wall time, against 13 to 14 s with this form).
     * H2 2.5 evaluates a derived table of these first entries once per outer row, which was slower
     * still, so the two steps are two statements. {@code OutboxClaimPlanH2Test} checks that no
     * step walks an aggregate per entry.
     */
    static final String FIRST_OPEN = "SELECT MIN(e.sequence_number) AS first_open FROM keyline_outbox e "
            + "LEFT JOIN keyline_outbox_delivery f ON f.event_id = e.event_id AND f.sink = ? "
            + "WHERE " + String.format(CLAIMABLE, "e") + " AND (f.status IS NULL OR f.status NOT IN " + DONE + ") "
            + "GROUP BY e.aggregate_id";

    /** Which of some first open entries ({@link #FIRST_OPEN}) are due; parameters: sink, the sequences, now. */
    static final String DUE_OF_FIRST = "SELECT o.sequence_number, o.version FROM keyline_outbox o "
            + "LEFT JOIN keyline_outbox_delivery d ON d.event_id = o.event_id AND d.sink = ? "
            + "WHERE o.sequence_number IN (%s) AND COALESCE(d.next_attempt_at, o.occurred_at) <= ? "
            + "ORDER BY o.sequence_number";

    private static final String LOCK = "SELECT " + COLUMNS + ", o.version, o.status FROM keyline_outbox o "
            + "WHERE o.sequence_number IN (%s) FOR UPDATE SKIP LOCKED";

    private static final String INSERT_DELIVERY = "INSERT INTO keyline_outbox_delivery (" + DELIVERY_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE_DELIVERY = "UPDATE keyline_outbox_delivery SET status = ?, attempts = ?, "
            + "next_attempt_at = ?, last_error = ?, delivered_at = ?, claim_number = ? WHERE event_id = ? AND sink = ?";

    /**
     * Stores an entry's summed-up status and delivered-at time and bumps its version; its deliveries
     * exist by now, so a timer is no longer pending and its pending key and due time are cleared.
     */
    private static final String UPDATE_SUMMARY = "UPDATE keyline_outbox SET status = ?, delivered_at = ?, "
            + "pending_timer_key = NULL, timer_due_at = NULL, version = version + 1 WHERE sequence_number = ?";

    /** {@link #UPDATE_SUMMARY} for many entries in one statement on PostgreSQL: text arrays of status, delivered-at, sequence. */
    private static final String UPDATE_SUMMARIES_POSTGRESQL = "UPDATE keyline_outbox o SET status = v.status, "
            + "delivered_at = v.delivered_at, pending_timer_key = NULL, timer_due_at = NULL, version = o.version + 1 "
            + "FROM unnest(?::text[], ?::timestamptz[], ?::bigint[]) AS v(status, delivered_at, sequence_number) "
            + "WHERE o.sequence_number = v.sequence_number";

    /**
     * Many delivery rows in one statement on PostgreSQL, each where the row still has the expected
     * claim number: text arrays of the new columns, the key and the expected claim number.
     */
    private static final String UPDATE_DELIVERIES_POSTGRESQL = "UPDATE keyline_outbox_delivery d SET status = v.status, "
            + "attempts = v.attempts, next_attempt_at = v.next_attempt_at, last_error = v.last_error, "
            + "delivered_at = v.delivered_at, claim_number = v.claim_number "
            + "FROM unnest(?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::bigint[], ?::uuid[], "
            + "?::text[], ?::bigint[]) AS v(status, attempts, next_attempt_at, last_error, delivered_at, claim_number, "
            + "event_id, sink, expected_claim) "
            + "WHERE d.event_id = v.event_id AND d.sink = v.sink AND d.claim_number = v.expected_claim";

    /**
     * {@link #UPDATE_DELIVERIES_POSTGRESQL} for outcomes: only rows still {@code IN_FLIGHT}. The
     * fence is compared as an expression no index serves: with the status index to hand, the
     * generic plan (whose statistics, taken while no delivery was in flight, expect one
     * {@code IN_FLIGHT} row) walked the in-flight rows and scanned the whole {@code unnest} for each,
     * the batch's size squared; without it, each row of the {@code unnest} is looked up by the key.
     */
    static final String UPDATE_IN_FLIGHT_DELIVERIES_POSTGRESQL = UPDATE_DELIVERIES_POSTGRESQL
            + " AND d.status || '' = 'IN_FLIGHT'";

    private final JdbcSession session;
    /** The key of the transaction's attachment: the keys of the timers it queued. */
    private final Object queuedTimersKey = new Object();

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
        List<String> keys = new ArrayList<>(copy.size());
        for (OutboxMessage m : copy) {
            Audience a = m.audience();
            rows.add(new Object[] {m.eventId(), m.aggregateId(), m.type(), m.occurredAt(), a.role(), a.organisationUnit(),
                    a.accountId(), a.stationId(), a.subject(), m.payload(), "PENDING", null, null, null});
            keys.add(m.eventId().toString());
        }
        // queued with the transaction's other writes and sent in one batch with every append of the
        // transaction, before its next statement or its commit
        session.queueInserts(INSERT, "keyline_outbox", List.of(), rows, keys,
                key -> e -> new AlreadyExistsException("an outbox entry with event id " + key + " already exists", e));
    }

    @Override
    public boolean schedule(OutboxMessage message, String timerKey) {
        Require.nonNull(message, "message");
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        requireTransaction();
        // the timers this transaction queued: a pending one of the key may be among them, and the
        // delete must then see it; otherwise the delete runs ahead of the queued writes, which stay
        // queued, so that the timer's row goes in one batch with the command's events
        Set<String> queued = session.transactions().attachment(queuedTimersKey, HashSet::new);
        boolean replaced = (queued.contains(timerKey) ? session.update(DELETE_PENDING_TIMER, timerKey)
                : session.updateAheadOfQueuedWrites(DELETE_PENDING_TIMER, timerKey)) > 0;
        queued.add(timerKey);
        Audience a = message.audience();
        // queued after the command's events, and sent in one batch with them: a taken key is
        // reported when the batch is sent, before the transaction's next statement or its commit
        session.queueInsert(INSERT, "keyline_outbox", new Object[] {message.eventId(), message.aggregateId(), message.type(),
                message.occurredAt(), a.role(), a.organisationUnit(), a.accountId(), a.stationId(), a.subject(),
                message.payload(), SCHEDULED, timerKey, timerKey, message.occurredAt()}, message.eventId().toString(), timerKey,
                e -> {
                    if (SqlFailures.messages(e).toLowerCase(Locale.ROOT).contains("pending_timer_uk")) {
                        return new StaleVersionException("timer '" + timerKey + "' was scheduled by a concurrent "
                                + "transaction that committed first; run the command again to replace it", e);
                    }
                    return new AlreadyExistsException("an outbox entry with event id " + message.eventId()
                            + " already exists", e);
                });
        return replaced;
    }

    /**
     * On H2: the first open entries of the aggregates for the sink, then those of them that are due,
     * in sequence order, up to {@code limit}.
     */
    private List<Candidate> dueOfFirstOpen(String sink, Instant now, int limit) {
        List<Long> first = new ArrayList<>(session.query(FIRST_OPEN, row -> row.longValue("first_open"), sink, now));
        Collections.sort(first);
        List<Candidate> due = new ArrayList<>();
        for (int from = 0; from < first.size() && due.size() < limit; from += IN_LIST) {
            List<Long> chunk = first.subList(from, Math.min(first.size(), from + IN_LIST));
            List<Object> parameters = new ArrayList<>(chunk.size() + 2);
            parameters.add(sink);
            parameters.addAll(chunk);
            parameters.add(now);
            for (Candidate c : session.query(String.format(DUE_OF_FIRST, String.join(", ", Collections.nCopies(chunk.size(),
                    "?"))), row -> new Candidate(row.longValue("sequence_number"), row.longValue("version"), sink),
                    parameters.toArray())) {
                if (due.size() < limit) {
                    due.add(c);
                }
            }
        }
        return due;
    }

    @Override
    public boolean cancelTimer(String timerKey) {
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        requireTransaction();
        return session.update(DELETE_PENDING_TIMER, timerKey) > 0;
    }

    @Override
    public Optional<OutboxEntry> pendingTimer(String timerKey) {
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        requireTransaction();
        return withDeliveries(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o WHERE o.pending_timer_key = ?",
                JdbcOutbox::message, timerKey)).stream().findFirst();
    }

    @Override
    public List<OutboxClaim> claimDue(Instant now, Set<String> sinks, int limit, Instant leaseUntil) {
        Require.nonNull(now, "now");
        Require.nonNull(leaseUntil, "leaseUntil");
        Set<String> names = new TreeSet<>(Require.nonNullElements(sinks, "sinks"));
        Require.that(!names.isEmpty(), "sinks", "must name at least one sink");
        names.forEach(n -> Require.nonBlank(n, "sinks"));
        Require.positive(limit, "limit");
        Require.nonNull(leaseUntil, "leaseUntil");
        Require.that(!leaseUntil.isBefore(now), "leaseUntil", () -> "must not be before now (" + now + ") but was " + leaseUntil);
        requireTransaction();
        Instant lease = SqlParameters.storedInstant(leaseUntil);
        List<Candidate> candidates = new ArrayList<>();
        boolean byKey = session.dialect() == SqlDialect.POSTGRESQL;
        for (String sink : names) {
            if (byKey) {
                candidates.addAll(session.query(DUE_BY_KEY, row -> new Candidate(row.longValue("sequence_number"),
                        row.longValue("version"), sink), dueByKeyParameters(now, sink, limit)));
            } else {
                candidates.addAll(dueOfFirstOpen(sink, now, limit));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingLong(Candidate::sequence).thenComparing(Candidate::sink));
        Object[] sequences = candidates.stream().map(Candidate::sequence).distinct().toArray();
        String placeholders = String.join(", ", Collections.nCopies(sequences.length, "?"));
        Map<Long, LockedEntry> locked = new HashMap<>();
        session.query(String.format(LOCK, placeholders), row -> locked.put(row.longValue("sequence_number"),
                new LockedEntry(message(row), row.longValue("version"), SCHEDULED.equals(row.string("status")))),
                sequences);
        // the candidates' entries as they are now, under their locks, at the version the candidates were read at
        Map<Long, OutboxEntry> current = new HashMap<>();
        withDeliveries(candidates.stream().filter(c -> {
            LockedEntry entry = locked.get(c.sequence);
            return entry != null && entry.version() == c.version;
        }).map(c -> c.sequence).distinct().map(s -> locked.get(s).message()).toList())
                .forEach(e -> current.put(e.sequence(), e));
        Map<Long, List<String>> toClaim = new LinkedHashMap<>();
        int count = 0;
        for (Candidate c : candidates) {
            OutboxEntry entry = current.get(c.sequence);
            // a claim does not change the entry's row, only its delivery: a delivery another relay
            // claimed since the candidates were read is in flight under a lease, and so not due
            if (count < limit && entry != null && due(entry, c.sink, now)) {
                toClaim.computeIfAbsent(c.sequence, s -> new ArrayList<>()).add(c.sink);
                count++;
            }
        }
        if (toClaim.isEmpty()) {
            return List.of();
        }
        List<Object[]> inserts = new ArrayList<>();
        List<DeliveryWrite> updates = new ArrayList<>();
        List<OutboxEntry> summaries = new ArrayList<>();
        List<OutboxClaim> claimed = new ArrayList<>(count);
        for (long sequence : toClaim.keySet()) {
            OutboxEntry stored = current.get(sequence);
            OutboxEntry entry = stored;
            EventId id = entry.message().eventId();
            List<String> claimSinks = toClaim.get(entry.sequence());
            for (String sink : names) {
                Optional<SinkDelivery> existing = entry.delivery(sink);
                boolean claim = claimSinks.contains(sink);
                if (existing.isPresent() && !claim) {
                    continue;
                }
                SinkDelivery d = existing.orElseGet(() -> SinkDelivery.pending(sink, stored.message().occurredAt()));
                if (claim) {
                    d = d.claimed(lease);
                    claimed.add(new OutboxClaim(entry.sequence(), entry.message(), sink, d.claim(), d.attempts(), lease));
                }
                if (existing.isEmpty()) {
                    // a delivery first made by this claim goes in as claimed at once
                    inserts.add(deliveryRow(id, d));
                } else {
                    updates.add(new DeliveryWrite(id, d, existing.get().claim()));
                }
                entry = entry.with(d);
            }
            if (locked.get(sequence).scheduled()) {
                // a timer's first claim: it is no longer pending, its key is free again
                summaries.add(entry);
            }
        }
        session.batch(INSERT_DELIVERY, inserts);
        writeDeliveries(updates, false, "claiming deliveries");
        writeSummaries(summaries, "claiming timers");
        return List.copyOf(claimed);
    }

    /**
     * Whether the entry's delivery to the sink is due at {@code now}: open and next due by then, or
     * not made yet and the entry occurred by then (as {@link #DUE_BY_KEY} and {@link #DUE_OF_FIRST} read it).
     */
    private static boolean due(OutboxEntry entry, String sink, Instant now) {
        return entry.delivery(sink).map(d -> d.status() != DeliveryStatus.DELIVERED && d.status() != DeliveryStatus.DEAD_LETTER
                && !d.nextAttemptAt().isAfter(now)).orElse(!entry.message().occurredAt().isAfter(now));
    }

    @Override
    public boolean renew(OutboxClaim claim, Instant leaseUntil) {
        Require.nonNull(leaseUntil, "leaseUntil");
        Instant lease = SqlParameters.storedInstant(leaseUntil);
        return changeClaimed(claim, d -> new SinkDelivery(d.sink(), d.status(), d.attempts(), lease, d.lastError(),
                d.deliveredAt(), d.claim()));
    }

    @Override
    public boolean markDelivered(OutboxClaim claim, Instant at) {
        Require.nonNull(at, "at");
        Instant stored = SqlParameters.storedInstant(at);
        return changeClaimed(claim, d -> new SinkDelivery(d.sink(), DeliveryStatus.DELIVERED, claim.attempt(), stored,
                d.lastError(), stored, d.claim()));
    }

    @Override
    public boolean markFailed(OutboxClaim claim, Instant nextAttemptAt, String error) {
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
        Require.nonBlank(error, "error");
        Instant next = SqlParameters.storedInstant(nextAttemptAt);
        return changeClaimed(claim, d -> new SinkDelivery(d.sink(), DeliveryStatus.FAILED, claim.attempt(), next, error,
                null, d.claim()));
    }

    @Override
    public boolean markDeadLetter(OutboxClaim claim, Instant at, String error) {
        Require.nonNull(at, "at");
        Require.nonBlank(error, "error");
        Instant stored = SqlParameters.storedInstant(at);
        return changeClaimed(claim, d -> new SinkDelivery(d.sink(), DeliveryStatus.DEAD_LETTER, claim.attempt(), stored,
                error, null, d.claim()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>In a few statements for the whole list, whatever its length: the entries are locked in
     * sequence order ({@code SELECT ... ORDER BY sequence_number FOR UPDATE}, waiting for another
     * transaction's lock), their deliveries read, and the deliveries whose claims hold and the
     * entries' summed-up status are written as two JDBC batches.
     */
    @Override
    public List<Boolean> markAll(List<OutboxMark> marks) {
        List<OutboxMark> checked = OutboxMark.distinct(marks);
        requireTransaction();
        if (checked.isEmpty()) {
            return List.of();
        }
        List<OutboxMark> stored = checked.stream().map(JdbcOutbox::stored).toList();
        List<OutboxClaim> bySequence = stored.stream().map(OutboxMark::claim)
                .sorted(Comparator.comparingLong(OutboxClaim::sequence)).toList();
        List<Object> ids = bySequence.stream().map(c -> (Object) c.message().eventId()).distinct().toList();
        List<EventId> present = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            present.addAll(session.query("SELECT event_id FROM keyline_outbox WHERE event_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY sequence_number FOR UPDATE",
                    row -> row.eventId("event_id"), chunk.toArray()));
        }
        Map<EventId, List<SinkDelivery>> deliveries = deliveriesOf(present);
        Set<EventId> lockedIds = new HashSet<>(present);
        Map<EventId, OutboxEntry> entries = new HashMap<>();
        for (OutboxClaim c : bySequence) {
            EventId id = c.message().eventId();
            if (lockedIds.contains(id) && !entries.containsKey(id)) {
                entries.put(id, new OutboxEntry(c.sequence(), c.message(), deliveries.getOrDefault(id, List.of())));
            }
        }
        List<Boolean> held = new ArrayList<>(stored.size());
        List<DeliveryWrite> updates = new ArrayList<>();
        Map<EventId, OutboxEntry> changed = new LinkedHashMap<>();
        for (OutboxMark m : stored) {
            OutboxClaim c = m.claim();
            OutboxEntry entry = entries.get(c.message().eventId());
            Optional<SinkDelivery> delivery = entry == null ? Optional.empty() : entry.delivery(c.sink());
            if (delivery.isEmpty() || !delivery.get().heldBy(c)) {
                held.add(false);
                continue;
            }
            SinkDelivery d = m.applyTo(delivery.get());
            updates.add(new DeliveryWrite(c.message().eventId(), d, c.token()));
            entry = entry.with(d);
            entries.put(c.message().eventId(), entry);
            changed.put(c.message().eventId(), entry);
            held.add(true);
        }
        writeDeliveries(updates, true, "recording outcomes");
        writeSummaries(new ArrayList<>(changed.values()), "recording outcomes");
        return List.copyOf(held);
    }

    @Override
    public void requeue(EventId eventId, String sink, Instant at) {
        Require.nonNull(eventId, "eventId");
        Require.nonBlank(sink, "sink");
        Require.nonNull(at, "at");
        requireTransaction();
        OutboxEntry entry = lockedEntry(eventId).orElseThrow(() -> notFound(eventId));
        SinkDelivery d = entry.delivery(sink).orElseThrow(() -> new NotFoundException("outbox entry " + eventId
                + " has no delivery to sink '" + sink + "'"));
        if (d.status() != DeliveryStatus.DEAD_LETTER) {
            throw new InvalidStateException("the delivery of outbox entry " + eventId + " to sink '" + sink + "' is "
                    + d.status() + "; only a DEAD_LETTER delivery can be requeued");
        }
        SinkDelivery requeued = new SinkDelivery(sink, DeliveryStatus.PENDING, d.attempts(), SqlParameters.storedInstant(at),
                d.lastError(), null, d.claim());
        writeDelivery(eventId, requeued);
        writeSummary(entry.with(requeued));
    }

    @Override
    public Optional<OutboxEntry> find(EventId eventId) {
        Require.nonNull(eventId, "eventId");
        requireTransaction();
        return withDeliveries(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o WHERE o.event_id = ?",
                JdbcOutbox::message, eventId)).stream().findFirst();
    }

    @Override
    public List<OutboxEntry> list(DeliveryStatus status, int limit) {
        Require.nonNull(status, "status");
        Require.positive(limit, "limit");
        requireTransaction();
        if (status == DeliveryStatus.DELIVERED || status == DeliveryStatus.DEAD_LETTER) {
            // a done entry's stored status is its status: the outcome that made it done wrote it
            return withDeliveries(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o WHERE o.status = ? "
                    + "ORDER BY o.sequence_number LIMIT ?", JdbcOutbox::message, status, limit));
        }
        // an open entry's stored status is the one its last outcome left (a claim does not write it;
        // a pending timer is stored as SCHEDULED): the open entries are read in pages and told apart
        // by their deliveries
        List<OutboxEntry> found = new ArrayList<>();
        long after = -1;
        int page = Math.max(limit, LIST_PAGE);
        while (found.size() < limit) {
            List<OutboxEntry> open = withDeliveries(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o "
                    + "WHERE o.status IN ('" + SCHEDULED + "', 'PENDING', 'IN_FLIGHT', 'FAILED') AND o.sequence_number > ? "
                    + "ORDER BY o.sequence_number LIMIT ?", JdbcOutbox::message, after, page));
            for (OutboxEntry entry : open) {
                if (entry.status() == status && found.size() < limit) {
                    found.add(entry);
                }
            }
            if (open.size() < page) {
                break;
            }
            after = open.get(open.size() - 1).sequence();
        }
        return List.copyOf(found);
    }

    @Override
    public List<OutboxEntry> deadLetters(String sink, int limit) {
        Require.nonBlank(sink, "sink");
        Require.positive(limit, "limit");
        requireTransaction();
        return withDeliveries(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o JOIN keyline_outbox_delivery d "
                + "ON d.event_id = o.event_id WHERE d.sink = ? AND d.status = 'DEAD_LETTER' "
                + "ORDER BY o.sequence_number LIMIT ?", JdbcOutbox::message, sink, limit));
    }

    @Override
    public int purgeDelivered(Instant olderThan, int limit) {
        Require.nonNull(olderThan, "olderThan");
        Require.positive(limit, "limit");
        requireTransaction();
        List<Long> old = session.query("SELECT sequence_number FROM keyline_outbox WHERE status = 'DELIVERED' "
                + "AND delivered_at < ? ORDER BY sequence_number LIMIT ?", row -> row.longValue("sequence_number"),
                olderThan, limit);
        if (old.isEmpty()) {
            return 0;
        }
        String placeholders = String.join(", ", Collections.nCopies(old.size(), "?"));
        List<Object> params = new ArrayList<>(old);
        params.add(olderThan);
        List<Long> locked = session.query("SELECT sequence_number FROM keyline_outbox WHERE sequence_number IN ("
                + placeholders + ") AND status = 'DELIVERED' AND delivered_at < ? FOR UPDATE SKIP LOCKED",
                row -> row.longValue("sequence_number"), params.toArray());
        if (locked.isEmpty()) {
            return 0;
        }
        String lockedPlaceholders = String.join(", ", Collections.nCopies(locked.size(), "?"));
        // the deliveries first, as the entries they belong to are still there to name them (no key
        // deletes them with their entry; see migration V4); the receipts go with the entries
        session.update(purgeDeliveries(session.dialect(), locked.size()), locked.toArray());
        return session.update("DELETE FROM keyline_outbox WHERE sequence_number IN (" + lockedPlaceholders
                + ") AND status = 'DELIVERED'", locked.toArray());
    }

    /**
     * Deletes the delivery rows of the entries with the {@code count} sequence numbers bound to its
     * placeholders: each entry looked up by primary key, its deliveries by theirs ({@code event_id}
     * leads it), so that a purge reads the rows it deletes and not the delivery table.
     *
     * <p>On PostgreSQL the event ids are gathered into an array first ({@code = ANY (ARRAY(SELECT
     * ...))}, run once before the delete): given {@code IN (SELECT ...)}, PostgreSQL may join the
     * chunk's entries with the whole delivery table by hashing (it did with 20,000 delivered entries
     * kept), and with statistics taken while the table was smaller it would go on reading the whole
     * table for every chunk however large it had grown. An array it cannot see into leaves it the
     * lookups by key.
     */
    static String purgeDeliveries(SqlDialect dialect, int count) {
        String entries = "SELECT event_id FROM keyline_outbox WHERE sequence_number IN ("
                + String.join(", ", Collections.nCopies(count, "?")) + ")";
        return dialect == SqlDialect.POSTGRESQL
                ? "DELETE FROM keyline_outbox_delivery WHERE event_id = ANY (ARRAY(" + entries + "))"
                : "DELETE FROM keyline_outbox_delivery WHERE event_id IN (" + entries + ")";
    }

    @Override
    public boolean recordReceipt(String reaction, EventId eventId, Instant at) {
        Require.nonBlank(reaction, "reaction");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(at, "at");
        requireTransaction();
        // the entry's lock puts two transactions applying one event one after the other
        if (session.queryOne("SELECT sequence_number FROM keyline_outbox WHERE event_id = ? FOR UPDATE",
                row -> row.longValue("sequence_number"), eventId).isEmpty()) {
            throw new NotFoundException("no outbox entry for event " + eventId + "; reaction '" + reaction
                    + "' can only record a receipt for an entry of the outbox");
        }
        if (hasReceipt(reaction, eventId)) {
            return false;
        }
        session.update("INSERT INTO keyline_reaction_receipt (reaction, event_id, applied_at) VALUES (?, ?, ?)",
                reaction, eventId, at);
        return true;
    }

    @Override
    public boolean hasReceipt(String reaction, EventId eventId) {
        Require.nonBlank(reaction, "reaction");
        Require.nonNull(eventId, "eventId");
        requireTransaction();
        return session.queryOne("SELECT 1 AS present FROM keyline_reaction_receipt WHERE reaction = ? AND event_id = ?",
                row -> Boolean.TRUE, reaction, eventId).isPresent();
    }

    /** Locks the claim's entry, then changes its delivery if the claim still holds. */
    private boolean changeClaimed(OutboxClaim claim, UnaryOperator<SinkDelivery> after) {
        Require.nonNull(claim, "claim");
        requireTransaction();
        Optional<OutboxEntry> entry = lockedEntry(claim.message().eventId());
        Optional<SinkDelivery> delivery = entry.flatMap(e -> e.delivery(claim.sink()));
        if (delivery.isEmpty() || !delivery.get().heldBy(claim)) {
            return false;
        }
        SinkDelivery changed = after.apply(delivery.get());
        int rows = session.update(UPDATE_DELIVERY + " AND claim_number = ? AND status = 'IN_FLIGHT'",
                changed.status(), changed.attempts(), changed.nextAttemptAt(), changed.lastError(), changed.deliveredAt(),
                changed.claim(), claim.message().eventId(), claim.sink(), claim.token());
        if (rows != 1) {
            throw new CorruptStateException("the delivery of outbox entry " + claim.message().eventId() + " to sink '"
                    + claim.sink() + "' changed under the entry's lock");
        }
        writeSummary(entry.get().with(changed));
        return true;
    }

    /** The entry, its row locked until the transaction ends (waiting for another transaction's lock). */
    private Optional<OutboxEntry> lockedEntry(EventId eventId) {
        Optional<Long> sequence = session.queryOne("SELECT sequence_number FROM keyline_outbox WHERE event_id = ? FOR UPDATE",
                row -> row.longValue("sequence_number"), eventId);
        return sequence.map(this::entryBySequence);
    }

    private OutboxEntry entryBySequence(long sequence) {
        return withDeliveries(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o WHERE o.sequence_number = ?",
                JdbcOutbox::message, sequence)).stream().findFirst()
                .orElseThrow(() -> new CorruptStateException("outbox row " + sequence + " vanished under its lock"));
    }

    private void writeDelivery(EventId id, SinkDelivery d) {
        int rows = session.update(UPDATE_DELIVERY, d.status(), d.attempts(), d.nextAttemptAt(), d.lastError(),
                d.deliveredAt(), d.claim(), id, d.sink());
        if (rows != 1) {
            throw new CorruptStateException("the delivery of outbox entry " + id + " to sink '" + d.sink() + "' is missing");
        }
    }

    /**
     * Stores the entry's summed-up status and delivered-at time, and bumps its version. The entry
     * has deliveries by now, so a timer is no longer pending: its pending key is cleared.
     */
    private void writeSummary(OutboxEntry entry) {
        session.update(UPDATE_SUMMARY, summaryRow(entry));
    }

    /** The parameters of {@link #UPDATE_SUMMARY} for the entry. */
    private static Object[] summaryRow(OutboxEntry entry) {
        return new Object[] {entry.status(), entry.deliveredAt(), entry.sequence()};
    }

    /**
     * Writes delivery rows, each only while the row still has the claim number the write expects
     * (and, when {@code inFlight}, is IN_FLIGHT): on PostgreSQL one {@code UPDATE ... FROM unnest(...)}
     * for the whole list, elsewhere a JDBC batch. Every row must match; the caller holds the entries' locks.
     */
    private void writeDeliveries(List<DeliveryWrite> writes, boolean inFlight, String operation) {
        if (writes.isEmpty()) {
            return;
        }
        if (session.dialect() == SqlDialect.POSTGRESQL) {
            int n = writes.size();
            String[][] columns = new String[9][n];
            for (int i = 0; i < n; i++) {
                DeliveryWrite w = writes.get(i);
                SinkDelivery d = w.delivery();
                columns[0][i] = d.status().name();
                columns[1][i] = Integer.toString(d.attempts());
                columns[2][i] = text(d.nextAttemptAt());
                columns[3][i] = d.lastError();
                columns[4][i] = text(d.deliveredAt());
                columns[5][i] = Long.toString(d.claim());
                columns[6][i] = w.eventId().value().toString();
                columns[7][i] = d.sink();
                columns[8][i] = Long.toString(w.expectedClaim());
            }
            Object[] arrays = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                arrays[c] = session.textArray(columns[c]);
            }
            expectRows(session.update(inFlight ? UPDATE_IN_FLIGHT_DELIVERIES_POSTGRESQL : UPDATE_DELIVERIES_POSTGRESQL, arrays), n,
                    operation);
            return;
        }
        List<Object[]> rows = new ArrayList<>(writes.size());
        for (DeliveryWrite w : writes) {
            SinkDelivery d = w.delivery();
            rows.add(new Object[] {d.status(), d.attempts(), d.nextAttemptAt(), d.lastError(), d.deliveredAt(), d.claim(),
                    w.eventId(), d.sink(), w.expectedClaim()});
        }
        String fence = inFlight ? " AND status = 'IN_FLIGHT'" : "";
        expectOneEach(session.batch(UPDATE_DELIVERY + " AND claim_number = ?" + fence, rows), operation);
    }

    /** Writes the entries' summed-up status (see {@link #UPDATE_SUMMARY}): on PostgreSQL in one statement, elsewhere a JDBC batch. */
    private void writeSummaries(List<OutboxEntry> entries, String operation) {
        if (entries.isEmpty()) {
            return;
        }
        if (session.dialect() == SqlDialect.POSTGRESQL) {
            int n = entries.size();
            String[] statuses = new String[n];
            String[] deliveredAt = new String[n];
            String[] sequences = new String[n];
            for (int i = 0; i < n; i++) {
                OutboxEntry e = entries.get(i);
                statuses[i] = e.status().name();
                deliveredAt[i] = text(e.deliveredAt());
                sequences[i] = Long.toString(e.sequence());
            }
            expectRows(session.update(UPDATE_SUMMARIES_POSTGRESQL, session.textArray(statuses),
                    session.textArray(deliveredAt), session.textArray(sequences)), n, operation);
            return;
        }
        expectOneEach(session.batch(UPDATE_SUMMARY, entries.stream().map(JdbcOutbox::summaryRow).toList()), operation);
    }

    /** An instant as PostgreSQL reads a {@code timestamptz}, truncated to the stored microseconds; null stays null. */
    private static String text(Instant instant) {
        return instant == null ? null : SqlParameters.storedInstantText(instant);
    }

    private static void expectRows(int changed, int expected, String operation) {
        if (changed != expected) {
            throw new CorruptStateException(operation + ": " + changed + " outbox rows changed instead of " + expected
                    + "; a row changed under its entry's lock or is missing");
        }
    }

    /** Fails unless every statement of a batch changed exactly one row (or the driver did not say). */
    private static void expectOneEach(int[] counts, String operation) {
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new CorruptStateException(operation + ": an outbox row changed under its entry's lock or is missing "
                        + "(a statement of the batch changed " + count + " rows instead of one)");
            }
        }
    }

    /** The mark with its time truncated to what the database stores. */
    private static OutboxMark stored(OutboxMark m) {
        return new OutboxMark(m.claim(), m.status(), SqlParameters.storedInstant(m.at()), m.error());
    }

    private static Object[] deliveryRow(EventId id, SinkDelivery d) {
        return new Object[] {id, d.sink(), d.status(), d.attempts(), d.nextAttemptAt(), d.lastError(), d.deliveredAt(),
                d.claim()};
    }

    /** The deliveries of the given entries, by event id (an entry without deliveries has no key). */
    private Map<EventId, List<SinkDelivery>> deliveriesOf(List<EventId> ids) {
        Map<EventId, List<SinkDelivery>> deliveries = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<EventId> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            session.query("SELECT " + DELIVERY_COLUMNS + " FROM keyline_outbox_delivery WHERE event_id IN ("
                    + placeholders + ")", row -> deliveries.computeIfAbsent(row.eventId("event_id"), k -> new ArrayList<>())
                    .add(delivery(row)), chunk.toArray());
        }
        return deliveries;
    }

    /** The entries of the given messages with their deliveries, in the messages' order. */
    private List<OutboxEntry> withDeliveries(List<SequencedMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<EventId, List<SinkDelivery>> deliveries = deliveriesOf(messages.stream().map(m -> m.message().eventId()).toList());
        List<OutboxEntry> entries = new ArrayList<>(messages.size());
        for (SequencedMessage m : messages) {
            try {
                entries.add(new OutboxEntry(m.sequence(), m.message(), deliveries.getOrDefault(m.message().eventId(),
                        List.of()), m.timerKey()));
            } catch (KeylineException e) {
                throw new CorruptStateException("outbox row " + m.sequence() + " has invalid deliveries: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private void requireTransaction() {
        if (!session.transactions().isActive()) {
            throw new InvalidStateException("the outbox must be used inside a transaction of its provider");
        }
    }

    private static NotFoundException notFound(EventId eventId) {
        return new NotFoundException("no outbox entry with event id " + eventId);
    }

    private static SequencedMessage message(Row row) {
        long sequence = row.longValue("sequence_number");
        try {
            Audience audience = new Audience(row.string("audience_role"), row.string("audience_organisation_unit"),
                    row.string("audience_account_id"), row.string("audience_station_id"), row.string("audience_subject"));
            return new SequencedMessage(sequence, new OutboxMessage(row.eventId("event_id"), row.string("aggregate_id"),
                    row.string("event_type"), row.instant("occurred_at"), audience, row.string("payload")),
                    row.string("timer_key"));
        } catch (CorruptStateException e) {
            throw new CorruptStateException("outbox row " + sequence + ": " + e.getMessage(), e);
        } catch (KeylineException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new CorruptStateException("outbox row " + sequence + " is invalid: " + e.getMessage(), e);
        }
    }

    private static SinkDelivery delivery(Row row) {
        try {
            return new SinkDelivery(row.string("sink"), row.enumValue("status", DeliveryStatus.class), row.intValue("attempts"),
                    row.instant("next_attempt_at"), row.string("last_error"), row.instant("delivered_at"),
                    row.longValue("claim_number"));
        } catch (KeylineException e) {
            if (e instanceof StorageException || e instanceof CorruptStateException) {
                throw e;
            }
            throw new CorruptStateException("an outbox delivery row is invalid: " + e.getMessage(), e);
        }
    }

    /** A message as read, with its sequence number and its timer key (null when it is not a timer). */
    private record SequencedMessage(long sequence, OutboxMessage message, String timerKey) {
    }

    /** A delivery row to write, where the row still has the claim number {@code expectedClaim}. */
    private record DeliveryWrite(EventId eventId, SinkDelivery delivery, long expectedClaim) {
    }

    /** An entry locked for a claim: its message as read under the lock, its version, and whether it is a timer no relay claimed yet. */
    private record LockedEntry(SequencedMessage message, long version, boolean scheduled) {
    }

    /** A due delivery as read: the entry's sequence, the version its claim must still find, and the sink. */
    private record Candidate(long sequence, long version, String sink) {
    }
}
