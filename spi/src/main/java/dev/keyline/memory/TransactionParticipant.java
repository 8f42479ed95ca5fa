package dev.keyline.memory;

/**
 * A store that keeps per-transaction changes (a table, the outbox) and takes part in the commit
 * of an {@link InMemoryTransaction}. The commit first validates every participant, then applies
 * every participant, all under the storage's commit lock, so a commit is all or nothing.
 */
interface TransactionParticipant {

    /** Checks that the transaction's changes still apply to the committed state; throws if not. */
    void validate(InMemoryTransaction transaction);

    /** Makes the transaction's changes the committed state. Must not fail after a successful validate. */
    void apply(InMemoryTransaction transaction);

    /** Forgets the transaction's changes and releases what it held, after a commit or a rollback. */
    void release(InMemoryTransaction transaction);
}
