package dev.keyline.spi;

import dev.keyline.domain.common.Require;

/**
 * The transaction boundary a storage provider offers.
 *
 * <p>{@link #execute(TransactionalWork)} runs work in one transaction bound to the calling thread:
 * it commits when the work returns and rolls back when it throws (the exception propagates
 * unchanged). A nested call on the same thread joins the outer transaction; only the outermost
 * call commits. Changes are invisible to other transactions until commit.
 *
 * <p>If a nested call fails, the whole transaction rolls back, even when the outer work catches
 * the exception and returns normally: the outermost call then throws an
 * {@code InvalidStateException} (with the nested failure as its cause) instead of committing, so
 * part of a failed unit of work is never committed. A commit that fails (for example a version
 * conflict detected at commit) rolls back and throws. Repositories and the outbox used outside
 * any transaction throw {@code InvalidStateException} saying a transaction is required.
 *
 * <p>{@link #read(TransactionalWork)} runs work that only reads, without the cost of a
 * transaction where the provider can avoid it, and refuses every write inside it.
 */
public interface Transactions {

    /**
     * Runs {@code work} in a transaction (joining one already active on this thread) and returns its result.
     *
     * @param <T> the type of the work's result
     * @param work the work to run
     * @return the work's result
     */
    <T> T execute(TransactionalWork<T> work);

    /**
     * Runs {@code work} in a transaction (joining one already active on this thread).
     *
     * @param work the work to run
     */
    default void run(Runnable work) {
        Require.nonNull(work, "work");
        execute(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} that only reads, and returns its result.
     *
     * <p>Inside a transaction or read already active on this thread, the work joins it (inside a
     * transaction it sees that transaction's own changes). Otherwise it runs as a read-only unit of
     * work: every read sees committed state, as inside a transaction at read committed, which is
     * what {@link #execute} gives too; but the provider need not open a transaction for it (the
     * JDBC provider runs the statements in the connection's auto-commit mode, so a find costs no
     * commit). A provider may give more: in the JDBC provider on PostgreSQL, a read's first stream
     * opens a transaction at repeatable read, and the rest of the read sees one snapshot. Repositories and the outbox accept the work as they accept a transaction
     * ({@link #isActive()} is true while it runs), and a nested {@link #execute} joins it.
     *
     * <p>A write inside a read-only unit, directly or in a nested {@link #execute} (saving an
     * aggregate, appending to the outbox or claiming from it, recording a receipt), throws an
     * {@code InvalidStateException} that says so, before anything is written, and nothing the
     * unit did is kept. The work's own exceptions propagate unchanged.
     *
     * @param <T> the type of the work's result
     * @param work the work to run
     * @return the work's result
     */
    <T> T read(TransactionalWork<T> work);

    /** {@return whether the calling thread is inside a transaction of this provider} */
    boolean isActive();
}
