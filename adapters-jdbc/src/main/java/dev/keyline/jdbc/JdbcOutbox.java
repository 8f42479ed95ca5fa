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
import java.util.Arrays;
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
 * The outbox in the tables {@code keyline_outbox}, {@code keyline_outbox_delivery},
 * {@code keyline_outbox_claim} and {@code keyline_reaction_receipt} (created by migration
 * {@code V1__outbox.sql}; timers added by {@code V2__outbox_timers.sql}; the claim's indexes on
 * PostgreSQL by {@link dev.keyline.jdbc.migration.V3__outbox_claim_indexes}; the delivery rows'
 * foreign key to their entry dropped by {@code V4__outbox_delivery_without_foreign_key.sql}; the
 * claim rows and the delivered sink added by {@code V5__outbox_claims.sql}).
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
 *
 * <p><b>Where the deliveries are.</b> Most deliveries are a relay's first and only attempt to its one
 * sink, and those get no delivery row: a claim by a relay with one sink lists the entries that had no
 * delivery in one {@code keyline_outbox_claim} row for the batch (sink, lease end, sequence numbers),
 * each then IN_FLIGHT under claim number 1; a DELIVERED mark of such a delivery records the sink in
 * the entry's {@code delivered_sink} with its status and time; and the marks remove their entries
 * from the claim row, deleting it once it lists none. So such a relay writes the entry's row once per
 * event and a claim row per batch. Anything else (several sinks, a failure, a dead letter, a renewal,
 * a claim again after the lease ended, a second sink's claim) writes the entry's deliveries as rows,
 * and an entry's rows, where it has any, are its deliveries; see {@link Form}. The claim rows are few
 * (about one per batch in flight), and are read whole where an entry may be in one;
 * {@link #purgeDelivered} deletes those a relay left behind once none of their entries is theirs.
 *
 * <p>Times are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC with microsecond precision: instants
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
 * batch each (on PostgreSQL the update is one {@code UPDATE ... FROM unnest(...)}), or the batch's
 * one claim row, so a claim of a hundred deliveries costs a handful of round trips, not a few per
 * delivery. An entry without delivery rows that an unexpired claim row of the sink lists is in
 * flight, and the candidates' query passes over it (the list is read first, and given to the query
 * as an array). The entry rows are
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
 * change the delivery only under the claim's number (a delivery row {@code ... WHERE claim_number = ?
 * AND status = 'IN_FLIGHT'}, or claim number 1 for an entry a claim row lists); a claim that no
 * longer holds changes nothing and the method returns {@code false}. Locking the entry first, as
 * claims do, keeps the lock order the same everywhere; a claim row is locked after the entries
 * ({@code FOR UPDATE}, read again) before the marks shorten it. The single marks are
 * {@link #markAll} of one mark, which does it for a whole batch in a few statements: it locks the
 * entries in sequence order in one query, reads their deliveries (the rows in one query, and the
 * claim rows), and writes the delivery rows whose claims hold, the entries' status and the claim
 * rows with one statement each on PostgreSQL and a JDBC batch each elsewhere.
 *
 * <p>Every method must be called inside a transaction of the same provider's
 * {@link JdbcTransactions}; outside one it throws {@link InvalidStateException}.
 */
public final class JdbcOutbox implements Outbox {

    private static final String COLUMNS = "o.sequence_number, o.event_id, o.aggregate_id, o.event_type, o.occurred_at, "
            + "o.audience_role, o.audience_organisation_unit, o.audience_account_id, o.audience_station_id, "
            + "o.audience_subject, o.payload, o.timer_key, o.delivered_sink, o.delivered_at";

    private static final String CLAIM_COLUMNS = "claim_id, sink, lease_until, sequences";

    private static final String INSERT_CLAIM = "INSERT INTO keyline_outbox_claim (sink, lease_until, sequences) VALUES (?, ?, ?)";

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
     * columns, the stored status, the version (0), then the timer key, the pending timer key and
     * the due time (null for an event). Placeholders only, so that many rows go as one copy on
     * PostgreSQL (see {@link PostgresCopy}).
     */
    private static final String INSERT = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload, status, version, timer_key, pending_timer_key, timer_due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String DELETE_PENDING_TIMER = "DELETE FROM keyline_outbox WHERE pending_timer_key = ? "
            + "AND status = '" + SCHEDULED + "'";

    /** The open statuses: an entry stored with one of them takes part in claims. */
    private static final String OPEN = "('PENDING', 'IN_FLIGHT', 'FAILED')";

    /**
     * One branch of {@link #CLAIMABLE_PAGE}: the rows {@code o} the condition given for the first
     * {@code %s} selects, in the order of the sequence number expression given for the second
     * {@code %s}, from after a sequence number up to a limit, each with what the claim needs to know of it for the sink: its aggregate, whether it
     * occurred by now, and its delivery row's state for the sink ({@code done}, {@code due} or
     * {@code waiting}; null without a row). Parameters: now, sink, now, those of the condition, the
     * sequence number to start after, the limit.
     *
     * <p>Each row's delivery to the sink is read by a correlated scalar subquery, which the database
     * runs once per row as a lookup, never as a join that could read the whole delivery table once
     * per row. The sink is compared as {@code sink || ''}: an expression no index on the sink column
     * can serve, so the one index left for the lookup is the primary key ({@code event_id} leads it),
     * whatever the statistics of the delivery table say.
     */
    private static final String CLAIMABLE_BRANCH = "(SELECT o.sequence_number, o.version, o.aggregate_id, "
            + "(SELECT CASE WHEN d.status IN " + DONE + " THEN 'done' WHEN d.next_attempt_at <= ? THEN 'due' "
            + "ELSE 'waiting' END FROM keyline_outbox_delivery d WHERE d.event_id = o.event_id AND d.sink || '' = ?) "
            + "AS delivery, o.occurred_at <= ? AS occurred FROM keyline_outbox o WHERE %1$s AND %2$s > ? "
            + "ORDER BY %2$s LIMIT ?)";

    /**
     * On PostgreSQL, a page of the claimable rows in sequence order, for the claim to walk
     * ({@link #dueOnPostgresql}); parameters as {@link #claimablePageParameters} gives them.
     *
     * <p>Two branches of {@link #CLAIMABLE_BRANCH}, each in sequence order and each stopping at the
     * page's size, merged: the entries with an open status, and the timers (stored as
     * {@code SCHEDULED}, so no row is in both) due by now. Together they are exactly the claimable
     * rows. Each branch is an ordered walk of an index that holds only its rows (migration
     * {@code V3}: the open entries, the pending timers), so a page reads as many rows as it returns,
     * however many delivered entries wait to be purged. A single condition {@code open OR due timer}
     * can only be served by the primary key, walking the delivered history first, or by reading every
     * claimable row and sorting them. The timers' branch orders by {@code sequence_number + 0}, an
     * expression the primary key cannot serve, and starts after the page's sequence number in the
     * same form: with its generic plan (a statement run many times) PostgreSQL otherwise judged that
     * walking the primary key until it met enough due timers was cheaper than reading the due-time
     * index, and walked every delivered entry when no timer was due. It reads the due timers by their
     * index and sorts them; those are only what has come due since the last claims.
     *
     * <p>Which of the rows no earlier entry of its aggregate holds back is decided by the walk, not by
     * the query: as the walk starts at the oldest claimable row, an aggregate's earlier claimable
     * entries come before its later ones. The query asked it once per candidate before ({@code NOT
     * EXISTS} an earlier entry of the aggregate not done for the sink), which PostgreSQL ran as an
     * anti-join whose generic plan probed the aggregate index with a bitmap scan per candidate; a
     * bitmap scan neither stops at the first entry nor marks the index entries of dead row versions as
     * dead, so every probe visited every version of the aggregate's entries written since the table
     * was last vacuumed: 241 per probe and 140 ms for a claim of 500, half a minute into the outbox
     * benchmark, where the walk reads the same rows in a few milliseconds.
     */
    static final String CLAIMABLE_PAGE = "SELECT c.sequence_number, c.version, c.aggregate_id, c.delivery, c.occurred "
            + "FROM (" + String.format(CLAIMABLE_BRANCH, "o.status IN " + OPEN, "o.sequence_number") + " UNION ALL "
            + String.format(CLAIMABLE_BRANCH, "o.status NOT IN " + OPEN + " AND o.timer_due_at <= ?", "o.sequence_number + 0")
            + ") c ORDER BY c.sequence_number LIMIT ?";

    /**
     * The parameters of {@link #CLAIMABLE_PAGE}.
     *
     * @param now the claim's time
     * @param sink the sink
     * @param after the sequence number the page starts after
     * @param size the most rows to return
     * @return the parameters in order
     */
    static Object[] claimablePageParameters(Instant now, String sink, long after, int size) {
        return new Object[] {now, sink, now, after, size, now, sink, now, now, after, size, size};
    }

    /** The rows of a page of {@link #CLAIMABLE_PAGE} the claim reads at most, for a claim of up to {@code limit}. */
    private static int pageSize(int limit) {
        // three entries per aggregate in a backlog fit in one page
        return (int) Math.min(5_000, Math.max(100, 3L * limit));
    }

    /**
     * Per sink, on H2, the first entry of each aggregate that is claimable and not done for the
     * sink: exactly the entries no earlier entry holds back, due or not; parameters: sink, now. The
     * claim on H2 reads these first, then which of them are due ({@link #DUE_OF_FIRST}).
     *
     * <p>PostgreSQL's earlier query asked the same with a {@code NOT EXISTS} per candidate, and so did H2's
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
    static final String DUE_OF_FIRST = "SELECT o.sequence_number, o.version, d.sink AS delivery_sink FROM keyline_outbox o "
            + "LEFT JOIN keyline_outbox_delivery d ON d.event_id = o.event_id AND d.sink = ? "
            + "WHERE o.sequence_number IN (%s) AND COALESCE(d.next_attempt_at, o.occurred_at) <= ? "
            + "ORDER BY o.sequence_number";

    private static final String LOCK = "SELECT " + COLUMNS + ", o.version, o.status FROM keyline_outbox o "
            + "WHERE %s FOR UPDATE SKIP LOCKED";

    private static final String INSERT_DELIVERY = "INSERT INTO keyline_outbox_delivery (" + DELIVERY_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE_DELIVERY = "UPDATE keyline_outbox_delivery SET status = ?, attempts = ?, "
            + "next_attempt_at = ?, last_error = ?, delivered_at = ?, claim_number = ? WHERE event_id = ? AND sink = ?";

    /**
     * Stores an entry's summed-up status and delivered-at time and bumps its version; its deliveries
     * exist by now, so a timer is no longer pending and its pending key and due time are cleared.
     */
    private static final String UPDATE_SUMMARY = "UPDATE keyline_outbox SET status = ?, delivered_at = ?, "
            + "delivered_sink = ?, pending_timer_key = NULL, timer_due_at = NULL, version = version + 1 "
            + "WHERE sequence_number = ?";

    /**
     * {@link #UPDATE_SUMMARY} for many entries in one statement on PostgreSQL: text arrays of status,
     * delivered-at, delivered sink, sequence, and the sequences again.
     *
     * <p>The rows are found by {@code o.sequence_number = ANY(...)}, one scan of the primary key for
     * the whole batch, whose sequence numbers lie together in the index; the join to the
     * {@code unnest} only gives each row its values. Joined on the sequence alone, PostgreSQL looks
     * each row up with a descent of the index of its own (a nested loop over the {@code unnest}),
     * which took about 4 µs per entry more in a batch of 500.
     */
    static final String UPDATE_SUMMARIES_POSTGRESQL = "UPDATE keyline_outbox o SET status = v.status, "
            + "delivered_at = v.delivered_at, delivered_sink = v.delivered_sink, pending_timer_key = NULL, "
            + "timer_due_at = NULL, version = o.version + 1 "
            + "FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::bigint[]) "
            + "AS v(status, delivered_at, delivered_sink, sequence_number) "
            + "WHERE o.sequence_number = ANY(?::bigint[]) AND o.sequence_number = v.sequence_number";

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
                    a.accountId(), a.stationId(), a.subject(), m.payload(), "PENDING", 0L, null, null, null});
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
        // a timer of the key this transaction queued, or a queued delete of it, must be sent before
        // the delete that reports: it then sees them; otherwise the delete runs ahead of the queued
        // writes, which stay queued, so that the timer's row goes in one batch with the command's events
        boolean replaced = (queuedTimers().contains(timerKey) ? session.update(DELETE_PENDING_TIMER, timerKey)
                : session.updateAheadOfQueuedWrites(DELETE_PENDING_TIMER, timerKey)) > 0;
        queueTimer(message, timerKey);
        return replaced;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Where the session sends statements together (PostgreSQL), the pending timer's delete is
     * queued with the transaction's other writes, ahead of the new timer's row, instead of sent at
     * once: a command that sets a timer then writes in one round trip. The queue keeps their order,
     * so the delete sees a timer of the key queued before it, and the row goes after the delete.
     * Elsewhere (H2) this is {@link #schedule}: its delete runs ahead of the queued writes, so that
     * the timer's row goes in one batch with the command's events, one statement fewer than a
     * queued delete between them.
     */
    @Override
    public void setTimer(OutboxMessage message, String timerKey) {
        if (!session.sendsQueriesTogether()) {
            schedule(message, timerKey);
            return;
        }
        Require.nonNull(message, "message");
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        requireTransaction();
        session.queueDelete(DELETE_PENDING_TIMER, "keyline_outbox", List.of(), timerKey);
        queueTimer(message, timerKey);
    }

    /** Queues a timer's row and records its key among the transaction's queued timers. */
    private void queueTimer(OutboxMessage message, String timerKey) {
        queuedTimers().add(timerKey);
        Audience a = message.audience();
        // queued after the command's events, and sent in one batch with them: a taken key is
        // reported when the batch is sent, before the transaction's next statement or its commit
        session.queueInsert(INSERT, "keyline_outbox", new Object[] {message.eventId(), message.aggregateId(), message.type(),
                message.occurredAt(), a.role(), a.organisationUnit(), a.accountId(), a.stationId(), a.subject(),
                message.payload(), SCHEDULED, 0L, timerKey, timerKey, message.occurredAt()}, message.eventId().toString(), timerKey,
                e -> {
                    if (SqlFailures.messages(e).toLowerCase(Locale.ROOT).contains("pending_timer_uk")) {
                        return new StaleVersionException("timer '" + timerKey + "' was scheduled by a concurrent "
                                + "transaction that committed first; run the command again to replace it", e);
                    }
                    return new AlreadyExistsException("an outbox entry with event id " + message.eventId()
                            + " already exists", e);
                });
    }

    /** The keys of the timers this transaction queued a row or a delete of. */
    private Set<String> queuedTimers() {
        return session.transactions().attachment(queuedTimersKey, HashSet::new);
    }

    /**
     * On PostgreSQL: the claimable rows walked in sequence order, a page at a time
     * ({@link #CLAIMABLE_PAGE}), keeping each aggregate's first one that is not done for the sink if
     * it is due, up to {@code limit}. A row done for the sink holds nothing back; any other holds back
     * the later rows of its aggregate, due or not. Without a delivery row, an entry is due once it
     * occurred, unless a claim row of the sink whose lease has not ended lists it.
     */
    private List<Candidate> dueOnPostgresql(String sink, Instant now, int limit, Set<Long> inFlight) {
        List<Candidate> due = new ArrayList<>();
        Set<String> reached = new HashSet<>();
        int size = pageSize(limit);
        long after = 0;
        while (due.size() < limit) {
            List<ClaimableRow> page = session.query(CLAIMABLE_PAGE, row -> new ClaimableRow(row.longValue("sequence_number"),
                    row.longValue("version"), row.string("aggregate_id"), row.string("delivery"),
                    row.bool("occurred")), claimablePageParameters(now, sink, after, size));
            for (ClaimableRow r : page) {
                if ("done".equals(r.delivery()) || !reached.add(r.aggregateId())) {
                    continue;
                }
                boolean isDue = r.delivery() == null ? r.occurred() && !inFlight.contains(r.sequence()) : "due".equals(r.delivery());
                if (isDue && due.size() < limit) {
                    due.add(new Candidate(r.sequence(), r.version(), sink));
                }
            }
            if (page.size() < size) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        return due;
    }

    /**
     * On H2: the first open entries of the aggregates for the sink, then those of them that are due,
     * in sequence order, up to {@code limit}.
     */
    private List<Candidate> dueOfFirstOpen(String sink, Instant now, int limit, Set<Long> inFlight) {
        List<Long> first = new ArrayList<>(session.query(FIRST_OPEN, row -> row.longValue("first_open"), sink, now));
        Collections.sort(first);
        List<Candidate> due = new ArrayList<>();
        for (int from = 0; from < first.size() && due.size() < limit; from += IN_LIST) {
            List<Long> chunk = first.subList(from, Math.min(first.size(), from + IN_LIST));
            List<Object> parameters = new ArrayList<>(chunk.size() + 2);
            parameters.add(sink);
            parameters.addAll(chunk);
            parameters.add(now);
            session.query(String.format(DUE_OF_FIRST, String.join(", ", Collections.nCopies(chunk.size(), "?"))), row -> {
                long sequence = row.longValue("sequence_number");
                // without a delivery row, an entry a claim row lists is in flight until its lease ends
                if (due.size() < limit && (row.string("delivery_sink") != null || !inFlight.contains(sequence))) {
                    due.add(new Candidate(sequence, row.longValue("version"), sink));
                }
                return null;
            }, parameters.toArray());
        }
        return due;
    }

    @Override
    public boolean cancelTimer(String timerKey) {
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        requireTransaction();
        return session.update(DELETE_PENDING_TIMER, timerKey) > 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the delete is queued with the transaction's other writes instead of sent at once, and
     * sent before the transaction's next statement (so every read after it sees the timer gone) or
     * with its commit.
     */
    @Override
    public void clearTimer(String timerKey) {
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        requireTransaction();
        queuedTimers().add(timerKey);
        session.queueDelete(DELETE_PENDING_TIMER, "keyline_outbox", List.of(), timerKey);
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
        TreeSet<String> names = new TreeSet<>(Require.nonNullElements(sinks, "sinks"));
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
            // the entries in flight to the sink in the claim rows of unexpired leases: without
            // delivery rows, nothing else says they are not due
            Set<Long> inFlight = claimedSequences(sink, now);
            if (byKey) {
                candidates.addAll(dueOnPostgresql(sink, now, limit, inFlight));
            } else {
                candidates.addAll(dueOfFirstOpen(sink, now, limit, inFlight));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingLong(Candidate::sequence).thenComparing(Candidate::sink));
        Object[] sequences = candidates.stream().map(Candidate::sequence).distinct().toArray();
        Map<Long, LockedEntry> locked = new HashMap<>();
        session.query(String.format(LOCK, oneOf("o.sequence_number", "bigint", sequences.length)),
                row -> locked.put(row.longValue("sequence_number"), new LockedEntry(message(row), row.longValue("version"),
                        SCHEDULED.equals(row.string("status")))), oneOfParameters(Arrays.asList(sequences)));
        // the candidates' entries as they are now, under their locks, at the version the candidates were read at
        Map<Long, Loaded> current = new HashMap<>();
        load(candidates.stream().filter(c -> {
            LockedEntry entry = locked.get(c.sequence);
            return entry != null && entry.version() == c.version;
        }).map(c -> c.sequence).distinct().map(s -> locked.get(s).message()).toList())
                .forEach(l -> current.put(l.entry().sequence(), l));
        Map<Long, List<String>> toClaim = new LinkedHashMap<>();
        int count = 0;
        for (Candidate c : candidates) {
            Loaded entry = current.get(c.sequence);
            // a claim does not change the entry's row, only its delivery: a delivery another relay
            // claimed since the candidates were read is in flight under a lease, and so not due
            if (count < limit && entry != null && due(entry.entry(), c.sink, now)) {
                toClaim.computeIfAbsent(c.sequence, s -> new ArrayList<>()).add(c.sink);
                count++;
            }
        }
        if (toClaim.isEmpty()) {
            return List.of();
        }
        String onlySink = names.size() == 1 ? names.first() : null;
        List<Long> inClaimRow = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<DeliveryWrite> updates = new ArrayList<>();
        List<OutboxEntry> summaries = new ArrayList<>();
        List<OutboxClaim> claimed = new ArrayList<>(count);
        for (long sequence : toClaim.keySet()) {
            Loaded before = current.get(sequence);
            OutboxEntry stored = before.entry();
            OutboxEntry entry = stored;
            EventId id = entry.message().eventId();
            List<String> claimSinks = toClaim.get(entry.sequence());
            List<SinkDelivery> changed = new ArrayList<>();
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
                changed.add(d);
                entry = entry.with(d);
            }
            if (onlySink != null && before.form() == Form.NONE) {
                // the first delivery of an entry to a relay with one sink: listed in the batch's claim row
                inClaimRow.add(sequence);
            } else if (before.form() == Form.ROWS) {
                for (SinkDelivery d : changed) {
                    Optional<SinkDelivery> existing = stored.delivery(d.sink());
                    if (existing.isEmpty()) {
                        // a delivery first made by this claim goes in as claimed at once
                        inserts.add(deliveryRow(id, d));
                    } else {
                        updates.add(new DeliveryWrite(id, d, existing.get().claim()));
                    }
                }
            } else {
                // no delivery rows yet (none made, or the one a claim row lists): all of them become rows
                for (SinkDelivery d : entry.deliveries()) {
                    inserts.add(deliveryRow(id, d));
                }
            }
            if (locked.get(sequence).scheduled()) {
                // a timer's first claim: it is no longer pending, its key is free again
                summaries.add(entry);
            }
        }
        session.batch(INSERT_DELIVERY, inserts);
        writeDeliveries(updates, false, "claiming deliveries");
        writeSummaries(summaries, List.of(), "claiming timers");
        if (!inClaimRow.isEmpty()) {
            session.update(INSERT_CLAIM, onlySink, lease, sequencesText(inClaimRow));
        }
        return List.copyOf(claimed);
    }

    /**
     * The sequence numbers of the entries listed by the sink's claim rows whose lease ends after
     * {@code now} (the delivery rows, where an entry has them, say more).
     */
    private Set<Long> claimedSequences(String sink, Instant now) {
        Set<Long> sequences = new HashSet<>();
        session.query("SELECT sequences FROM keyline_outbox_claim WHERE sink = ? AND lease_until > ?",
                row -> {
                    for (long sequence : parseSequences(row.string("sequences"))) {
                        sequences.add(sequence);
                    }
                    return null;
                }, sink, now);
        return sequences;
    }

    /**
     * Whether the entry's delivery to the sink is due at {@code now}: open and next due by then, or
     * not made yet and the entry occurred by then (as {@link #CLAIMABLE_PAGE} and {@link #DUE_OF_FIRST} read it).
     */
    private static boolean due(OutboxEntry entry, String sink, Instant now) {
        return entry.delivery(sink).map(d -> d.status() != DeliveryStatus.DELIVERED && d.status() != DeliveryStatus.DEAD_LETTER
                && !d.nextAttemptAt().isAfter(now)).orElse(!entry.message().occurredAt().isAfter(now));
    }

    @Override
    public boolean renew(OutboxClaim claim, Instant leaseUntil) {
        Require.nonNull(claim, "claim");
        Require.nonNull(leaseUntil, "leaseUntil");
        requireTransaction();
        Instant lease = SqlParameters.storedInstant(leaseUntil);
        // a claim that names another entry's sequence holds nothing, as in markAll
        Optional<Loaded> loaded = lockedEntry(claim.message().eventId()).filter(l -> l.entry().sequence() == claim.sequence());
        Optional<SinkDelivery> delivery = loaded.flatMap(l -> l.entry().delivery(claim.sink()));
        if (delivery.isEmpty() || !delivery.get().heldBy(claim)) {
            return false;
        }
        SinkDelivery d = delivery.get();
        SinkDelivery renewed = new SinkDelivery(d.sink(), d.status(), d.attempts(), lease, d.lastError(), d.deliveredAt(),
                d.claim());
        OutboxEntry after = loaded.get().entry().with(renewed);
        if (loaded.get().form() == Form.ROWS) {
            writeDeliveries(List.of(new DeliveryWrite(claim.message().eventId(), renewed, claim.token())), true,
                    "renewing a claim");
        } else {
            // the delivery a claim row lists gets a row of its own, with its own lease; the claim row
            // goes on listing the entry until it is marked (a row outranks it)
            session.batch(INSERT_DELIVERY, List.<Object[]>of(deliveryRow(claim.message().eventId(), renewed)));
        }
        writeSummaries(List.of(after), List.of(), "renewing a claim");
        return true;
    }

    @Override
    public boolean markDelivered(OutboxClaim claim, Instant at) {
        Require.nonNull(claim, "claim");
        return markAll(List.of(OutboxMark.delivered(claim, at))).get(0);
    }

    @Override
    public boolean markFailed(OutboxClaim claim, Instant nextAttemptAt, String error) {
        Require.nonNull(claim, "claim");
        return markAll(List.of(OutboxMark.failed(claim, nextAttemptAt, error))).get(0);
    }

    @Override
    public boolean markDeadLetter(OutboxClaim claim, Instant at, String error) {
        Require.nonNull(claim, "claim");
        return markAll(List.of(OutboxMark.deadLetter(claim, at, error))).get(0);
    }

    /**
     * {@inheritDoc}
     *
     * <p>In a few statements for the whole list, whatever its length: the entries are locked by
     * their claims' sequence numbers in sequence order ({@code SELECT ... ORDER BY sequence_number
     * FOR UPDATE}, waiting for another transaction's lock; a row whose event id is not the claim's
     * counts as no entry), their deliveries read (the delivery rows, and the claim rows that list
     * entries without any), and the changed delivery rows, the entries' summed-up status and the
     * claim rows whose entries were marked are written with a statement or JDBC batch each. A
     * delivery a claim row lists that is marked DELIVERED writes no delivery row: its entry records
     * the sink (see migration {@code V5}).
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
        // the entries by primary key, not by event id: the sequence numbers of a batch lie close
        // together in the key's index, where random event ids cost an index descent each (on
        // PostgreSQL about 3 µs per entry more); a row whose event id is not the claim's is not its entry
        Map<Long, Set<EventId>> claimedIds = new HashMap<>(bySequence.size() * 2);
        bySequence.forEach(c -> claimedIds.computeIfAbsent(c.sequence(), k -> new HashSet<>(2)).add(c.message().eventId()));
        List<Object> sequences = bySequence.stream().map(c -> (Object) c.sequence()).distinct().toList();
        Map<EventId, Settled> present = new HashMap<>(sequences.size() * 2);
        for (int from = 0; from < sequences.size(); from += IN_LIST) {
            List<Object> chunk = sequences.subList(from, Math.min(sequences.size(), from + IN_LIST));
            session.query("SELECT sequence_number, event_id, delivered_sink, delivered_at FROM keyline_outbox WHERE "
                    + oneOf("sequence_number", "bigint", chunk.size()) + " ORDER BY sequence_number FOR UPDATE",
                    row -> {
                        EventId id = row.eventId("event_id");
                        if (claimedIds.get(row.longValue("sequence_number")).contains(id)) {
                            present.put(id, new Settled(row.string("delivered_sink"), row.instant("delivered_at")));
                        }
                        return null;
                    }, oneOfParameters(chunk));
        }
        Map<EventId, List<SinkDelivery>> deliveries = deliveriesOf(new ArrayList<>(present.keySet()));
        // the claim rows, when an entry may be in one: it has neither delivery rows nor a delivered
        // sink, or a mark's delivery is under its first claim (it may have got its row by a renewal
        // or by a claim for another sink, and the claim row still lists it)
        boolean listed = stored.stream().anyMatch(m -> m.claim().token() == 1) || present.entrySet().stream()
                .anyMatch(e -> !deliveries.containsKey(e.getKey()) && e.getValue().deliveredSink() == null);
        List<ClaimRow> claimRows = listed ? claimRows() : List.of();
        Map<EventId, Loaded> entries = new HashMap<>();
        for (OutboxClaim c : bySequence) {
            EventId id = c.message().eventId();
            Settled settled = present.get(id);
            if (settled != null && !entries.containsKey(id)) {
                entries.put(id, loaded(c.sequence(), c.message(), null, deliveries.get(id), settled.deliveredSink(),
                        settled.deliveredAt(), claimRows));
            }
        }
        List<Boolean> held = new ArrayList<>(stored.size());
        List<DeliveryWrite> updates = new ArrayList<>();
        Map<EventId, OutboxEntry> changed = new LinkedHashMap<>();
        Map<Long, Set<Long>> unlisted = new HashMap<>();
        for (OutboxMark m : stored) {
            OutboxClaim c = m.claim();
            EventId id = c.message().eventId();
            Loaded before = entries.get(id);
            OutboxEntry entry = changed.containsKey(id) ? changed.get(id) : before == null ? null : before.entry();
            Optional<SinkDelivery> delivery = entry == null ? Optional.empty() : entry.delivery(c.sink());
            if (delivery.isEmpty() || !delivery.get().heldBy(c)) {
                held.add(false);
                continue;
            }
            SinkDelivery d = m.applyTo(delivery.get());
            if (before.form() == Form.ROWS) {
                updates.add(new DeliveryWrite(id, d, c.token()));
            }
            changed.put(id, entry.with(d));
            held.add(true);
            // the claim rows of the sink stop listing a marked entry: its lease no longer counts
            for (ClaimRow row : claimRows) {
                if (row.sink().equals(c.sink()) && row.lists(c.sequence())) {
                    unlisted.computeIfAbsent(row.id(), k -> new HashSet<>()).add(c.sequence());
                }
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        List<OutboxEntry> summaries = new ArrayList<>(changed.size());
        List<String> deliveredSinks = new ArrayList<>(changed.size());
        for (Map.Entry<EventId, OutboxEntry> e : changed.entrySet()) {
            OutboxEntry after = e.getValue();
            String deliveredSink = null;
            if (entries.get(e.getKey()).form() == Form.CLAIMED) {
                if (deliveredOnce(after)) {
                    // a claim row's delivery accepted at its first attempt: the entry records the sink
                    deliveredSink = after.deliveries().get(0).sink();
                } else {
                    for (SinkDelivery d : after.deliveries()) {
                        inserts.add(deliveryRow(e.getKey(), d));
                    }
                }
            }
            summaries.add(after);
            deliveredSinks.add(deliveredSink);
        }
        writeDeliveries(updates, true, "recording outcomes");
        session.batch(INSERT_DELIVERY, inserts);
        writeSummaries(summaries, deliveredSinks, "recording outcomes");
        unlist(unlisted);
        return List.copyOf(held);
    }

    /**
     * Whether the entry's deliveries are the one a claim row's delivery becomes when its first attempt
     * is accepted, which the entry's row records with the sink alone (see {@link Form#DELIVERED_ONCE}).
     */
    private static boolean deliveredOnce(OutboxEntry entry) {
        if (entry.deliveries().size() != 1) {
            return false;
        }
        SinkDelivery d = entry.deliveries().get(0);
        return d.status() == DeliveryStatus.DELIVERED && d.deliveredAt() != null
                && d.equals(deliveredOnce(d.sink(), d.deliveredAt()));
    }

    /** The delivery an entry with {@code delivered_sink} set has: DELIVERED at its first attempt under claim 1. */
    private static SinkDelivery deliveredOnce(String sink, Instant deliveredAt) {
        return new SinkDelivery(sink, DeliveryStatus.DELIVERED, 1, deliveredAt, null, deliveredAt, 1);
    }

    /**
     * Removes entries from claim rows, each row locked and read again first, so that two transactions
     * unlisting entries of one row never lose each other's change; a row left empty is deleted.
     *
     * @param unlisted the sequence numbers to remove, by claim row
     */
    private void unlist(Map<Long, Set<Long>> unlisted) {
        if (unlisted.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(unlisted.keySet());
        Collections.sort(ids);
        List<Object[]> shortened = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        session.query("SELECT claim_id, sequences FROM keyline_outbox_claim WHERE claim_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY claim_id FOR UPDATE", row -> {
                    long id = row.longValue("claim_id");
                    Set<Long> gone = unlisted.get(id);
                    List<Long> left = new ArrayList<>();
                    for (long sequence : parseSequences(row.string("sequences"))) {
                        if (!gone.contains(sequence)) {
                            left.add(sequence);
                        }
                    }
                    if (left.isEmpty()) {
                        emptied.add(new Object[] {id});
                    } else {
                        shortened.add(new Object[] {sequencesText(left), id});
                    }
                    return null;
                }, ids.toArray());
        session.batch("DELETE FROM keyline_outbox_claim WHERE claim_id = ?", emptied);
        session.batch("UPDATE keyline_outbox_claim SET sequences = ? WHERE claim_id = ?", shortened);
    }

    @Override
    public void requeue(EventId eventId, String sink, Instant at) {
        Require.nonNull(eventId, "eventId");
        Require.nonBlank(sink, "sink");
        Require.nonNull(at, "at");
        requireTransaction();
        OutboxEntry entry = lockedEntry(eventId).map(Loaded::entry).orElseThrow(() -> notFound(eventId));
        SinkDelivery d = entry.delivery(sink).orElseThrow(() -> new NotFoundException("outbox entry " + eventId
                + " has no delivery to sink '" + sink + "'"));
        if (d.status() != DeliveryStatus.DEAD_LETTER) {
            throw new InvalidStateException("the delivery of outbox entry " + eventId + " to sink '" + sink + "' is "
                    + d.status() + "; only a DEAD_LETTER delivery can be requeued");
        }
        SinkDelivery requeued = new SinkDelivery(sink, DeliveryStatus.PENDING, d.attempts(), SqlParameters.storedInstant(at),
                d.lastError(), null, d.claim());
        // a dead letter always has a delivery row
        writeDelivery(eventId, requeued);
        writeSummaries(List.of(entry.with(requeued)), List.of(), "requeueing a delivery");
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
        deleteSpentClaimRows(olderThan);
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
     * Deletes the claim rows whose lease ended before {@code olderThan} and that list no entry whose
     * delivery is still theirs: their relay stopped before marking those entries, which were claimed
     * again since (and got delivery rows) or are gone. A row another transaction holds is left for a
     * later purge. A marked batch's claim row is deleted by the marks; these are what a relay that
     * died, or lost its claims, leaves behind.
     */
    private void deleteSpentClaimRows(Instant olderThan) {
        List<ClaimRow> lapsed = session.query("SELECT " + CLAIM_COLUMNS + " FROM keyline_outbox_claim WHERE lease_until < ? "
                + "ORDER BY claim_id FOR UPDATE SKIP LOCKED", row -> new ClaimRow(row.longValue("claim_id"), row.string("sink"),
                row.instant("lease_until"), parseSequences(row.string("sequences"))), olderThan);
        List<Object[]> spent = new ArrayList<>();
        for (ClaimRow row : lapsed) {
            boolean listsOne = false;
            for (int from = 0; from < row.sequences().length && !listsOne; from += IN_LIST) {
                long[] chunk = java.util.Arrays.copyOfRange(row.sequences(), from, Math.min(row.sequences().length,
                        from + IN_LIST));
                Object[] parameters = java.util.Arrays.stream(chunk).boxed().toArray();
                // an entry still the row's: open, no delivered sink, no delivery rows
                listsOne = !session.query("SELECT o.sequence_number FROM keyline_outbox o WHERE o.sequence_number IN ("
                        + String.join(", ", Collections.nCopies(chunk.length, "?")) + ") AND o.delivered_sink IS NULL "
                        + "AND o.status NOT IN " + DONE + " AND NOT EXISTS (SELECT 1 FROM keyline_outbox_delivery d "
                        + "WHERE d.event_id = o.event_id)", r -> r.longValue("sequence_number"), parameters).isEmpty();
            }
            if (!listsOne) {
                spent.add(new Object[] {row.id()});
            }
        }
        session.batch("DELETE FROM keyline_outbox_claim WHERE claim_id = ?", spent);
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

    /** The entry, its row locked until the transaction ends (waiting for another transaction's lock). */
    private Optional<Loaded> lockedEntry(EventId eventId) {
        Optional<Long> sequence = session.queryOne("SELECT sequence_number FROM keyline_outbox WHERE event_id = ? FOR UPDATE",
                row -> row.longValue("sequence_number"), eventId);
        return sequence.map(s -> load(session.query("SELECT " + COLUMNS + " FROM keyline_outbox o WHERE o.sequence_number = ?",
                JdbcOutbox::message, s)).stream().findFirst()
                .orElseThrow(() -> new CorruptStateException("outbox row " + s + " vanished under its lock")));
    }

    private void writeDelivery(EventId id, SinkDelivery d) {
        int rows = session.update(UPDATE_DELIVERY, d.status(), d.attempts(), d.nextAttemptAt(), d.lastError(),
                d.deliveredAt(), d.claim(), id, d.sink());
        if (rows != 1) {
            throw new CorruptStateException("the delivery of outbox entry " + id + " to sink '" + d.sink() + "' is missing");
        }
    }

    /**
     * The parameters of {@link #UPDATE_SUMMARY} for the entry.
     *
     * @param deliveredSink the sink of a delivery accepted at its first attempt that has no row, or null
     */
    private static Object[] summaryRow(OutboxEntry entry, String deliveredSink) {
        return new Object[] {entry.status(), entry.deliveredAt(), deliveredSink, entry.sequence()};
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

    /**
     * Writes the entries' summed-up status (see {@link #UPDATE_SUMMARY}): on PostgreSQL in one
     * statement, elsewhere a JDBC batch.
     *
     * @param entries the entries
     * @param deliveredSinks for each entry, in order, the sink its row records for a delivery without
     *     a row (see {@link Form#DELIVERED_ONCE}) or null; empty when all are null
     * @param operation what is being done, for a message
     */
    private void writeSummaries(List<OutboxEntry> entries, List<String> deliveredSinks, String operation) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        if (session.dialect() == SqlDialect.POSTGRESQL) {
            String[] statuses = new String[n];
            String[] deliveredAt = new String[n];
            String[] sinks = new String[n];
            String[] sequences = new String[n];
            for (int i = 0; i < n; i++) {
                OutboxEntry e = entries.get(i);
                statuses[i] = e.status().name();
                deliveredAt[i] = text(e.deliveredAt());
                sinks[i] = deliveredSinks.isEmpty() ? null : deliveredSinks.get(i);
                sequences[i] = Long.toString(e.sequence());
            }
            java.sql.Array sequenceArray = session.textArray(sequences);
            expectRows(session.update(UPDATE_SUMMARIES_POSTGRESQL, session.textArray(statuses),
                    session.textArray(deliveredAt), session.textArray(sinks), sequenceArray, sequenceArray), n, operation);
            return;
        }
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(summaryRow(entries.get(i), deliveredSinks.isEmpty() ? null : deliveredSinks.get(i)));
        }
        expectOneEach(session.batch(UPDATE_SUMMARY, rows), operation);
    }

    /**
     * The condition that {@code column} is one of {@code count} values: on PostgreSQL
     * {@code column = ANY(?::type[])}, one array parameter, so that every batch size is one statement
     * to prepare and the server binds one value instead of hundreds; elsewhere {@code column IN (?, ...)}.
     * {@link #oneOfParameters} gives the parameters.
     *
     * @param type the column's PostgreSQL type, for the array's cast
     */
    private String oneOf(String column, String type, int count) {
        if (session.dialect() == SqlDialect.POSTGRESQL) {
            return column + " = ANY(?::" + type + "[])";
        }
        return column + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * The parameters of {@link #oneOf} for the values (sequence numbers or event ids): on PostgreSQL
     * one text array of them, elsewhere the values themselves.
     */
    private Object[] oneOfParameters(List<?> values) {
        if (session.dialect() != SqlDialect.POSTGRESQL) {
            return values.toArray();
        }
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            Object v = values.get(i);
            texts[i] = v instanceof EventId id ? id.value().toString() : v.toString();
        }
        return new Object[] {session.textArray(texts)};
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
            session.query("SELECT " + DELIVERY_COLUMNS + " FROM keyline_outbox_delivery WHERE "
                    + oneOf("event_id", "uuid", chunk.size()), row -> deliveries.computeIfAbsent(row.eventId("event_id"),
                            k -> new ArrayList<>()).add(delivery(row)), oneOfParameters(chunk));
        }
        return deliveries;
    }

    /** The entries of the given messages with their deliveries, in the messages' order. */
    private List<OutboxEntry> withDeliveries(List<SequencedMessage> messages) {
        return load(messages).stream().map(Loaded::entry).toList();
    }

    /**
     * The entries of the given messages with their deliveries and the form those are stored in, in the
     * messages' order: the delivery rows, and the claim rows when an entry has neither rows nor a
     * delivered sink.
     */
    private List<Loaded> load(List<SequencedMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<EventId, List<SinkDelivery>> deliveries = deliveriesOf(messages.stream().map(m -> m.message().eventId()).toList());
        boolean unsettled = messages.stream()
                .anyMatch(m -> !deliveries.containsKey(m.message().eventId()) && m.deliveredSink() == null);
        List<ClaimRow> claimRows = unsettled ? claimRows() : List.of();
        List<Loaded> entries = new ArrayList<>(messages.size());
        for (SequencedMessage m : messages) {
            entries.add(loaded(m.sequence(), m.message(), m.timerKey(), deliveries.get(m.message().eventId()),
                    m.deliveredSink(), m.deliveredAt(), claimRows));
        }
        return entries;
    }

    /**
     * One entry with its deliveries in the form they are stored in (see {@link Form}).
     *
     * @param rows the entry's delivery rows, or null when it has none
     * @param deliveredSink the sink the entry's row records, or null
     * @param deliveredAt the entry's delivered-at time
     * @param claimRows the claim rows, of which one may list the entry
     */
    private static Loaded loaded(long sequence, OutboxMessage message, String timerKey, List<SinkDelivery> rows,
                                 String deliveredSink, Instant deliveredAt, List<ClaimRow> claimRows) {
        Form form;
        List<SinkDelivery> deliveries;
        if (rows != null) {
            form = Form.ROWS;
            deliveries = rows;
        } else if (deliveredSink != null) {
            if (deliveredAt == null) {
                throw new CorruptStateException("outbox row " + sequence + " records delivered sink '" + deliveredSink
                        + "' without a delivered-at time");
            }
            form = Form.DELIVERED_ONCE;
            deliveries = List.of(deliveredOnce(deliveredSink, deliveredAt));
        } else {
            ClaimRow listing = null;
            for (ClaimRow row : claimRows) {
                if (row.lists(sequence)) {
                    listing = row;
                    break;
                }
            }
            form = listing == null ? Form.NONE : Form.CLAIMED;
            deliveries = listing == null ? List.of()
                    : List.of(SinkDelivery.pending(listing.sink(), message.occurredAt()).claimed(listing.leaseUntil()));
        }
        try {
            return new Loaded(new OutboxEntry(sequence, message, deliveries, timerKey), form);
        } catch (KeylineException e) {
            throw new CorruptStateException("outbox row " + sequence + " has invalid deliveries: " + e.getMessage(), e);
        }
    }

    /** Every claim row; there is about one per batch in flight, as a row goes once its entries are marked. */
    private List<ClaimRow> claimRows() {
        return session.query("SELECT " + CLAIM_COLUMNS + " FROM keyline_outbox_claim", row -> new ClaimRow(
                row.longValue("claim_id"), row.string("sink"), row.instant("lease_until"),
                parseSequences(row.string("sequences"))));
    }

    /** The text of a claim row's {@code sequences}: ascending sequence numbers separated by commas. */
    private static String sequencesText(List<Long> ascending) {
        StringBuilder text = new StringBuilder(ascending.size() * 8);
        for (int i = 0; i < ascending.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(ascending.get(i).longValue());
        }
        return text.toString();
    }

    /** A claim row's {@code sequences} read back. */
    private static long[] parseSequences(String text) {
        if (text == null || text.isEmpty()) {
            throw new CorruptStateException("an outbox claim row lists no entries");
        }
        String[] parts = text.split(",");
        long[] sequences = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                sequences[i] = Long.parseLong(parts[i]);
                if (i > 0 && sequences[i] <= sequences[i - 1]) {
                    throw new CorruptStateException("an outbox claim row's entries are not in ascending order: " + text);
                }
            }
        } catch (NumberFormatException e) {
            throw new CorruptStateException("an outbox claim row's entries are not sequence numbers: " + text, e);
        }
        return sequences;
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
                    row.string("timer_key"), row.string("delivered_sink"), row.instant("delivered_at"));
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

    /**
     * A message as read, with its sequence number, its timer key (null when it is not a timer), and
     * the delivered sink and delivered-at time of its row.
     */
    private record SequencedMessage(long sequence, OutboxMessage message, String timerKey, String deliveredSink,
                                    Instant deliveredAt) {
    }

    /**
     * How an entry's deliveries are stored (see migration {@code V5__outbox_claims.sql}); an entry
     * moves only from NONE to CLAIMED, ROWS or (from CLAIMED) DELIVERED_ONCE, and from CLAIMED to
     * ROWS, never back.
     */
    private enum Form {
        /** No delivery yet: the entry was never claimed. */
        NONE,
        /** One IN_FLIGHT delivery under claim 1, listed by a claim row (its sink and lease) and no row of its own. */
        CLAIMED,
        /** One delivery DELIVERED at its first attempt under claim 1: the entry's row records its sink. */
        DELIVERED_ONCE,
        /** The deliveries are the entry's rows in {@code keyline_outbox_delivery}. */
        ROWS
    }

    /** An entry and the form its deliveries are stored in. */
    private record Loaded(OutboxEntry entry, Form form) {
    }

    /** What an entry's row says of a delivery without a row: the delivered sink and the delivered-at time. */
    private record Settled(String deliveredSink, Instant deliveredAt) {
    }

    /** A claim row: one relay's claim of a batch's first deliveries to one sink, under one lease. */
    private record ClaimRow(long id, String sink, Instant leaseUntil, long[] sequences) {

        boolean lists(long sequence) {
            return java.util.Arrays.binarySearch(sequences, sequence) >= 0;
        }
    }

    /** A delivery row to write, where the row still has the claim number {@code expectedClaim}. */
    private record DeliveryWrite(EventId eventId, SinkDelivery delivery, long expectedClaim) {
    }

    /** An entry locked for a claim: its message as read under the lock, its version, and whether it is a timer no relay claimed yet. */
    private record LockedEntry(SequencedMessage message, long version, boolean scheduled) {
    }

    /**
     * A row of {@link #CLAIMABLE_PAGE}: an entry's sequence, version and aggregate, its delivery row's
     * state for the sink ({@code done}, {@code due}, {@code waiting}, or null without a row), and
     * whether it occurred by the claim's time.
     */
    private record ClaimableRow(long sequence, long version, String aggregateId, String delivery, boolean occurred) {
    }

    /** A due delivery as read: the entry's sequence, the version its claim must still find, and the sink. */
    private record Candidate(long sequence, long version, String sink) {
    }
}
