package dev.keyline.memory;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.Transactions;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.FloorPriceListRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.PriceAuthorisationRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Area repositories are thin classes over {@link #table(String, Class)}, usually by extending
 * {@link InMemoryAggregateRepository}; the repositories of the key-account area
 * ({@link #keyAccounts()}, {@link #spendFacts()}, {@link #classificationResults()},
 * {@link #accountPlans()}, {@link #priceAuthorisations()}, {@link #floorPriceLists()}) are built in.
 * Data lives as long as this object; there is no persistence.
 */
public final class InMemoryStorage implements StorageProvider {

    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final ThreadLocal<InMemoryTransaction> current = new ThreadLocal<>();
    private final AtomicLong transactionNumbers = new AtomicLong();
    private final Map<String, InMemoryTable<?, ?>> tables = new ConcurrentHashMap<>();
    private final ThreadBoundTransactions transactions = new ThreadBoundTransactions();
    private final InMemoryOutbox outbox;
    private final KeyAccountRepository keyAccounts;
    private final SpendFactRepository spendFacts;
    private final ClassificationResultRepository classificationResults;
    private final AccountPlanRepository accountPlans;
    private final PriceAuthorisationRepository priceAuthorisations;
    private final FloorPriceListRepository floorPriceLists;

    /** An empty storage. */
    public InMemoryStorage() {
        this.outbox = new InMemoryOutbox(this);
        this.keyAccounts = new InMemoryKeyAccountRepository(this);
        this.spendFacts = new InMemorySpendFactRepository(this);
        this.classificationResults = new InMemoryClassificationResultRepository(this);
        this.accountPlans = new InMemoryAccountPlanRepository(this);
        this.priceAuthorisations = new InMemoryPriceAuthorisationRepository(this);
        this.floorPriceLists = new InMemoryFloorPriceListRepository(this);
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

    /** The key accounts, in this storage's {@code key account} table; the same object on every call. */
    @Override
    public KeyAccountRepository keyAccounts() {
        return keyAccounts;
    }

    /**
     * The spend-fact ledger, in this storage's {@code spend fact} table (with a table of which fact
     * corrects which); the same object on every call.
     */
    @Override
    public SpendFactRepository spendFacts() {
        return spendFacts;
    }

    /** The classification results, keyed by network and run date; the same object on every call. */
    @Override
    public ClassificationResultRepository classificationResults() {
        return classificationResults;
    }

    /**
     * The account plans, in this storage's {@code account plan} table (with a table of each
     * account's plan per year); the same object on every call.
     */
    @Override
    public AccountPlanRepository accountPlans() {
        return accountPlans;
    }

    /** The price authorisations with their decisions; the same object on every call. */
    @Override
    public PriceAuthorisationRepository priceAuthorisations() {
        return priceAuthorisations;
    }

    /** The floor price lists with their histories; the same object on every call. */
    @Override
    public FloorPriceListRepository floorPriceLists() {
        return floorPriceLists;
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
            Require.nonNull(work, "work");
            InMemoryTransaction outer = current.get();
            if (outer != null) {
                return joined(outer, work);
            }
            InMemoryTransaction tx = new InMemoryTransaction(transactionNumbers.incrementAndGet());
            current.set(tx);
            try {
                T result = work.execute();
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
}
