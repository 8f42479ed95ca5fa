package dev.keyline.spi;

import dev.keyline.domain.common.EventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transactional outbox a storage provider keeps. Every method must be called inside a
 * transaction of the same provider's {@link Transactions}; {@link #append(List)} therefore commits
 * or rolls back together with the state changes that raised the events. Called outside a
 * transaction, every method throws {@code InvalidStateException}.
 *
 * <p><b>Deliveries per sink.</b> Each entry has a {@link SinkDelivery} per sink, made for every
 * sink of the relay that first claims it ({@link #claimDue}); a later claim by a relay with more
 * sinks adds the missing ones while the entry is not done. Each delivery has its own attempts,
 * next try and dead letter, and the order per aggregate holds per sink: a sink is offered an
 * aggregate's entry only when it has every earlier entry of that aggregate DELIVERED or
 * DEAD_LETTER. So a broken sink delays only itself.
 *
 * <p><b>Fencing.</b> A claim carries a token, the delivery's claim number, which every claim
 * increments. {@link #renew}, {@link #markDelivered}, {@link #markFailed} and
 * {@link #markDeadLetter} (and each mark of {@link #markAll}) apply only while the delivery is
 * IN_FLIGHT under that token; otherwise they change nothing and return {@code false}. So a relay that stalled past its lease and whose
 * delivery another relay claimed again can never move it, nor turn a DELIVERED back.
 *
 * <p><b>Locking.</b> Two transactions never claim the same entry: an entry claimed or otherwise
 * changed by a transaction that has not ended is skipped by other transactions' {@link #claimDue},
 * together with the rest of its aggregate's entries, as {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * does. Marks, renewals and requeues wait for such a transaction to end.
 *
 * <p><b>Reaction receipts.</b> A reaction (an in-process subscriber that runs as a command of its
 * own) is delivered like a sink, under its name. It records the events it has applied with
 * {@link #recordReceipt} in the same transaction as its effects, so an event delivered again (after
 * a relay died between the reaction's commit and its mark) is recognised and not applied twice.
 * Receipts go with their entry when {@link #purgeDelivered} deletes it.
 *
 * <p><b>Timers.</b> {@link #schedule} writes an event to be delivered at a later time (a
 * reservation's expiry, an SLA warning) under a key, in the caller's transaction: the entry is due
 * at its message's occurred-at time. Until that time, a timer no relay has claimed yet is invisible
 * to {@link #claimDue}: it is not claimed and it does not hold back later entries of its aggregate,
 * so a timer a week away never delays the aggregate's other events. From its due time on it takes
 * its place in its aggregate's order by its sequence (it holds back the later entries not yet done,
 * as any entry does) and is delivered like any other entry: at least once, with deliveries per sink
 * and reaction, retries, dead letters, requeues, receipts and purges. There is at most one
 * <em>pending</em> timer per key, one no relay has claimed yet ({@link OutboxEntry#isPendingTimer()}):
 * scheduling again under the key replaces it, {@link #cancelTimer} deletes it. A timer a relay has
 * claimed is never replaced nor deleted by them: it will be delivered, so a handler of a timer's
 * event must check the state it acts on (the reservation may have been extended since).
 */
public interface Outbox {

    /**
     * Appends messages as PENDING with no deliveries yet, due at their occurred-at time, in list
     * order; an event id already in the outbox fails with {@code AlreadyExistsException}.
     *
     * @param messages the messages
     */
    void append(List<OutboxMessage> messages);

    /**
     * Schedules a timer: writes {@code message} as a PENDING entry with no deliveries, keyed
     * {@code timerKey}, due at the message's occurred-at time (a time already past makes it due at
     * once), and first deletes the pending timer with the same key (one no relay has claimed yet),
     * if any, together with its delivery state. Both happen in the caller's transaction, so its
     * rollback leaves the old timer in place and the new one unwritten. A timer with the key that a
     * relay has already claimed stays and is delivered; the new one is pending beside it.
     *
     * <p>When another transaction has claimed or changed the pending timer and not yet ended, this
     * waits for it to end. When another transaction scheduled a timer under the same key and
     * committed first, so that two would be pending, this (or this transaction's commit) fails with
     * {@code StaleVersionException}: running the command again replaces that one.
     *
     * @param message the event to deliver when due; its aggregate id orders it among that
     *     aggregate's entries once due
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH}
     *     characters, for example {@code resource.reservation-expiry/R-17}
     * @return whether a pending timer with the key was replaced
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     * @throws dev.keyline.domain.common.AlreadyExistsException when the message's event id is already
     *     in the outbox (other than as the replaced timer)
     */
    boolean schedule(OutboxMessage message, String timerKey);

    /**
     * Deletes the pending timer with this key (one no relay has claimed yet), if any, in the caller's
     * transaction. A claimed timer with the key is not touched: it will be delivered. Waits for
     * another transaction that is claiming or changing the timer to end.
     *
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH} characters
     * @return whether a pending timer was deleted
     */
    boolean cancelTimer(String timerKey);

    /**
     * {@link #schedule} without telling whether a pending timer was replaced: the same writes and
     * waits, and failures a provider may report as late as this transaction's next statement or
     * its commit. Knowing nothing to report, a provider that queues its writes may send the old
     * timer's delete with them instead of at once (the JDBC provider sends it with the command's
     * other writes, in one round trip on PostgreSQL). The delete then also replaces a timer another
     * transaction scheduled under the key and committed before it ran, where {@code schedule}'s
     * earlier delete would have missed it and failed with {@code StaleVersionException}: either
     * way one timer is pending, the one whose transaction wrote last, as running the failed command
     * again would leave. The runtime's own timers use it.
     *
     * <p>The default calls {@link #schedule}.
     *
     * @param message the event to deliver when due
     * @param timerKey the key, as for {@link #schedule}
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     */
    default void setTimer(OutboxMessage message, String timerKey) {
        schedule(message, timerKey);
    }

    /**
     * {@link #cancelTimer} without telling whether a pending timer was deleted: the same delete
     * and the same waits, which a provider may run as late as this transaction's next statement or
     * its commit (the JDBC provider sends it with the command's other writes). Every read of this
     * transaction after it sees the timer gone. The runtime's own timers use it.
     *
     * <p>The default calls {@link #cancelTimer}.
     *
     * @param timerKey the key, as for {@link #cancelTimer}
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     */
    default void clearTimer(String timerKey) {
        cancelTimer(timerKey);
    }

    /**
     * The pending timer with this key (one no relay has claimed yet), as this transaction sees it.
     *
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH} characters
     * @return the timer's entry, if one is pending
     */
    Optional<OutboxEntry> pendingTimer(String timerKey);

    /**
     * Claims up to {@code limit} due deliveries to the given sinks. A pending timer due after
     * {@code now} is passed over as if it were not there (see the type's description). For each
     * sink and aggregate it considers only the oldest entry that is not done for that sink (and not done as a whole),
     * and claims it if its delivery is PENDING or FAILED with a next-attempt time at or before
     * {@code now}, or IN_FLIGHT with a lease that ended at or before {@code now}; an entry without
     * deliveries is due at its occurred-at time. Every entry touched first gets a PENDING delivery
     * for each of {@code sinks} it lacks. A claimed delivery becomes IN_FLIGHT with
     * {@code nextAttemptAt = leaseUntil} and its claim number incremented. Claims come back in
     * sequence order, then sink-name order.
     *
     * @param now the current time
     * @param sinks the names of the relay's sinks, not empty
     * @param limit the most deliveries to claim, positive
     * @param leaseUntil when the claims' lease ends, not before {@code now}
     * @return the claims
     */
    List<OutboxClaim> claimDue(Instant now, Set<String> sinks, int limit, Instant leaseUntil);

    /**
     * Extends a claim's lease to {@code leaseUntil} if the claim still holds.
     *
     * @param claim the outbox claim
     * @param leaseUntil the lease until
     * @return whether it held (and was renewed)
     */
    boolean renew(OutboxClaim claim, Instant leaseUntil);

    /**
     * Marks the claimed delivery DELIVERED at {@code at}, counting the attempt, if the claim still holds.
     *
     * @param claim the outbox claim
     * @param at the time it happens
     * @return whether the claim held; if not, nothing changed
     */
    boolean markDelivered(OutboxClaim claim, Instant at);

    /**
     * Marks the claimed delivery FAILED, to be retried at {@code nextAttemptAt}, counting the
     * attempt, if the claim still holds.
     *
     * @param claim the outbox claim
     * @param nextAttemptAt the next attempt at
     * @param error the error
     * @return whether the claim held; if not, nothing changed
     */
    boolean markFailed(OutboxClaim claim, Instant nextAttemptAt, String error);

    /**
     * Marks the claimed delivery DEAD_LETTER at {@code at} with the reason, counting the attempt,
     * if the claim still holds.
     *
     * @param claim the outbox claim
     * @param at the time it happens
     * @param error the error
     * @return whether the claim held; if not, nothing changed
     */
    boolean markDeadLetter(OutboxClaim claim, Instant at, String error);

    /**
     * Records several claimed deliveries' outcomes in the caller's transaction: each mark whose
     * claim still holds is applied as {@link #markDelivered}, {@link #markFailed} or
     * {@link #markDeadLetter} would apply it, in list order, and a mark whose claim no longer holds
     * changes nothing, while the others are applied all the same. Marks of several sinks of one
     * entry may be in the list; two marks of the same delivery (event and sink) may not.
     *
     * <p>The relay records a batch's outcomes with it. A provider records them in a few statements
     * for the whole list rather than a few per mark, and locks the entries in sequence order, so two
     * relays marking overlapping entries wait for each other instead of dead-locking. This default
     * applies the single marks one by one.
     *
     * @param marks the outcomes, at most one per delivery
     * @return for each mark, in order, whether its claim held (and the mark was applied)
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code marks} when an
     *     element is null or two marks are for the same delivery; nothing is changed then
     */
    default List<Boolean> markAll(List<OutboxMark> marks) {
        List<OutboxMark> checked = OutboxMark.distinct(marks);
        List<Boolean> held = new ArrayList<>(checked.size());
        for (OutboxMark m : checked) {
            held.add(switch (m.status()) {
                case DELIVERED -> markDelivered(m.claim(), m.at());
                case FAILED -> markFailed(m.claim(), m.at(), m.error());
                default -> markDeadLetter(m.claim(), m.at(), m.error());
            });
        }
        return List.copyOf(held);
    }

    /**
     * Moves the DEAD_LETTER delivery of {@code eventId} to {@code sink} back to PENDING, due at
     * {@code at}, keeping its attempt count and last error; {@code NotFoundException} for an
     * unknown id or a sink the entry has no delivery for, {@code InvalidStateException} for a
     * delivery in another status.
     *
     * @param eventId the event's unique id
     * @param sink the notification sink
     * @param at the time it happens
     */
    void requeue(EventId eventId, String sink, Instant at);

    /**
     * {@return the entry with this id, if any}
     *
     * @param eventId the event's unique id
     */
    Optional<OutboxEntry> find(EventId eventId);

    /**
     * Up to {@code limit} entries whose {@link OutboxEntry#status()} is {@code status}, in sequence order.
     *
     * @param status the status
     * @param limit the most entries to list, above zero
     * @return the entries, in sequence order
     */
    List<OutboxEntry> list(DeliveryStatus status, int limit);

    /**
     * Up to {@code limit} entries whose delivery to {@code sink} is DEAD_LETTER, in sequence order.
     *
     * @param sink the notification sink
     * @param limit the most entries to list, above zero
     * @return the entries, in sequence order
     */
    List<OutboxEntry> deadLetters(String sink, int limit);

    /**
     * Deletes up to {@code limit} entries that every sink has accepted (entry status DELIVERED)
     * before {@code olderThan}, oldest first. An entry some sink has not yet accepted, or has
     * dead-lettered, is never deleted; neither is one another transaction is changing.
     *
     * @param olderThan the older than
     * @param limit the most entries to list, above zero
     * @return how many entries were deleted
     */
    int purgeDelivered(Instant olderThan, int limit);

    /**
     * Records that the reaction named {@code reaction} applied the event {@code eventId}, unless it
     * already did. The entry is locked first (waiting for another transaction that holds it), so two
     * transactions applying the same event for the same reaction run one after the other, and the
     * second sees the first's receipt once the first commits.
     *
     * @param reaction the reaction's name, as its deliveries are named
     * @param eventId the event, an entry of this outbox
     * @param at when it was applied
     * @return {@code true} when the receipt was recorded now; {@code false} when the reaction had
     *     already applied the event (nothing changed)
     * @throws dev.keyline.domain.common.NotFoundException when there is no entry for the event
     */
    boolean recordReceipt(String reaction, EventId eventId, Instant at);

    /**
     * Whether the reaction named {@code reaction} has applied the event {@code eventId}, as this
     * transaction sees it.
     *
     * @param reaction the reaction's name
     * @param eventId the event
     * @return whether a receipt exists
     */
    boolean hasReceipt(String reaction, EventId eventId);
}
