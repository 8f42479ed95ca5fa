package dev.keyline.memory;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Area;
import dev.keyline.spi.Areas;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The default storage provider: everything in the heap of the host, with real transaction
 * semantics, so Keyline works with no database at all.
 *
 * <p>Transactions are bound to the calling thread. Reads see the last committed state plus the
 * transaction's own changes (read committed); changes stay in the transaction's write sets until
 * commit, so other threads never see them. The commit validates every write set against the
 * committed state (version checks, duplicate ids) and then applies all of them under one lock, so
 * a commit is atomic: another transaction sees all of it or none of it. A failing validation
 * rolls the whole transaction back and throws; a nested call joins the outer transaction, and if
 * it fails the whole transaction rolls back, even when the outer work catches the exception.
 *
 * <p>Areas: each {@link InMemoryArea} builds its repositories over {@link #table(String, Class)}
 * (usually as {@link InMemoryAggregateRepository}s) and registers them as its ports, which
 * {@link #port(Class)} hands out. {@code new InMemoryStorage()} installs every area found with
 * {@link java.util.ServiceLoader} (Keyline's own and any a host lists in its jar);
 * {@link #builder()} adds areas explicitly. Data lives as long as this object; there is no
 * persistence.
 */
public final class InMemoryStorage implements StorageProvider {

    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final ThreadLocal<InMemoryTransaction> current = new ThreadLocal<>();
    private final AtomicLong transactionNumbers = new AtomicLong();
    private final Map<String, InMemoryTable<?, ?>> tables = new ConcurrentHashMap<>();
    private final ThreadBoundTransactions transactions = new ThreadBoundTransactions();
    private final InMemoryOutbox outbox;
    private final PortRegistry ports = new PortRegistry();
    private final List<Area> areas;

    /** An empty storage with every area {@link java.util.ServiceLoader} finds. */
    public InMemoryStorage() {
        this(Areas.discover(InMemoryArea.class, InMemoryArea::name));
    }

    private InMemoryStorage(List<InMemoryArea> installed) {
        this.outbox = new InMemoryOutbox(this);
        List<Area> stored = new ArrayList<>();
        for (InMemoryArea area : installed) {
            area.install(this, ports);
            stored.add(area.area());
        }
        this.areas = List.copyOf(stored);
    }

    /**
     * Starts building a storage, for a host that adds areas of its own explicitly.
     *
     * @return a builder that installs the discovered areas unless told otherwise
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public InMemoryOutbox outbox() {
        return outbox;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    /** The port of an installed area; the same object on every call. */
    @Override
    public <P> Optional<P> findPort(Class<P> type) {
        return ports.find(type);
    }

    @Override
    public List<Area> areas() {
        return areas;
    }

    /**
     * The table of this storage with the given name, created empty on first use. Every repository
     * of one aggregate type asks for the same name, so they share the rows.
     *
     * @param name the table's name, for example {@code key-account}; also used in messages
     * @param snapshotType the type of the snapshots it holds; must match the type given when the
     *     table was created
     * @param <K> the key type (a typed identifier)
     * @param <S> the snapshot type (an immutable record)
     * @return the table
     */
    @SuppressWarnings("unchecked")
    public <K, S> InMemoryTable<K, S> table(String name, Class<S> snapshotType) {
        Require.nonBlank(name, "name");
        Require.nonNull(snapshotType, "snapshotType");
        InMemoryTable<?, ?> table = tables.computeIfAbsent(name, n -> new InMemoryTable<>(this, n, snapshotType));
        if (!table.snapshotType().equals(snapshotType)) {
            throw new InvalidArgumentException("snapshotType", "table '" + name + "' holds "
                    + table.snapshotType().getName() + ", not " + snapshotType.getName());
        }
        return (InMemoryTable<K, S>) table;
    }

    /**
     * Checks that the calling thread runs a transaction of this storage, for area repositories
     * whose operations write more than one table.
     *
     * @param operation what is attempted, for the message
     * @throws InvalidStateException when no transaction is active
     */
    public void requireActiveTransaction(String operation) {
        requireTransaction(Require.nonBlank(operation, "operation"));
    }

    /** The transaction of the calling thread, or an {@link InvalidStateException} saying one is required. */
    InMemoryTransaction requireTransaction(String operation) {
        InMemoryTransaction tx = current.get();
        if (tx == null) {
            throw new InvalidStateException(operation + " requires a transaction: run it inside transactions().execute(...)");
        }
        return tx;
    }

    /** Runs {@code read} under the read side of the commit lock, so it never sees half a commit. */
    <T> T readCommitted(Supplier<T> read) {
        commitLock.readLock().lock();
        try {
            return read.get();
        } finally {
            commitLock.readLock().unlock();
        }
    }

    private void commit(InMemoryTransaction tx) {
        List<TransactionParticipant> participants = new ArrayList<>();
        tx.participants().forEach(participants::add);
        commitLock.writeLock().lock();
        try {
            for (TransactionParticipant p : participants) {
                p.validate(tx);
            }
            for (TransactionParticipant p : participants) {
                p.apply(tx);
            }
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    private void release(InMemoryTransaction tx) {
        List<TransactionParticipant> participants = new ArrayList<>();
        tx.participants().forEach(participants::add);
        for (TransactionParticipant p : participants) {
            p.release(tx);
        }
    }

    /** The thread-bound transaction boundary of this storage. */
    private final class ThreadBoundTransactions implements Transactions {

        @Override
        public <T> T execute(TransactionalWork<T> work) {
            return outermost(work, false);
        }

        /**
         * Runs read-only work: a transaction that refuses every write (see
         * {@link InMemoryTransaction#writeSet}) and has nothing to commit; joins the thread's
         * transaction when one is active.
         */
        @Override
        public <T> T read(TransactionalWork<T> work) {
            return outermost(work, true);
        }

        /** Joins the thread's transaction, or runs the work in a new one (a read when {@code readOnly}) and ends it. */
        private <T> T outermost(TransactionalWork<T> work, boolean readOnly) {
            Require.nonNull(work, "work");
            InMemoryTransaction outer = current.get();
            if (outer != null) {
                return joined(outer, work);
            }
            InMemoryTransaction tx = new InMemoryTransaction(transactionNumbers.incrementAndGet(), readOnly);
            current.set(tx);
            try {
                T result = work.execute();
                if (readOnly) {
                    return result;
                }
                Throwable rollbackCause = tx.rollbackCause();
                if (rollbackCause != null) {
                    throw new InvalidStateException("transaction rolled back: a nested call failed with "
                            + rollbackCause, rollbackCause);
                }
                commit(tx);
                return result;
            } finally {
                current.remove();
                release(tx);
            }
        }

        private <T> T joined(InMemoryTransaction tx, TransactionalWork<T> work) {
            try {
                return work.execute();
            } catch (Throwable failure) {
                tx.markRollbackOnly(failure);
                throw failure;
            }
        }

        @Override
        public boolean isActive() {
            return current.get() != null;
        }
    }

    /** Builds an {@link InMemoryStorage} with the areas it should store. */
    public static final class Builder {

        private final List<InMemoryArea> explicit = new ArrayList<>();
        private boolean discover = true;

        private Builder() {
        }

        /**
         * Whether to install every area {@link java.util.ServiceLoader} finds; on by default.
         *
         * @param discover false to install only the areas given with {@link #area(InMemoryArea)}
         * @return this builder
         */
        public Builder discover(boolean discover) {
            this.discover = discover;
            return this;
        }

        /**
         * Installs an area, for example a host's own; an area also found by discovery is installed once.
         *
         * @param area the area's in-memory part
         * @return this builder
         */
        public Builder area(InMemoryArea area) {
            explicit.add(Require.nonNull(area, "area"));
            return this;
        }

        /**
         * The storage.
         *
         * @return a new, empty storage with the areas installed
         * @throws dev.keyline.spi.ConfigurationException when two different areas claim one name,
         *     or two areas one port
         */
        public InMemoryStorage build() {
            List<InMemoryArea> discovered = discover ? Areas.discover(InMemoryArea.class, InMemoryArea::name) : List.of();
            return new InMemoryStorage(Areas.merge(discovered, explicit, InMemoryArea::name));
        }
    }
}
