package dev.keyline.memory;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The outbox of an {@link InMemoryStorage}, taking part in its transactions: appends and status
 * changes stay in the transaction until commit and vanish on rollback.
 *
 * <p>Sequence numbers are drawn when a message is appended, like a database identity column.
 * An entry changed by a transaction (claimed, marked, requeued) is locked to it until it ends:
 * {@link #claimDue(Instant, int, Instant)} of another transaction skips such an entry's aggregate
 * (like {@code SELECT ... FOR UPDATE SKIP LOCKED}), so two relays never claim the same entry, and
 * any other change of it fails with {@link InvalidStateException}. Every method requires a
 * transaction of the storage and throws {@link InvalidStateException} otherwise.
 */
public final class InMemoryOutbox implements Outbox {

    /** The outbox's changes in one transaction: entries by id, in the order first touched. */
    private static final class Changes {
        final Map<EventId, OutboxEntry> entries = new LinkedHashMap<>();
        final Set<EventId> appended = new HashSet<>();
    }

    private final InMemoryStorage storage;
    private final TreeMap<Long, OutboxEntry> committed = new TreeMap<>();
    private final Map<EventId, Long> sequenceById = new HashMap<>();
    private final Map<EventId, InMemoryTransaction> locks = new ConcurrentHashMap<>();
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
            OutboxEntry entry = new OutboxEntry(sequences.incrementAndGet(), m, DeliveryStatus.PENDING, 0,
                    m.occurredAt(), null, null);
            changes.entries.put(m.eventId(), entry);
            changes.appended.add(m.eventId());
        }
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Instant leaseUntil) {
        Require.nonNull(now, "now");
        Require.positive(limit, "limit");
        Require.nonNull(leaseUntil, "leaseUntil");
        Require.that(!leaseUntil.isBefore(now), "leaseUntil", "must not be before now (" + now + ") but was " + leaseUntil);
        InMemoryTransaction tx = storage.requireTransaction("claiming from the outbox");
        Set<String> decided = new HashSet<>();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry entry : view(tx).values()) {
            if (claimed.size() == limit) {
                break;
            }
            String aggregate = entry.message().aggregateId();
            if (entry.status() == DeliveryStatus.DELIVERED || entry.status() == DeliveryStatus.DEAD_LETTER
                    || !decided.add(aggregate)) {
                continue;
            }
            InMemoryTransaction holder = locks.get(entry.message().eventId());
            boolean due = !entry.nextAttemptAt().isAfter(now);
            if (due && (holder == null || holder == tx) && tryLock(tx, entry.message().eventId())) {
                OutboxEntry inFlight = new OutboxEntry(entry.sequence(), entry.message(), DeliveryStatus.IN_FLIGHT,
                        entry.attempts(), leaseUntil, entry.lastError(), entry.deliveredAt());
                changes(tx).entries.put(entry.message().eventId(), inFlight);
                claimed.add(inFlight);
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public void markDelivered(EventId eventId, int attempts, Instant deliveredAt) {
        Require.nonNull(deliveredAt, "deliveredAt");
        change(eventId, attempts, "marking delivered", e -> new OutboxEntry(e.sequence(), e.message(),
                DeliveryStatus.DELIVERED, attempts, e.nextAttemptAt(), e.lastError(), deliveredAt));
    }

    @Override
    public void markFailed(EventId eventId, int attempts, Instant nextAttemptAt, String error) {
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
        Require.nonBlank(error, "error");
        change(eventId, attempts, "marking failed", e -> new OutboxEntry(e.sequence(), e.message(),
                DeliveryStatus.FAILED, attempts, nextAttemptAt, error, null));
    }

    @Override
    public void markDeadLetter(EventId eventId, int attempts, Instant at, String error) {
        Require.nonNull(at, "at");
        Require.nonBlank(error, "error");
        change(eventId, attempts, "dead-lettering", e -> new OutboxEntry(e.sequence(), e.message(),
                DeliveryStatus.DEAD_LETTER, attempts, at, error, null));
    }

    @Override
    public void requeue(EventId eventId, Instant at) {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(at, "at");
        InMemoryTransaction tx = storage.requireTransaction("requeuing in the outbox");
        OutboxEntry entry = visible(tx, eventId)
                .orElseThrow(() -> new NotFoundException("no outbox entry for event " + eventId));
        if (entry.status() != DeliveryStatus.DEAD_LETTER) {
            throw new InvalidStateException("outbox entry for event " + eventId + " is " + entry.status()
                    + "; only a DEAD_LETTER entry can be requeued");
        }
        change(eventId, entry.attempts(), "requeuing", e -> new OutboxEntry(e.sequence(), e.message(),
                DeliveryStatus.PENDING, e.attempts(), at, e.lastError(), null));
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

    private void change(EventId eventId, int attempts, String operation,
                        UnaryOperator<OutboxEntry> after) {
        Require.nonNull(eventId, "eventId");
        Require.nonNegative(attempts, "attempts");
        InMemoryTransaction tx = storage.requireTransaction(operation + " in the outbox");
        OutboxEntry entry = visible(tx, eventId)
                .orElseThrow(() -> new NotFoundException("no outbox entry for event " + eventId));
        if (!changes(tx).appended.contains(eventId) && !tryLock(tx, eventId)) {
            throw new InvalidStateException("outbox entry for event " + eventId
                    + " is being changed by a concurrent transaction");
        }
        changes(tx).entries.put(eventId, after.apply(entry));
    }

    private boolean tryLock(InMemoryTransaction tx, EventId eventId) {
        InMemoryTransaction holder = locks.putIfAbsent(eventId, tx);
        return holder == null || holder == tx;
    }

    private Optional<OutboxEntry> visible(InMemoryTransaction tx, EventId eventId) {
        Changes changes = tx.existingWriteSet(participant);
        if (changes != null && changes.entries.containsKey(eventId)) {
            return Optional.of(changes.entries.get(eventId));
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
            for (OutboxEntry e : changes.entries.values()) {
                view.put(e.sequence(), e);
            }
        }
        return view;
    }

    private Changes changes(InMemoryTransaction tx) {
        return tx.writeSet(participant, Changes::new);
    }

    /** Validates and applies the outbox's changes at commit and releases the entry locks. */
    private final class Participant implements TransactionParticipant {

        @Override
        public void validate(InMemoryTransaction tx) {
            Changes changes = tx.existingWriteSet(this);
            for (EventId id : changes.appended) {
                if (sequenceById.containsKey(id)) {
                    throw new AlreadyExistsException("event " + id + " is already in the outbox");
                }
            }
        }

        @Override
        public void apply(InMemoryTransaction tx) {
            Changes changes = tx.existingWriteSet(this);
            for (OutboxEntry e : changes.entries.values()) {
                committed.put(e.sequence(), e);
                sequenceById.put(e.message().eventId(), e.sequence());
            }
        }

        @Override
        public void release(InMemoryTransaction tx) {
            Changes changes = tx.existingWriteSet(this);
            for (EventId id : changes.entries.keySet()) {
                locks.remove(id, tx);
            }
        }
    }
}
