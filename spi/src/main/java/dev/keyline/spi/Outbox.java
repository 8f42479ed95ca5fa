package dev.keyline.spi;

import dev.keyline.domain.common.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox a storage provider keeps. Every method must be called inside a
 * transaction of the same provider's {@link Transactions}; {@link #append(List)} therefore commits
 * or rolls back together with the state changes that raised the events. Called outside a
 * transaction, every method throws {@code InvalidStateException}.
 *
 * <p>Two transactions never claim the same entry: an entry claimed (or otherwise changed) by a
 * transaction that has not ended is skipped by other transactions' {@link #claimDue}, together
 * with the rest of its aggregate's entries, as {@code SELECT ... FOR UPDATE SKIP LOCKED} does.
 */
public interface Outbox {

    /**
     * Appends messages as PENDING, due at their occurred-at time, in list order; an event id
     * already in the outbox fails with {@code AlreadyExistsException}.
     */
    void append(List<OutboxMessage> messages);

    /**
     * Claims up to {@code limit} due entries: PENDING or FAILED entries whose next-attempt time is
     * at or before {@code now}, and IN_FLIGHT entries whose lease ended at or before {@code now}.
     * At most one entry per aggregate is returned, and only the aggregate's oldest entry that is
     * not DELIVERED or DEAD_LETTER, so delivery is in order per aggregate. Claimed entries become
     * IN_FLIGHT with {@code nextAttemptAt = leaseUntil}. Entries come back in sequence order.
     */
    List<OutboxEntry> claimDue(Instant now, int limit, Instant leaseUntil);

    /** Marks an entry DELIVERED; counts the attempt. */
    void markDelivered(EventId eventId, int attempts, Instant deliveredAt);

    /** Marks an entry FAILED, to be retried at {@code nextAttemptAt}. */
    void markFailed(EventId eventId, int attempts, Instant nextAttemptAt, String error);

    /** Marks an entry DEAD_LETTER with the reason. */
    void markDeadLetter(EventId eventId, int attempts, Instant at, String error);

    /**
     * Moves a DEAD_LETTER entry back to PENDING, due at {@code at}, keeping its attempt count;
     * {@code NotFoundException} for an unknown id, {@code InvalidStateException} for an entry in
     * another status.
     */
    void requeue(EventId eventId, Instant at);

    /** The entry with this id, if any. */
    Optional<OutboxEntry> find(EventId eventId);

    /** Up to {@code limit} entries in the given status, in sequence order. */
    List<OutboxEntry> list(DeliveryStatus status, int limit);
}
