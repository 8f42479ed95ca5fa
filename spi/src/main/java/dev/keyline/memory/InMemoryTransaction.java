package dev.keyline.memory;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One transaction of an {@link InMemoryStorage}, bound to the thread that opened it. It holds
 * each participant's write set; nothing of it is visible to other threads until commit.
 */
final class InMemoryTransaction {

    private final Map<TransactionParticipant, Object> writeSets = new IdentityHashMap<>();
    private final long number;
    private Throwable rollbackCause;

    InMemoryTransaction(long number) {
        this.number = number;
    }

    /** The transaction's number, unique within its storage; used in messages. */
    long number() {
        return number;
    }

    /** The write set the participant keeps for this transaction, created on first use. */
    @SuppressWarnings("unchecked")
    <W> W writeSet(TransactionParticipant participant, Supplier<W> create) {
        return (W) writeSets.computeIfAbsent(participant, p -> create.get());
    }

    /** The participant's write set, or null when it has none in this transaction. */
    @SuppressWarnings("unchecked")
    <W> W existingWriteSet(TransactionParticipant participant) {
        return (W) writeSets.get(participant);
    }

    Iterable<TransactionParticipant> participants() {
        return writeSets.keySet();
    }

    /** Marks the transaction so that the outermost call rolls it back: a joined call failed. */
    void markRollbackOnly(Throwable cause) {
        if (rollbackCause == null) {
            rollbackCause = cause;
        }
    }

    /** Why the transaction must roll back, or null. */
    Throwable rollbackCause() {
        return rollbackCause;
    }
}
