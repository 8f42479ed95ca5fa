package dev.keyline.memory;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The building block of in-memory repositories: rows of immutable, versioned snapshots keyed by
 * an id, with per-transaction write sets.
 *
 * <p>Every operation requires a transaction of the owning {@link InMemoryStorage} and throws
 * {@code InvalidStateException} otherwise. Reads see the committed rows overlaid with the
 * transaction's own writes. Writes name the version they expect: {@link #insert(Object, Object)}
 * expects no row ({@link AlreadyExistsException} otherwise), {@link #update(Object, long, Object)}
 * expects the stored version ({@link StaleVersionException} otherwise). The check runs when the
 * write is made, so the caller fails fast with nothing written, and again at commit, so two
 * transactions that wrote the same version cannot both commit: the later one fails and rolls back.
 * Rows are kept in insertion order, so scans are deterministic.
 *
 * <p>Snapshots must be immutable (records of immutable values); the table hands out the stored
 * objects themselves.
 *
 * @param <K> the key type, with value equality (a typed identifier)
 * @param <S> the snapshot type
 */
public final class InMemoryTable<K, S> {

    /**
     * A snapshot and the version it is stored at.
     *
     * @param snapshot the snapshot
     * @param version the stored version, 1 after the insert and one more after each update
     * @param <S> the snapshot type
     */
    public record Row<S>(S snapshot, long version) {

        /**
         * Validates the row.
         *
         * @param snapshot the snapshot
         * @param version the stored version, 1 after the insert and one more after each update
         */
        public Row {
            Require.nonNull(snapshot, "snapshot");
            Require.positive(version, "version");
        }
    }

    /** A pending write: the version it expects (0 for none) and the row after it (null when removed). */
    private record Write<S>(long expectedVersion, Row<S> after) {
    }

    private final InMemoryStorage storage;
    private final String name;
    private final Class<S> snapshotType;
    private final Map<K, Row<S>> committed = new LinkedHashMap<>();
    private final TransactionParticipant participant = new Participant();

    InMemoryTable(InMemoryStorage storage, String name, Class<S> snapshotType) {
        this.storage = storage;
        this.name = name;
        this.snapshotType = snapshotType;
    }

    /** {@return the table's name} */
    public String name() {
        return name;
    }

    /** {@return the type of the snapshots this table holds} */
    public Class<S> snapshotType() {
        return snapshotType;
    }

    /**
     * {@return the row with this key as this transaction sees it, or empty}
     *
     * @param key the key
     */
    public Optional<Row<S>> findRow(K key) {
        Require.nonNull(key, "key");
        Map<K, Write<S>> writes = writesOrNull(storage.requireTransaction("reading " + name));
        if (writes != null && writes.containsKey(key)) {
            return Optional.ofNullable(writes.get(key).after());
        }
        return storage.readCommitted(() -> Optional.ofNullable(committed.get(key)));
    }

    /**
     * {@return the snapshot with this key as this transaction sees it, or empty}
     *
     * @param key the key
     */
    public Optional<S> find(K key) {
        return findRow(key).map(Row::snapshot);
    }

    /**
     * {@return the stored version of the row with this key as this transaction sees it, or empty
     * when there is none}
     *
     * @param key the key
     */
    public OptionalLong version(K key) {
        return findRow(key).map(r -> OptionalLong.of(r.version())).orElse(OptionalLong.empty());
    }

    /**
     * Fails as a write expecting {@code expectedVersion} would, without writing: with
     * {@link AlreadyExistsException} when 0 is expected and a row exists, with
     * {@link StaleVersionException} when the row's version differs, with {@link NotFoundException}
     * when a version is expected and there is no row.
     *
     * @param key the key
     * @param expectedVersion the version the caller last read
     */
    public void checkWritable(K key, long expectedVersion) {
        Require.nonNull(key, "key");
        Require.nonNegative(expectedVersion, "expectedVersion");
        check(key, expectedVersion, findRow(key).orElse(null));
    }

    /**
     * Inserts a row at version 1; {@link AlreadyExistsException} when the key is taken.
     *
     * @param key the key
     * @param snapshot the snapshot
     */
    public void insert(K key, S snapshot) {
        write(key, 0, snapshot);
    }

    /**
     * Replaces the row stored at {@code expectedVersion} by {@code snapshot} at the next version.
     *
     * @param key the key
     * @param expectedVersion the version the caller last read
     * @param snapshot the snapshot
     * @throws StaleVersionException when the row is at another version; nothing is written
     * @throws NotFoundException when there is no row
     */
    public void update(K key, long expectedVersion, S snapshot) {
        Require.positive(expectedVersion, "expectedVersion");
        write(key, expectedVersion, snapshot);
    }

    /**
     * {@link #insert(Object, Object)} when {@code expectedVersion} is 0, else {@link #update(Object, long, Object)}.
     *
     * @param key the key
     * @param expectedVersion the version the caller last read
     * @param snapshot the snapshot
     */
    public void save(K key, long expectedVersion, S snapshot) {
        Require.nonNegative(expectedVersion, "expectedVersion");
        write(key, expectedVersion, snapshot);
    }

    /**
     * Removes the row stored at {@code expectedVersion}, with the same checks as an update.
     *
     * @param key the key
     * @param expectedVersion the version the caller last read
     */
    public void remove(K key, long expectedVersion) {
        Require.nonNull(key, "key");
        Require.positive(expectedVersion, "expectedVersion");
        InMemoryTransaction tx = storage.requireTransaction("removing from " + name);
        check(key, expectedVersion, findRow(key).orElse(null));
        writes(tx).put(key, new Write<>(effectiveExpectation(tx, key, expectedVersion), null));
    }

    /**
     * {@return the snapshots matching {@code filter}, as this transaction sees them, in insertion
     * order} The stream works on a copy taken now, so it may be consumed after further writes.
     *
     * @param filter the filter
     */
    public Stream<S> scan(Predicate<? super S> filter) {
        Require.nonNull(filter, "filter");
        return rows().map(Row::snapshot).filter(filter);
    }

    /**
     * {@return every row as this transaction sees it, in insertion order, from a copy taken now}
     */
    public Stream<Row<S>> rows() {
        Map<K, Write<S>> writes = writesOrNull(storage.requireTransaction("reading " + name));
        List<Row<S>> result = new ArrayList<>();
        Map<K, Row<S>> base = storage.readCommitted(() -> new LinkedHashMap<>(committed));
        if (writes != null) {
            for (Map.Entry<K, Write<S>> w : writes.entrySet()) {
                base.put(w.getKey(), w.getValue().after());
            }
        }
        for (Row<S> row : base.values()) {
            if (row != null) {
                result.add(row);
            }
        }
        return result.stream();
    }

    /**
     * {@return how many snapshots match {@code filter}, as this transaction sees them}
     *
     * @param filter the filter
     */
    public long count(Predicate<? super S> filter) {
        return scan(filter).count();
    }

    private void write(K key, long expectedVersion, S snapshot) {
        Require.nonNull(key, "key");
        Require.nonNull(snapshot, "snapshot");
        if (!snapshotType.isInstance(snapshot)) {
            throw new InvalidArgumentException("snapshot",
                    "must be a " + snapshotType.getName() + " but was a " + snapshot.getClass().getName());
        }
        InMemoryTransaction tx = storage.requireTransaction("writing to " + name);
        check(key, expectedVersion, findRow(key).orElse(null));
        writes(tx).put(key, new Write<>(effectiveExpectation(tx, key, expectedVersion),
                new Row<>(snapshot, expectedVersion + 1)));
    }

    /** What the commit must find stored: for a second write of the same row, the first write's expectation. */
    private long effectiveExpectation(InMemoryTransaction tx, K key, long expectedVersion) {
        Write<S> earlier = writes(tx).get(key);
        return earlier == null ? expectedVersion : earlier.expectedVersion();
    }

    private void check(K key, long expectedVersion, Row<S> row) {
        if (expectedVersion == 0) {
            if (row != null) {
                throw new AlreadyExistsException(name + " " + key + " already exists");
            }
        } else if (row == null) {
            throw new NotFoundException("no " + name + " with id " + key);
        } else if (row.version() != expectedVersion) {
            throw new StaleVersionException(name + " " + key + " is at version " + row.version()
                    + ", not " + expectedVersion + ": it was changed since it was loaded");
        }
    }

    private Map<K, Write<S>> writes(InMemoryTransaction tx) {
        return tx.writeSet(participant, LinkedHashMap::new);
    }

    private Map<K, Write<S>> writesOrNull(InMemoryTransaction tx) {
        return tx.existingWriteSet(participant);
    }

    @Override
    public String toString() {
        return "InMemoryTable[" + name + "]";
    }

    /** Validates and applies this table's write sets at commit. */
    private final class Participant implements TransactionParticipant {

        @Override
        public void validate(InMemoryTransaction tx) {
            Map<K, Write<S>> writes = writesOrNull(tx);
            if (writes == null) {
                return;
            }
            for (Map.Entry<K, Write<S>> w : writes.entrySet()) {
                check(w.getKey(), w.getValue().expectedVersion(), committed.get(w.getKey()));
            }
        }

        @Override
        public void apply(InMemoryTransaction tx) {
            Map<K, Write<S>> writes = writesOrNull(tx);
            if (writes == null) {
                return;
            }
            for (Map.Entry<K, Write<S>> w : writes.entrySet()) {
                Row<S> after = w.getValue().after();
                if (after == null) {
                    committed.remove(w.getKey());
                } else {
                    committed.put(w.getKey(), after);
                }
            }
        }

        @Override
        public void release(InMemoryTransaction tx) {
            // the write set goes with the transaction object; nothing is held here
        }
    }
}
