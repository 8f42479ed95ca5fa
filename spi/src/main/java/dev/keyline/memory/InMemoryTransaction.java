package dev.keyline.memory;

import dev.keyline.domain.common.InvalidStateException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One transaction of an {@link InMemoryStorage}, bound to the thread that opened it. It holds
 * each participant's write set; nothing of it is visible to other threads until commit.
 */
final class InMemoryTransaction {

    /** Why a write inside a read-only unit of work fails. */
    static final String READ_ONLY = "this unit of work was started with Transactions.read and cannot write; "
            + "run work that writes with Transactions.execute";

    private final Map<TransactionParticipant, Object> writeSets = new IdentityHashMap<>();
    private final long number;
    private final boolean readOnly;
    private Throwable rollbackCause;

    InMemoryTransaction(long number, boolean readOnly) {
        this.number = number;
        this.readOnly = readOnly;
    }

    /** Whether this is a read-only unit of work ({@code Transactions.read}), which refuses every write. */
    boolean readOnly() {
        return readOnly;
    }

    /** The transaction's number, unique within its storage; used in messages. */
    long number() {
        return number;
    }

    /**
     * The write set the participant keeps for this transaction, created on first use; every write
     * and every lock of a participant asks for it first.
     *
     * @throws InvalidStateException when this is a read-only unit of work
     */
    @SuppressWarnings("unchecked")
    <W> W writeSet(TransactionParticipant participant, Supplier<W> create) {
        if (readOnly) {
            throw new InvalidStateException(READ_ONLY);
        }
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
