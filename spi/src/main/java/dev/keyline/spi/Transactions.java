package dev.keyline.spi;

/**
 * The transaction boundary a storage provider offers.
 *
 * <p>{@link #execute(TransactionalWork)} runs work in one transaction bound to the calling thread:
 * it commits when the work returns and rolls back when it throws (the exception propagates
 * unchanged). A nested call on the same thread joins the outer transaction; only the outermost
 * call commits. Changes are invisible to other transactions until commit.
 */
public interface Transactions {

    /** Runs {@code work} in a transaction (joining one already active on this thread) and returns its result. */
    <T> T execute(TransactionalWork<T> work);

    /** Runs {@code work} in a transaction (joining one already active on this thread). */
    default void run(Runnable work) {
        execute(() -> {
            work.run();
            return null;
        });
    }

    /** Whether the calling thread is inside a transaction of this provider. */
    boolean isActive();
}
