package dev.keyline.memory;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The outbox of an {@link InMemoryStorage}, taking part in its transactions: appends, claims,
 * marks and purges stay in the transaction until commit and vanish on rollback.
 *
 * <p>Sequence numbers are drawn when a message is appended, like a database identity column.
 * An entry changed by a transaction (claimed, marked, requeued, purged) is locked to it until it
 * ends: {@link #claimDue} of another transaction skips such an entry's aggregate (like
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}), so two relays never claim the same delivery, and any
 * other change of it waits for the lock (at most {@value #LOCK_WAIT_SECONDS} seconds, then
 * {@link InvalidStateException}). Every method requires a transaction of the storage and throws
 * {@link InvalidStateException} otherwise.
 *
 * <p>A timer is an entry with a key; a pending timer (no deliveries yet) due after the claim's time
 * is skipped by {@link #claimDue} without deciding its aggregate. Scheduling locks the pending
 * timer it replaces (waiting like a mark), so it never deletes one a relay is claiming; the commit
 * fails with {@link StaleVersionException} when another transaction committed a pending timer with
 * the same key first.
 */
public final class InMemoryOutbox implements Outbox {

    private static final long LOCK_WAIT_SECONDS = 30;

    /** The outbox's changes in one transaction: entries by id, in the order first touched. */
    private static final class Changes {
        final Map<EventId, OutboxEntry> entries = new LinkedHashMap<>();
        final Set<EventId> appended = new HashSet<>();
        final Set<EventId> removed = new HashSet<>();
        final Set<EventId> locked = new HashSet<>();
        final Set<Receipt> receipts = new HashSet<>();
    }

    /** A reaction's receipt for an event. */
    private record Receipt(String reaction, EventId eventId) {
    }

    private final InMemoryStorage storage;
    private final TreeMap<Long, OutboxEntry> committed = new TreeMap<>();
    private final Map<EventId, Long> sequenceById = new HashMap<>();
    private final Map<EventId, InMemoryTransaction> locks = new HashMap<>();
    private final Set<Receipt> committedReceipts = new HashSet<>();
    private final AtomicLong sequences = new AtomicLong();
    private final TransactionParticipant participant = new Participant();

    InMemoryOutbox(InMemoryStorage storage) {
        this.storage = storage;
    }

    @Override
    public void append(List<OutboxMessage> messages) {
        List<OutboxMessage> copy = Require.nonNullElements(messages, "messages");
        InMemoryTransaction tx = storage.requireTransaction("appending to the outbox");
        Set<EventId> ids = new HashSet<>();
        for (OutboxMessage m : copy) {
            if (!ids.add(m.eventId()) || visible(tx, m.eventId()).isPresent()) {
                throw new AlreadyExistsException("event " + m.eventId() + " is already in the outbox");
            }
        }
        Changes changes = changes(tx);
        for (OutboxMessage m : copy) {
            changes.entries.put(m.eventId(), OutboxEntry.pending(sequences.incrementAndGet(), m));
            changes.appended.add(m.eventId());
        }
    }

    @Override
    public boolean schedule(OutboxMessage message, String timerKey) {
        Require.nonNull(message, "message");
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        InMemoryTransaction tx = storage.requireTransaction("scheduling a timer in the outbox");
        boolean replaced = deletePendingTimer(tx, timerKey);
        if (visible(tx, message.eventId()).isPresent()) {
            throw new AlreadyExistsException("event " + message.eventId() + " is already in the outbox");
        }
        Changes changes = changes(tx);
        changes.entries.put(message.eventId(), OutboxEntry.timer(sequences.incrementAndGet(), message, timerKey));
        changes.appended.add(message.eventId());
        return replaced;
    }

    @Override
    public boolean cancelTimer(String timerKey) {
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        return deletePendingTimer(storage.requireTransaction("cancelling a timer in the outbox"), timerKey);
    }

    @Override
    public Optional<OutboxEntry> pendingTimer(String timerKey) {
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        InMemoryTransaction tx = storage.requireTransaction("reading the outbox");
        return view(tx).values().stream().filter(e -> e.isPendingTimer() && e.timerKey().equals(timerKey)).findFirst();
    }

    /** Deletes the pending timer with the key, locking it first (waiting for a claim in progress); whether there was one. */
    private boolean deletePendingTimer(InMemoryTransaction tx, String timerKey) {
        Optional<OutboxEntry> pending = pendingTimer(timerKey);
        if (pending.isEmpty()) {
            return false;
        }
        EventId id = pending.get().message().eventId();
        lock(tx, id);
        // read again under the lock: a relay may have claimed it meanwhile, and then it stays
        if (!visible(tx, id).map(OutboxEntry::isPendingTimer).orElse(false)) {
            return false;
        }
        Changes changes = changes(tx);
        changes.entries.remove(id);
        changes.appended.remove(id);
        changes.removed.add(id);
        return true;
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
        InMemoryTransaction tx = storage.requireTransaction("claiming from the outbox");
        TreeMap<Long, OutboxEntry> view = view(tx);
        List<Candidate> candidates = new ArrayList<>();
        for (String sink : names) {
            Set<String> decided = new HashSet<>();
            for (OutboxEntry entry : view.values()) {
                String aggregate = entry.message().aggregateId();
                if (entry.status().isDone() || decided.contains(aggregate) || entry.waitsAt(now)) {
                    continue;
                }
                SinkDelivery delivery = entry.delivery(sink).orElseGet(
                        () -> SinkDelivery.pending(sink, entry.message().occurredAt()));
                if (delivery.status().isDone()) {
                    continue;
                }
                decided.add(aggregate);
                InMemoryTransaction holder = lockHolder(entry.message().eventId());
                if (!delivery.nextAttemptAt().isAfter(now) && (holder == null || holder == tx)) {
                    candidates.add(new Candidate(entry.sequence(), sink));
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::sequence).thenComparing(Candidate::sink));
        List<OutboxClaim> claimed = new ArrayList<>();
        for (Candidate c : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            EventId id = view.get(c.sequence()).message().eventId();
            if (!tryLock(tx, id)) {
                continue;
            }
            // read again under the lock: a transaction that committed since the view was taken may have claimed it
            OutboxEntry entry = visible(tx, id).orElse(null);
            if (entry == null || entry.status().isDone() || entry.waitsAt(now) || !due(entry, c.sink(), now)) {
                continue;
            }
            for (String sink : names) {
                if (entry.delivery(sink).isEmpty()) {
                    entry = entry.with(SinkDelivery.pending(sink, entry.message().occurredAt()));
                }
            }
            SinkDelivery claim = entry.delivery(c.sink()).orElseThrow().claimed(leaseUntil);
            changes(tx).entries.put(id, entry.with(claim));
            claimed.add(new OutboxClaim(entry.sequence(), entry.message(), c.sink(), claim.claim(), claim.attempts(),
                    leaseUntil));
        }
        return List.copyOf(claimed);
    }

    @Override
    public boolean renew(OutboxClaim claim, Instant leaseUntil) {
        Require.nonNull(leaseUntil, "leaseUntil");
        return changeClaimed(claim, "renewing a claim", d -> new SinkDelivery(d.sink(), d.status(), d.attempts(),
                leaseUntil, d.lastError(), d.deliveredAt(), d.claim()));
    }

    @Override
    public boolean markDelivered(OutboxClaim claim, Instant at) {
        Require.nonNull(at, "at");
        return changeClaimed(claim, "marking delivered", d -> new SinkDelivery(d.sink(), DeliveryStatus.DELIVERED,
                claim.attempt(), at, d.lastError(), at, d.claim()));
    }

    @Override
    public boolean markFailed(OutboxClaim claim, Instant nextAttemptAt, String error) {
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
        Require.nonBlank(error, "error");
        return changeClaimed(claim, "marking failed", d -> new SinkDelivery(d.sink(), DeliveryStatus.FAILED,
                claim.attempt(), nextAttemptAt, error, null, d.claim()));
    }

    @Override
    public boolean markDeadLetter(OutboxClaim claim, Instant at, String error) {
        Require.nonNull(at, "at");
        Require.nonBlank(error, "error");
        return changeClaimed(claim, "dead-lettering", d -> new SinkDelivery(d.sink(), DeliveryStatus.DEAD_LETTER,
                claim.attempt(), at, error, null, d.claim()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Locks the marks' entries in sequence order first (waiting for other transactions' locks),
     * then applies the marks in list order.
     */
    @Override
    public List<Boolean> markAll(List<OutboxMark> marks) {
        List<OutboxMark> checked = OutboxMark.distinct(marks);
        InMemoryTransaction tx = storage.requireTransaction("recording outcomes in the outbox");
        checked.stream().map(OutboxMark::claim).sorted(Comparator.comparingLong(OutboxClaim::sequence))
                .map(c -> c.message().eventId()).distinct().forEach(id -> lock(tx, id));
        List<Boolean> held = new ArrayList<>(checked.size());
        for (OutboxMark m : checked) {
            held.add(changeClaimed(m.claim(), "recording outcomes", m::applyTo));
        }
        return List.copyOf(held);
    }

    @Override
    public void requeue(EventId eventId, String sink, Instant at) {
        Require.nonNull(eventId, "eventId");
        Require.nonBlank(sink, "sink");
        Require.nonNull(at, "at");
        InMemoryTransaction tx = storage.requireTransaction("requeuing in the outbox");
        lock(tx, eventId);
        OutboxEntry entry = visible(tx, eventId)
                .orElseThrow(() -> new NotFoundException("no outbox entry for event " + eventId));
        SinkDelivery d = entry.delivery(sink).orElseThrow(() -> new NotFoundException("outbox entry for event " + eventId
                + " has no delivery to sink '" + sink + "'"));
        if (d.status() != DeliveryStatus.DEAD_LETTER) {
            throw new InvalidStateException("the delivery of event " + eventId + " to sink '" + sink + "' is " + d.status()
                    + "; only a DEAD_LETTER delivery can be requeued");
        }
        changes(tx).entries.put(eventId, entry.with(new SinkDelivery(sink, DeliveryStatus.PENDING, d.attempts(), at,
                d.lastError(), null, d.claim())));
    }

    @Override
    public Optional<OutboxEntry> find(EventId eventId) {
        Require.nonNull(eventId, "eventId");
        return visible(storage.requireTransaction("reading the outbox"), eventId);
    }

    @Override
    public List<OutboxEntry> list(DeliveryStatus status, int limit) {
        Require.nonNull(status, "status");
        Require.positive(limit, "limit");
        InMemoryTransaction tx = storage.requireTransaction("reading the outbox");
        return view(tx).values().stream().filter(e -> e.status() == status).limit(limit).toList();
    }

    @Override
    public List<OutboxEntry> deadLetters(String sink, int limit) {
        Require.nonBlank(sink, "sink");
        Require.positive(limit, "limit");
        InMemoryTransaction tx = storage.requireTransaction("reading the outbox");
        return view(tx).values().stream()
                .filter(e -> e.delivery(sink).map(d -> d.status() == DeliveryStatus.DEAD_LETTER).orElse(false))
                .limit(limit).toList();
    }

    @Override
    public int purgeDelivered(Instant olderThan, int limit) {
        Require.nonNull(olderThan, "olderThan");
        Require.positive(limit, "limit");
        InMemoryTransaction tx = storage.requireTransaction("purging the outbox");
        int purged = 0;
        for (OutboxEntry e : view(tx).values()) {
            if (purged == limit) {
                break;
            }
            EventId id = e.message().eventId();
            if (e.status() == DeliveryStatus.DELIVERED && e.deliveredAt().isBefore(olderThan) && tryLock(tx, id)
                    && visible(tx, id).map(v -> v.status() == DeliveryStatus.DELIVERED).orElse(false)) {
                Changes changes = changes(tx);
                changes.entries.remove(id);
                changes.removed.add(id);
                purged++;
            }
        }
        return purged;
    }

    @Override
    public boolean recordReceipt(String reaction, EventId eventId, Instant at) {
        Require.nonBlank(reaction, "reaction");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(at, "at");
        InMemoryTransaction tx = storage.requireTransaction("recording a reaction receipt in the outbox");
        lock(tx, eventId);
        if (visible(tx, eventId).isEmpty()) {
            throw new NotFoundException("no outbox entry for event " + eventId + "; reaction '" + reaction
                    + "' can only record a receipt for an entry of the outbox");
        }
        if (hasReceipt(reaction, eventId)) {
            return false;
        }
        changes(tx).receipts.add(new Receipt(reaction, eventId));
        return true;
    }

    @Override
    public boolean hasReceipt(String reaction, EventId eventId) {
        Require.nonBlank(reaction, "reaction");
        Require.nonNull(eventId, "eventId");
        InMemoryTransaction tx = storage.requireTransaction("reading the outbox");
        Receipt receipt = new Receipt(reaction, eventId);
        Changes changes = tx.existingWriteSet(participant);
        if (changes != null && changes.receipts.contains(receipt)) {
            return true;
        }
        return storage.readCommitted(() -> committedReceipts.contains(receipt));
    }

    /** Whether the entry's delivery to {@code sink} (a fresh one if it has none) is open and due at {@code now}. */
    private static boolean due(OutboxEntry entry, String sink, Instant now) {
        SinkDelivery d = entry.delivery(sink).orElseGet(() -> SinkDelivery.pending(sink, entry.message().occurredAt()));
        return !d.status().isDone() && !d.nextAttemptAt().isAfter(now);
    }

    /** Changes the claimed delivery if the claim still holds; waits for another transaction's lock on the entry. */
    private boolean changeClaimed(OutboxClaim claim, String operation, UnaryOperator<SinkDelivery> after) {
        Require.nonNull(claim, "claim");
        InMemoryTransaction tx = storage.requireTransaction(operation + " in the outbox");
        EventId id = claim.message().eventId();
        lock(tx, id);
        // a claim names its entry by sequence and event alike; one that names another entry's holds nothing
        Optional<OutboxEntry> entry = visible(tx, id).filter(e -> e.sequence() == claim.sequence());
        Optional<SinkDelivery> delivery = entry.flatMap(e -> e.delivery(claim.sink()));
        if (delivery.isEmpty() || !delivery.get().heldBy(claim)) {
            return false;
        }
        changes(tx).entries.put(id, entry.get().with(after.apply(delivery.get())));
        return true;
    }

    private synchronized InMemoryTransaction lockHolder(EventId id) {
        return locks.get(id);
    }

    /** Locks the entry to {@code tx} unless another transaction holds it; the lock is released when {@code tx} ends. */
    private boolean tryLock(InMemoryTransaction tx, EventId id) {
        Changes changes = changes(tx);
        synchronized (this) {
            InMemoryTransaction holder = locks.putIfAbsent(id, tx);
            if (holder == null || holder == tx) {
                changes.locked.add(id);
                return true;
            }
            return false;
        }
    }

    /** Locks the entry to {@code tx}, waiting while another transaction holds it. */
    private void lock(InMemoryTransaction tx, EventId id) {
        changes(tx);
        synchronized (this) {
            waitForLock(tx, id);
        }
    }

    private void waitForLock(InMemoryTransaction tx, EventId id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_SECONDS);
        while (!tryLock(tx, id)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new InvalidStateException("outbox entry for event " + id + " stayed locked by a concurrent "
                        + "transaction for " + LOCK_WAIT_SECONDS + " s");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidStateException("interrupted while waiting for the lock on outbox entry for event " + id);
            }
        }
    }

    private synchronized void unlock(InMemoryTransaction tx, Set<EventId> ids) {
        ids.forEach(id -> locks.remove(id, tx));
        notifyAll();
    }

    private Optional<OutboxEntry> visible(InMemoryTransaction tx, EventId eventId) {
        Changes changes = tx.existingWriteSet(participant);
        if (changes != null && changes.entries.containsKey(eventId)) {
            return Optional.of(changes.entries.get(eventId));
        }
        if (changes != null && changes.removed.contains(eventId)) {
            return Optional.empty();
        }
        return storage.readCommitted(() -> {
            Long sequence = sequenceById.get(eventId);
            return Optional.ofNullable(sequence == null ? null : committed.get(sequence));
        });
    }

    /** The entries as this transaction sees them, in sequence order. */
    private TreeMap<Long, OutboxEntry> view(InMemoryTransaction tx) {
        TreeMap<Long, OutboxEntry> view = storage.readCommitted(() -> new TreeMap<>(committed));
        Changes changes = tx.existingWriteSet(participant);
        if (changes != null) {
            view.values().removeIf(e -> changes.removed.contains(e.message().eventId()));
            for (OutboxEntry e : changes.entries.values()) {
                view.put(e.sequence(), e);
            }
        }
        return view;
    }

    private Changes changes(InMemoryTransaction tx) {
        return tx.writeSet(participant, Changes::new);
    }

    /** A delivery that is due: the entry's sequence and the sink. */
    private record Candidate(long sequence, String sink) {
    }

    /** Validates and applies the outbox's changes at commit and releases the entry locks. */
    private final class Participant implements TransactionParticipant {

        @Override
        public void validate(InMemoryTransaction tx) {
            Changes changes = tx.existingWriteSet(this);
            for (EventId id : changes.appended) {
                if (sequenceById.containsKey(id) && !changes.removed.contains(id)) {
                    throw new AlreadyExistsException("event " + id + " is already in the outbox");
                }
            }
            for (Receipt r : changes.receipts) {
                if (committedReceipts.contains(r)) {
                    throw new AlreadyExistsException("reaction '" + r.reaction() + "' already applied event " + r.eventId());
                }
            }
            for (EventId id : changes.appended) {
                OutboxEntry timer = changes.entries.get(id);
                if (timer != null && timer.isPendingTimer()) {
                    for (OutboxEntry other : committed.values()) {
                        if (other.isPendingTimer() && other.timerKey().equals(timer.timerKey())
                                && !changes.removed.contains(other.message().eventId())) {
                            throw new StaleVersionException("timer '" + timer.timerKey() + "' was scheduled by a "
                                    + "concurrent transaction that committed first; run the command again to replace it");
                        }
                    }
                }
            }
        }

        @Override
        public void apply(InMemoryTransaction tx) {
            Changes changes = tx.existingWriteSet(this);
            for (EventId id : changes.removed) {
                Long sequence = sequenceById.remove(id);
                if (sequence != null) {
                    committed.remove(sequence);
                }
                committedReceipts.removeIf(r -> r.eventId().equals(id));
            }
            for (OutboxEntry e : changes.entries.values()) {
                committed.put(e.sequence(), e);
                sequenceById.put(e.message().eventId(), e.sequence());
            }
            committedReceipts.addAll(changes.receipts);
        }

        @Override
        public void release(InMemoryTransaction tx) {
            Changes changes = tx.existingWriteSet(this);
            unlock(tx, changes.locked);
        }
    }
}
