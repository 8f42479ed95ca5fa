package dev.keyline.jdbc;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.spi.KeptStateOutdatedException;
import dev.keyline.spi.StorageException;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * Transactions on a host's {@link DataSource}, bound to the calling thread.
 *
 * <p>The outermost {@link #execute(TransactionalWork)} on a thread takes one connection from the
 * data source, switches auto-commit off and sets isolation {@code READ COMMITTED}, and keeps the
 * connection in a thread-local binding while the work runs. Everything the provider does on that
 * thread meanwhile (outbox, repositories, {@link JdbcSession}) uses that connection. When the work
 * returns the transaction commits; when it throws, it rolls back and the exception propagates
 * unchanged. Either way the connection's auto-commit and isolation are restored and it is closed,
 * which returns it to the host's pool.
 *
 * <p>A connection's own auto-commit and isolation are read once per physical connection (found
 * through {@link Connection#unwrap}, so a pool's per-borrow wrappers share it) and remembered while
 * the connection lives: on PostgreSQL reading the isolation is a round trip of its own, which a
 * transaction per command would otherwise pay every time. The provider relies on what every pool
 * guarantees: a connection comes back from the pool with the settings it was returned with (the
 * provider restores them itself, and pools such as HikariCP reset them as well). A connection the
 * host changes between two transactions without restoring it must not be handed to the provider.
 *
 * <p><b>Write-behind.</b> The inserts and versioned updates that the provider's repositories save
 * are queued in the transaction and sent as one JDBC batch per SQL text
 * ({@link java.sql.PreparedStatement#executeBatch}) just before the next statement on the
 * connection ({@link #currentConnection()} sends them), so every read sees them, and at the
 * latest just before the commit. Their failures are the same as when they were sent one by one (a
 * taken key an {@code AlreadyExistsException} naming the entity, a version that moved a
 * {@code StaleVersionException}, checked by the batch's update counts), only raised by the
 * statement or commit that sent them; a failure at the commit rolls the whole transaction back and
 * propagates unchanged, so the runtime runs a command that met a stale version again.
 *
 * <p><b>Reads.</b> The outermost {@link #read(TransactionalWork)} on a thread takes a connection
 * the same way but leaves it in auto-commit mode: no transaction is begun and no commit is sent,
 * and every write through the provider is refused (see {@link #read}).
 *
 * <p><b>Trusted loads.</b> A command's load may restore a state the provider kept of an earlier
 * commit without reading the aggregate's row (see {@link JdbcParentChildRepository}). A versioned
 * save of that aggregate checks it; before the commit, the loads no save checked are compared with
 * the stored versions in one query per table; and when the transaction fails, all of them are,
 * after the rollback, since an outdated state may be why it failed. A state found outdated is
 * forgotten and the transaction fails with {@link KeptStateOutdatedException}, carrying the
 * failure it replaces, so that the command runs again on the stored state. A version moved by a
 * rival transaction of the same storage, which committed but has not yet kept its state, is a
 * race: before the commit it is left to the versioned saves, as if the row had been read at the
 * load; after a failure the state is forgotten too, and the failure is replaced by a
 * {@link StaleVersionException} carrying it (unless it is one), which the runtime runs again and
 * counts.
 *
 * <p>A nested call on the same thread joins the outer transaction. If a nested call throws, the
 * transaction is marked rollback-only: even if the outer work catches the exception and returns,
 * the outermost call rolls back and throws an {@link InvalidStateException} whose cause is the
 * nested failure, so no half-done work is ever committed.
 *
 * <p>Failures: a connection that cannot be opened or configured, and a failed commit, raise a
 * {@link StorageException} carrying the SQL state (after a failed commit the provider still
 * attempts a rollback). A failure while rolling back, restoring or closing never replaces the
 * exception that caused it: it is added to that exception as suppressed. A close failure after a
 * successful commit is reported as a {@link StorageException} whose message says the commit
 * succeeded.
 */
public final class JdbcTransactions implements Transactions {

    private final DataSource dataSource;
    private final ThreadLocal<Binding> bound = new ThreadLocal<>();
    /** The settings each physical connection had when first seen; weak, so closed connections go. */
    private static final Map<Connection, Settings> SETTINGS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Transactions on the host's data source.
     *
     * @param dataSource where connections come from; the host owns and closes it
     */
    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = Require.nonNull(dataSource, "dataSource");
    }

    @Override
    public <T> T execute(TransactionalWork<T> work) {
        return outermost(work, false);
    }

    /**
     * Runs the work in the transaction or read active on the thread, or else in a new one (a read
     * when {@code readOnly}), which it then ends.
     */
    private <T> T outermost(TransactionalWork<T> work, boolean readOnly) {
        Require.nonNull(work, "work");
        Binding outer = bound.get();
        if (outer != null) {
            return joined(outer, work);
        }
        Binding binding = begin(readOnly);
        bound.set(binding);
        try {
            return run(work, binding, readOnly);
        } finally {
            for (Runnable hook : binding.afterCompletion) {
                hook.run();
            }
        }
    }

    /** Runs the outermost work on its new binding, then commits, rolls back or ends the read. */
    private <T> T run(TransactionalWork<T> work, Binding binding, boolean readOnly) {
        T result;
        try {
            result = work.execute();
        } catch (Throwable failure) {
            bound.remove();
            if (readOnly) {
                endRead(binding, failure);
                throw failure;
            }
            RuntimeException outdated = endFailed(binding, failure);
            if (outdated != null) {
                throw outdated;
            }
            throw failure;
        }
        if (readOnly) {
            bound.remove();
            endRead(binding, null);
            return result;
        }
        if (binding.rollbackOnly == null) {
            try {
                if (binding.pending != null && !binding.pending.isEmpty()) {
                    flushAndCheckTrusted(binding);
                } else {
                    checkTrustedBeforeCommit(binding);
                }
            } catch (RuntimeException | Error failure) {
                bound.remove();
                RuntimeException outdated = endFailed(binding, failure);
                if (outdated != null) {
                    throw outdated;
                }
                throw failure;
            }
        }
        bound.remove();
        if (binding.rollbackOnly != null) {
            InvalidStateException failure = new InvalidStateException(
                    "the transaction was rolled back because a nested call failed: " + binding.rollbackOnly.getMessage(),
                    binding.rollbackOnly);
            rollback(binding, failure);
            release(binding, failure);
            throw failure;
        }
        try {
            binding.connection.commit();
        } catch (SQLException e) {
            StorageException failure = SqlFailures.wrap("committing the transaction", e);
            rollback(binding, failure);
            release(binding, failure);
            throw failure;
        }
        release(binding, null);
        for (Runnable hook : binding.afterCommit) {
            hook.run();
        }
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Outside a transaction, the work runs on a connection of its own in the connection's
     * auto-commit mode, at isolation {@code READ COMMITTED}: each statement sees what was committed
     * when it started, as inside a transaction at that level, and no commit is sent. A find reads
     * its tables consistently either way, by the version of the parent rows (see
     * {@link JdbcParentChildRepository}). On PostgreSQL a {@linkplain JdbcSession#stream stream}
     * needs a transaction for the driver to fetch its rows in portions, so the first stream of a
     * read opens one on the same connection, which the read ends with a rollback; so does a
     * connection the pool hands out with auto-commit off. Every write through the provider
     * ({@link JdbcSession}'s statements and queued writes, so every repository and the outbox)
     * throws {@link InvalidStateException} before it reaches the database. Failures while rolling
     * back, restoring or closing are handled as for {@link #execute}.
     */
    @Override
    public <T> T read(TransactionalWork<T> work) {
        return outermost(work, true);
    }

    /** Ends a read: rolls back the transaction it ran in, if any, restores the connection and closes it. */
    private static void endRead(Binding binding, Throwable primary) {
        if (binding.inTransaction) {
            if (primary != null) {
                rollback(binding, primary);
            } else {
                try {
                    binding.connection.rollback();
                } catch (SQLException e) {
                    StorageException failure = SqlFailures.wrap("ending the read's transaction", e);
                    release(binding, failure);
                    throw failure;
                }
            }
        }
        release(binding, primary);
    }

    /**
     * Makes sure the work active on the calling thread runs inside a transaction on its
     * connection: a read in auto-commit mode switches it off (its end rolls back and switches it on
     * again); a transaction already is one. For statements that need one, such as a PostgreSQL
     * cursor. When this call is what starts the read's transaction, {@code snapshotStatement} (such
     * as PostgreSQL's {@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY}) runs
     * first, so that the transaction reads every row from one snapshot, and
     * {@link #readsOneSnapshot()} is true for the rest of the read. A read that already runs in a
     * transaction, and every transaction of {@link #execute}, keep their isolation.
     *
     * @param snapshotStatement the statement that makes a transaction read from one snapshot
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    void requireDatabaseTransaction(String snapshotStatement) {
        Binding binding = active();
        if (!binding.readOnly || binding.inTransaction) {
            return;
        }
        try {
            binding.connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw SqlFailures.wrap("starting a transaction for a stream of a read", e);
        }
        binding.inTransaction = true;
        binding.previousAutoCommit = true;
        try (java.sql.Statement statement = binding.connection.createStatement()) {
            statement.execute(snapshotStatement);
        } catch (SQLException e) {
            // the read's end rolls the transaction back and switches auto-commit on again
            throw SqlFailures.wrap("starting a read's transaction on one snapshot (" + snapshotStatement + ")", e);
        }
        binding.oneSnapshot = true;
    }

    /**
     * Whether the work active on the calling thread is a read whose statements all see one
     * snapshot of the database, so that rows read by different statements belong together
     * (see {@link #requireDatabaseTransaction(String)}).
     *
     * @return true only inside such a read
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    boolean readsOneSnapshot() {
        return active().oneSnapshot;
    }

    /**
     * Fails unless the work active on the calling thread may write: it is a transaction, not a
     * read ({@link #read}).
     *
     * @throws InvalidStateException when it is a read, or when no transaction is active
     */
    void requireWritable() {
        if (active().readOnly) {
            throw new InvalidStateException("this unit of work was started with Transactions.read and cannot write; "
                    + "run work that writes with Transactions.execute");
        }
    }

    /** The binding of the transaction or read active on the calling thread; fails when there is none. */
    private Binding active() {
        Binding binding = bound.get();
        if (binding == null) {
            throw new InvalidStateException("no JDBC transaction is active on this thread; run the work inside Transactions.execute");
        }
        return binding;
    }

    @Override
    public boolean isActive() {
        return bound.get() != null;
    }

    /**
     * The connection of the transaction active on the calling thread. Use it for statements only:
     * never commit, roll back, change or close it; the transaction does that.
     *
     * <p>The writes the provider's repositories queued in the transaction are sent first, so that
     * whatever runs on the connection sees them; when sending them fails, the transaction is marked
     * rollback-only and the failure is thrown here.
     *
     * @return the bound connection
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    public Connection currentConnection() {
        Binding binding = active();
        flush(binding);
        return binding.connection;
    }

    /**
     * The connection of the transaction active on the calling thread, without sending the queued
     * writes first: for a statement that touches none of the rows queued (the caller knows), which
     * may then run before them.
     *
     * @return the bound connection
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    Connection connectionAheadOfQueuedWrites() {
        return active().connection;
    }

    /**
     * Sends the writes queued in the transaction active on the calling thread now, as they are sent
     * before any statement and before the commit; does nothing when none is queued.
     *
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     * @throws dev.keyline.domain.common.AlreadyExistsException when a queued insert meets a taken key
     *     (and so on, as described on the type); the transaction is then marked rollback-only
     */
    public void flush() {
        Binding binding = active();
        flush(binding);
    }

    /**
     * Queues a row to be written before the next statement on the transaction's connection, or at
     * the latest before the commit (see {@link PendingWrites}).
     *
     * @param together whether the transaction's flushes may send several tables' rows in one
     *     statement text (the session's {@link JdbcSession#sendsQueriesTogether()})
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    void queue(SqlDialect dialect, boolean together, String sql, String table, java.util.List<String> after,
            PendingWrites.Row row) {
        requireWritable();
        Binding binding = active();
        if (binding.rollbackOnly != null) {
            return; // the transaction rolls back: nothing of it will be written
        }
        if (binding.pending == null) {
            binding.pending = new PendingWrites(together);
        }
        binding.pending.add(dialect, sql, table, after, row);
    }

    /** Sends the transaction's queued writes; a failure marks it rollback-only and propagates. */
    private static void flush(Binding binding) {
        if (binding.pending == null || binding.pending.isEmpty()) {
            return;
        }
        try {
            binding.pending.flush(binding.connection);
        } catch (RuntimeException failure) {
            if (binding.rollbackOnly == null) {
                binding.rollbackOnly = failure;
            }
            throw failure;
        }
    }

    /**
     * What the provider keeps for the duration of the transaction active on the calling thread
     * under {@code key} (for example the aggregates a repository loaded), made by {@code create} the
     * first time; gone when the transaction ends, whether it commits or rolls back.
     *
     * @return the attachment, or null when no transaction is active on the thread
     */
    @SuppressWarnings("unchecked")
    <T> T attachment(Object key, Supplier<T> create) {
        Binding binding = bound.get();
        if (binding == null) {
            return null;
        }
        return (T) binding.attachments.computeIfAbsent(key, k -> create.get());
    }

    /**
     * Runs {@code hook} once the transaction active on the calling thread has committed and
     * returned its connection; never when it rolls back. Meant for the provider's own bookkeeping
     * (publishing the aggregates a transaction saved to {@link JdbcParentChildRepository}'s
     * cache), so a hook must not throw.
     *
     * @param hook what to run after the commit
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    void afterCommit(Runnable hook) {
        Require.nonNull(hook, "hook");
        Binding binding = active();
        binding.afterCommit.add(hook);
    }

    /**
     * Loads of the transaction active on the calling thread that trusted states the provider kept
     * of earlier commits instead of reading their rows (see {@link JdbcParentChildRepository}).
     * Before the commit, those that no versioned save checked are compared with the stored
     * versions; after a failure, all of them are, once the transaction has rolled back. A state
     * found outdated is forgotten and the transaction fails with
     * {@link KeptStateOutdatedException}, or after a failure on a state a rival transaction of
     * this provider moved, with {@link StaleVersionException}.
     *
     * @param loads what the transaction trusted of one repository
     * @throws InvalidStateException when no transaction that may write is active on the thread
     */
    void trust(TrustedLoads loads) {
        Require.nonNull(loads, "loads");
        requireWritable();
        Binding binding = active();
        if (binding.trusted == null) {
            binding.trusted = new ArrayList<>(2);
        }
        binding.trusted.add(loads);
    }

    /**
     * Whether a load may trust a kept state on the calling thread: a transaction that may write is
     * active, so its saves and its commit check what it trusted. A read ({@link #read}) has no
     * such check, and reads the rows.
     *
     * @return true inside {@link #execute}
     */
    boolean checksTrustedLoads() {
        Binding binding = bound.get();
        return binding != null && !binding.readOnly;
    }

    /** What one repository's loads trusted in a transaction, checked against the stored versions. */
    interface TrustedLoads {

        /**
         * Before the commit: reads the stored versions of the loads no versioned save checked on
         * {@code connection}, and describes the first that was outdated when it was loaded: its
         * stored version is not the one trusted, and no transaction of this provider saved the
         * aggregate since (none is saving it, and the state kept is still the one trusted), so
         * another process did, perhaps before the load. A version moved by a save of this provider
         * is a race the versioned saves settle, as if the row had been read at the load.
         *
         * @param connection the transaction's connection
         * @return the aggregate and the versions, or null when no load checked was outdated
         * @throws SQLException when the database fails
         */
        String outdated(Connection connection) throws SQLException;

        /**
         * After the transaction failed and rolled back: reads the stored versions of all the
         * trusted loads on {@code connection}, and describes the first whose stored version is not
         * the one trusted, preferring one that another process moved to one a save of this
         * provider moved. Either may be why the transaction failed: a command refused the old
         * state, or its versioned save met the new one.
         *
         * @param connection the transaction's connection
         * @return the load found outdated, or null when every stored version is the one trusted
         * @throws SQLException when the database fails
         */
        Outdated outdatedAfterFailure(Connection connection) throws SQLException;

        /**
         * The query of the stored versions of the loads no versioned save checked and no check
         * found current yet, to be sent with a statement of the transaction where statements go
         * together (the commit's writes, or a query); then {@link VersionCheck#outdated()} says
         * what {@link #outdated outdated(connection)} would have said, and marks the loads
         * it found current as checked. A check at any time after a load tells whether the state
         * was outdated when it was trusted, as versions only grow.
         *
         * @return the check; {@link VersionCheck#NONE} when every load was checked by a save, and
         *     null when one query cannot check them all
         */
        VersionCheck unsavedCheck();

        /** Forgets every kept state the loads trusted, so that the next loads read the rows. */
        void forget();
    }

    /**
     * A trusted load whose stored version moved, found after the transaction failed.
     *
     * @param description the aggregate and the versions
     * @param movedHere whether a save of this provider moved it (a rival transaction of the same
     *     storage, whose commit had not yet replaced the kept state), rather than another process
     */
    record Outdated(String description, boolean movedHere) {
    }

    /**
     * A query of stored versions sent after a flush's writes, in their round trip, and what its
     * rows tell.
     */
    static final class VersionCheck {
        /** No query: every load was checked by a save. */
        static final VersionCheck NONE = new VersionCheck(null, null, null, () -> null);

        private final PendingWrites.Query query;
        private final java.util.function.Supplier<String> outdated;

        /**
         * @param sql the query
         * @param params its placeholder values
         * @param reader reads its rows
         * @param outdated describes the first load outdated by the rows read, or returns null
         */
        VersionCheck(String sql, Object[] params, PendingWrites.ResultReader reader,
                java.util.function.Supplier<String> outdated) {
            this.query = sql == null ? null : new PendingWrites.Query(sql, params, reader);
            this.outdated = outdated;
        }

        PendingWrites.Query query() {
            return query;
        }

        /** The first load outdated by the rows read, described, or null. */
        String outdated() {
            return outdated.get();
        }
    }

    /**
     * The checks of the trusted loads of the active transaction that no save or check has checked,
     * to send with a query where statements go together.
     *
     * @return the checks; empty when there are none, or when one query cannot check them all
     */
    List<VersionCheck> trustedToCheck() {
        Binding binding = bound.get();
        if (binding == null || binding.readOnly) {
            return List.of();
        }
        List<VersionCheck> checks = checksOf(binding);
        return checks == null ? List.of() : checks;
    }

    /**
     * Fails with {@link KeptStateOutdatedException}, forgetting the kept states the transaction
     * trusted, when one of the checks, whose rows were read, found its load outdated.
     *
     * @param checks checks of the active transaction
     */
    void requireCurrent(List<VersionCheck> checks) {
        requireCurrent(active(), checks);
    }

    private static void requireCurrent(Binding binding, List<VersionCheck> checks) {
        for (VersionCheck check : checks) {
            String outdated = check.outdated();
            if (outdated != null) {
                throw outdated(binding, outdated);
            }
        }
    }

    /** The checks of the transaction's trusted loads no save or check has checked; null when one query cannot check them all. */
    private static List<VersionCheck> checksOf(Binding binding) {
        List<VersionCheck> checks = new ArrayList<>();
        if (binding.trusted == null) {
            return checks;
        }
        for (TrustedLoads loads : binding.trusted) {
            VersionCheck check = loads.unsavedCheck();
            if (check == null) {
                return null;
            }
            if (check != VersionCheck.NONE) {
                checks.add(check);
            }
        }
        return checks;
    }

    /**
     * Sends the queued writes before the commit and checks the trusted loads no save checked:
     * where the flush sends statements together, the versions' queries go in the writes' round
     * trip, after them, as they would run after them one by one.
     */
    private static void flushAndCheckTrusted(Binding binding) {
        // null: checked after the flush, on their own
        List<VersionCheck> checks = binding.pending.sendsTogether() ? checksOf(binding) : null;
        List<PendingWrites.Query> queries = checks == null ? List.of()
                : checks.stream().map(VersionCheck::query).toList();
        if (!binding.pending.flush(binding.connection, queries) || checks == null) {
            checkTrustedBeforeCommit(binding);
            return;
        }
        requireCurrent(binding, checks);
    }

    private static KeptStateOutdatedException outdated(Binding binding, String outdated) {
        binding.trusted.forEach(TrustedLoads::forget);
        return new KeptStateOutdatedException("the kept state of " + outdated + ": another process saved it after "
                + "this provider kept it; nothing was written, and the next attempt reads it from the database", null);
    }

    /** Fails with {@link KeptStateOutdatedException} when a trusted load no save checked is outdated. */
    private static void checkTrustedBeforeCommit(Binding binding) {
        if (binding.trusted == null) {
            return;
        }
        String outdated;
        try {
            outdated = firstOutdated(binding);
        } catch (SQLException e) {
            throw SqlFailures.wrap("checking the versions of the kept states the transaction loaded", e);
        }
        if (outdated != null) {
            throw outdated(binding, outdated);
        }
    }

    private static String firstOutdated(Binding binding) throws SQLException {
        for (TrustedLoads loads : binding.trusted) {
            String outdated = loads.outdated(binding.connection);
            if (outdated != null) {
                return outdated;
            }
        }
        return null;
    }

    /** The first trusted load found outdated after a failure, one another process moved first. */
    private static Outdated firstOutdatedAfterFailure(Binding binding) throws SQLException {
        Outdated movedHere = null;
        for (TrustedLoads loads : binding.trusted) {
            Outdated outdated = loads.outdatedAfterFailure(binding.connection);
            if (outdated != null && !outdated.movedHere()) {
                return outdated;
            }
            if (movedHere == null) {
                movedHere = outdated;
            }
        }
        return movedHere;
    }

    /**
     * Ends a transaction that failed: rolls it back, checks what it trusted
     * ({@link #outdatedAfter}) and returns the connection.
     *
     * @return the exception that replaces {@code failure}, or null when the failure stands
     */
    private static RuntimeException endFailed(Binding binding, Throwable failure) {
        rollback(binding, failure);
        RuntimeException outdated = outdatedAfter(binding, failure);
        release(binding, outdated != null ? outdated : failure);
        return outdated;
    }

    /**
     * After a transaction that trusted kept states failed and rolled back: whether one of them was
     * outdated, which may be why it failed (a stale version at the save, or a rejection of an old
     * state). Then the states are forgotten, so that the next attempt reads the rows, and the
     * failure is replaced by one the runtime runs again, carrying it: a
     * {@link KeptStateOutdatedException} when another process moved the version; a
     * {@link StaleVersionException} when a rival transaction of this provider did, whose commit had
     * not yet replaced the state kept (a stale version at the save already is one, and stands).
     * Otherwise null, and the failure stands. A failure of the check itself is added to the failure.
     */
    private static RuntimeException outdatedAfter(Binding binding, Throwable failure) {
        if (binding.trusted == null || failure instanceof KeptStateOutdatedException
                || !(failure instanceof RuntimeException)) {
            return null;
        }
        Outdated outdated;
        try {
            outdated = firstOutdatedAfterFailure(binding);
            binding.connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(SqlFailures.wrapAny("checking the versions of the kept states the transaction loaded", e));
            return null;
        }
        if (outdated == null) {
            return null;
        }
        binding.trusted.forEach(TrustedLoads::forget);
        if (!outdated.movedHere()) {
            return new KeptStateOutdatedException("the kept state of " + outdated.description() + ": another process "
                    + "saved it after this provider kept it, and the transaction failed on it (" + failure.getMessage()
                    + "); nothing was written, and the next attempt reads it from the database", failure);
        }
        if (failure instanceof StaleVersionException) {
            return null;
        }
        return new StaleVersionException("the kept state of " + outdated.description() + ": a concurrent transaction "
                + "saved it while this one worked on the state kept before, and this one failed on that state ("
                + failure.getMessage() + "); nothing was written, and the next attempt reads it from the database", failure);
    }

    /**
     * Runs {@code hook} once the transaction active on the calling thread has ended, whether it
     * committed or rolled back, after the {@linkplain #afterCommit after-commit hooks}. Meant for
     * the provider's own bookkeeping, so a hook must not throw.
     *
     * @param hook what to run at the end
     * @throws InvalidStateException when no transaction of this provider is active on the thread
     */
    void afterCompletion(Runnable hook) {
        Require.nonNull(hook, "hook");
        active().afterCompletion.add(hook);
    }

    private static <T> T joined(Binding outer, TransactionalWork<T> work) {
        try {
            return work.execute();
        } catch (Throwable failure) {
            if (outer.rollbackOnly == null) {
                outer.rollbackOnly = failure;
            }
            throw failure;
        }
    }

    /**
     * A connection at read committed for a transaction (auto-commit switched off) or for a read
     * (left in its own auto-commit mode; a connection handed out with auto-commit off is then
     * inside a transaction, which the read ends with a rollback).
     */
    private Binding begin(boolean readOnly) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlFailures.wrap("opening a connection", e);
        }
        if (connection == null) {
            throw new StorageException("opening a connection failed: the data source returned no connection", null);
        }
        try {
            Settings own = settingsOf(connection);
            if (own.isolation != Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            if (readOnly) {
                Binding binding = new Binding(connection, false, own.isolation, true);
                binding.inTransaction = !own.autoCommit;
                return binding;
            }
            if (own.autoCommit) {
                connection.setAutoCommit(false);
            }
            return new Binding(connection, own.autoCommit, own.isolation, false);
        } catch (SQLException e) {
            StorageException failure = SqlFailures.wrap(readOnly ? "starting a read" : "starting a transaction", e);
            try {
                connection.close();
            } catch (SQLException | RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
    }

    /** The connection's own settings, read from the database the first time the physical connection is seen. */
    private Settings settingsOf(Connection connection) throws SQLException {
        Connection physical = physical(connection);
        Settings known = SETTINGS.get(physical);
        if (known == null) {
            known = new Settings(connection.getAutoCommit(), connection.getTransactionIsolation());
            SETTINGS.put(physical, known);
        }
        return known;
    }

    /** The driver's connection behind a pool's wrapper; the connection itself when it wraps nothing. */
    private static Connection physical(Connection connection) {
        try {
            Connection unwrapped = connection.unwrap(Connection.class);
            return unwrapped == null ? connection : unwrapped;
        } catch (SQLException | RuntimeException e) {
            return connection;
        }
    }

    private static void rollback(Binding binding, Throwable primary) {
        try {
            binding.connection.rollback();
        } catch (SQLException | RuntimeException e) {
            primary.addSuppressed(SqlFailures.wrapAny("rolling back the transaction", e));
        }
    }

    /** Restores the connection's settings and closes it; failures go to {@code primary}, or are thrown when it is null. */
    private static void release(Binding binding, Throwable primary) {
        Throwable failure = null;
        Connection connection = binding.connection;
        try {
            if (binding.previousAutoCommit) {
                connection.setAutoCommit(true);
            }
            if (binding.previousIsolation != Connection.TRANSACTION_READ_COMMITTED
                    && binding.previousIsolation != Connection.TRANSACTION_NONE) {
                connection.setTransactionIsolation(binding.previousIsolation);
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure == null) {
            return;
        }
        if (primary != null) {
            primary.addSuppressed(SqlFailures.wrapAny("returning the connection", failure));
        } else {
            throw SqlFailures.wrapAny("the transaction committed, but returning its connection", failure);
        }
    }

    /** What a connection was set to before the provider first used it. */
    private record Settings(boolean autoCommit, int isolation) {
    }

    /** The connection of one outermost transaction and what to restore on it afterwards. */
    private static final class Binding {
        private final Connection connection;
        private final int previousIsolation;
        /** Whether this is a read-only unit of work ({@link #read}), which refuses every write. */
        private final boolean readOnly;
        private final Map<Object, Object> attachments = new HashMap<>();
        private final List<Runnable> afterCommit = new ArrayList<>(2);
        private final List<Runnable> afterCompletion = new ArrayList<>(2);
        /** Whether the provider switched auto-commit off, so that it must switch it on again. */
        private boolean previousAutoCommit;
        /** For a read: whether the connection is inside a transaction, which ends with a rollback. */
        private boolean inTransaction;
        /** For a read: whether its transaction reads every row from one snapshot. */
        private boolean oneSnapshot;
        private PendingWrites pending;
        private Throwable rollbackOnly;
        /** The repositories' loads that trusted kept states; null when none did. */
        private List<TrustedLoads> trusted;

        private Binding(Connection connection, boolean previousAutoCommit, int previousIsolation, boolean readOnly) {
            this.connection = connection;
            this.previousAutoCommit = previousAutoCommit;
            this.previousIsolation = previousIsolation;
            this.readOnly = readOnly;
        }
    }
}
