package dev.keyline.runtime;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.json.KeylineJson;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMark;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers committed outbox entries to every sink, at least once, in order per aggregate and sink.
 *
 * <p>Every sink has its own delivery state per event ({@link SinkDelivery}): its attempts, its
 * next try, its dead letter. One pump claims due deliveries in one transaction (they become
 * IN_FLIGHT for the policy's lease), offers each to its sink outside any transaction, and records
 * the outcomes of the batch together, in one transaction ({@link Outbox#markAll}) at the end of the
 * batch, or earlier when a lease runs short (see below):
 * <ul>
 *   <li>the sink returned normally: DELIVERED for that sink;</li>
 *   <li>the sink threw {@link PermanentDeliveryException}, or the attempt was the policy's last:
 *       DEAD_LETTER for that sink, with the sink's name and the exception's message as the reason;</li>
 *   <li>the sink threw anything else (any exception or error but a {@link VirtualMachineError}):
 *       FAILED for that sink, due again after the policy's backoff, or after the sink's
 *       {@link RetryableDeliveryException#retryAfter()} hint when that is longer (a hint is cut to
 *       the policy's {@link RetryPolicy#maxRetryAfter()}).</li>
 * </ul>
 * A failing sink holds back only its own later events of the same aggregate; the other sinks go
 * on. An entry is DELIVERED once every sink accepted it. A relay that dies mid-batch (or a
 * {@link VirtualMachineError}) leaves the batch's deliveries whose outcomes it had not recorded yet
 * IN_FLIGHT; they are claimed again once the lease ends and delivered again (at least once).
 * Nothing is ever marked delivered that a sink did not accept.
 *
 * <p><b>Leases and fencing.</b> Every delivery starts with at least nine tenths of the policy's
 * lease ahead of it: just before offering an event, the relay renews the claim in hand if less than
 * that is left (so with a fast sink a batch needs no renewal at all, and with a slow one each claim
 * is renewed when its turn comes, as the lease needs to cover one delivery, not the whole batch,
 * and the claims further down a slow batch may go to another relay when their lease ends). If the
 * claim no longer holds at that point (another relay claimed the delivery again after this relay
 * stalled past its lease), the relay does not offer the event. The outcomes kept for the batch's
 * end are recorded earlier, in the same transaction as such a renewal, as soon as one of their
 * claims has less than nine tenths of the lease left; so with a lease of at least 10/9 of the
 * slowest delivery (the sink's time-out plus recording the outcome), every outcome is recorded while
 * its claim holds. Every mark carries the
 * claim's token; a mark whose claim no longer holds changes nothing, is counted as
 * {@link RelayReport#stale()} and logged, and the batch's other marks are recorded all the same.
 * Sinks are told apart by {@link NotificationSink#name()}, which the {@link Keyline} builder
 * requires to be unique.
 *
 * <p><b>Reactions.</b> The relay delivers each {@link Reaction} like a sink, under the reaction's
 * name, with the same delivery state, retries, dead letters and order per aggregate. For an event
 * the reaction takes, it runs the reaction's handler in a transaction of its own (see
 * {@link Reaction}) that also records a receipt for the event, and skips the handler when a receipt
 * is already there (the event was applied, but the relay died before marking it); an event whose
 * JSON cannot be read back is dead-lettered at once; the relay records the outcome with the batch's
 * others. An event the reaction does not take is marked delivered for it without running it, and is
 * not counted in the {@link RelayReport}.
 *
 * <p>With neither sinks nor reactions, the relay claims nothing: entries wait until a sink is wired,
 * rather than being marked delivered to nobody. With reactions but no sinks, an entry is done once
 * every reaction has taken it; a sink wired later is offered only the entries not yet done. All
 * times come from the runtime's {@link Clock}.
 *
 * <p>Pump by hand ({@link #pumpOnce()}, {@link #pumpUntilIdle(int)}) in tests and batch jobs, or on
 * a host's scheduler with {@link #start(ScheduledExecutorService, Duration)}. Several relays (or
 * hosts) may pump the same storage at once; the outbox's claims keep them apart. Delivered entries
 * stay in the outbox until {@link #purgeDelivered(Instant)} removes them.
 */
public final class Relay {

    private static final System.Logger LOG = System.getLogger(Relay.class.getName());
    private static final int MAX_REASON_LENGTH = 500;
    private static final int ROUNDS_PER_TICK = 10;
    private static final int PURGE_CHUNK = 500;
    /** The share of the lease, in tenths, that a delivery starts with at least, and that a kept outcome's claim keeps until recorded. */
    private static final int LEASE_AHEAD_TENTHS = 9;

    private final Transactions transactions;
    private final Outbox outbox;
    private final Map<String, NotificationSink> sinks;
    private final Map<String, Reaction> reactions;
    private final Set<String> deliveries;
    private final KeylineJson json;
    private final Clock clock;
    private final ZoneId zone;
    private final RetryPolicy policy;
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private ScheduledFuture<?> schedule;

    Relay(StorageProvider storage, List<NotificationSink> sinks, List<Reaction> reactions, Clock clock, ZoneId zone,
            RetryPolicy policy, KeylineJson json) {
        this.transactions = storage.transactions();
        this.outbox = storage.outbox();
        Map<String, NotificationSink> byName = new LinkedHashMap<>();
        for (NotificationSink sink : sinks) {
            if (byName.put(sink.name(), sink) != null) {
                throw new InvalidArgumentException("sinks", "two sinks are named '" + sink.name() + "'");
            }
        }
        this.sinks = Collections.unmodifiableMap(byName);
        Map<String, Reaction> reactionsByName = new LinkedHashMap<>();
        for (Reaction reaction : reactions) {
            if (byName.containsKey(reaction.name()) || reactionsByName.put(reaction.name(), reaction) != null) {
                throw new InvalidArgumentException("reactions", "two sinks or reactions are named '" + reaction.name() + "'");
            }
        }
        this.reactions = Collections.unmodifiableMap(reactionsByName);
        Set<String> names = new TreeSet<>(this.sinks.keySet());
        names.addAll(this.reactions.keySet());
        this.deliveries = Collections.unmodifiableSet(names);
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.policy = policy;
    }

    /**
     * Claims the due deliveries (at most the policy's batch size), delivers them and records the
     * outcomes.
     *
     * @return what was done
     * @throws dev.keyline.domain.common.KeylineException when the storage fails; deliveries already
     *     claimed are then claimed again after their lease, so none is lost
     */
    public RelayReport pumpOnce() {
        return pump().report();
    }

    /** {@return the reactions this relay delivers to, by name} */
    public Map<String, Reaction> reactions() {
        return reactions;
    }

    /** One pump: its report and how many deliveries it claimed (the passed-over ones included). */
    private record Round(RelayReport report, int claimed) {
    }

    private Round pump() {
        if (deliveries.isEmpty()) {
            return new Round(RelayReport.NOTHING, 0);
        }
        Instant now = clock.instant();
        List<OutboxClaim> claimed = transactions.execute(
                () -> outbox.claimDue(now, deliveries, policy.batchSize(), now.plus(policy.lease())));
        Batch batch = new Batch();
        for (OutboxClaim claim : claimed) {
            batch.offer(claim);
        }
        batch.checkpoint(null, null);
        return new Round(batch.report(), claimed.size());
    }

    /**
     * Pumps until a pump finds nothing due, at most {@code maxRounds} times.
     *
     * @param maxRounds the most pumps to run, at least 1
     * @return the sum of the pumps' reports
     */
    public RelayReport pumpUntilIdle(int maxRounds) {
        Require.positive(maxRounds, "maxRounds");
        RelayReport total = RelayReport.NOTHING;
        for (int round = 0; round < maxRounds; round++) {
            Round done = pump();
            total = total.plus(done.report());
            if (done.claimed() == 0) {
                break;
            }
        }
        return total;
    }

    /**
     * Pumps on the host's executor every {@code interval} (with a fixed delay between the end of
     * one run and the start of the next), until {@link #stop()}. A failing run is logged and kept
     * as {@link #lastFailure()}; it never ends the schedule.
     *
     * @param executor the host's scheduler; the relay does not shut it down
     * @param interval the delay between runs, positive
     * @throws InvalidStateException when the relay is already started
     */
    public synchronized void start(ScheduledExecutorService executor, Duration interval) {
        Require.nonNull(executor, "executor");
        Require.nonNull(interval, "interval");
        Require.that(!interval.isNegative() && !interval.isZero(), "interval", () -> "must be positive but was " + interval);
        if (schedule != null) {
            throw new InvalidStateException("the relay is already started; stop it first");
        }
        long nanos = interval.toNanos();
        schedule = executor.scheduleWithFixedDelay(this::tick, 0, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the schedule started by {@link #start(ScheduledExecutorService, Duration)}; a run in progress finishes. Does nothing when not started. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    /** {@return whether the relay runs on a schedule} */
    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /** {@return the failure of the most recent scheduled run that failed, if any} */
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Moves every dead-lettered delivery of an entry back to PENDING, due now, in one transaction
     * (or the caller's); its other sinks are left alone.
     *
     * @param eventId the entry's event id
     * @throws dev.keyline.domain.common.NotFoundException when there is no such entry
     * @throws InvalidStateException when no delivery of the entry is dead-lettered
     */
    public void requeue(EventId eventId) {
        Require.nonNull(eventId, "eventId");
        Instant now = clock.instant();
        transactions.run(() -> {
            OutboxEntry entry = outbox.find(eventId)
                    .orElseThrow(() -> new NotFoundException("no outbox entry for event " + eventId));
            List<SinkDelivery> dead = entry.deliveries().stream().filter(d -> d.status() == DeliveryStatus.DEAD_LETTER)
                    .toList();
            if (dead.isEmpty()) {
                throw new InvalidStateException("outbox entry for event " + eventId + " has no dead-lettered delivery; "
                        + "its deliveries are " + entry.deliveries());
            }
            dead.forEach(d -> outbox.requeue(eventId, d.sink(), now));
        });
    }

    /**
     * Moves the dead-lettered delivery of an entry to one sink back to PENDING, due now, in its
     * own transaction (or the caller's).
     *
     * @param eventId the entry's event id
     * @param sink the sink's name
     */
    public void requeue(EventId eventId, String sink) {
        Require.nonNull(eventId, "eventId");
        Require.nonBlank(sink, "sink");
        Instant now = clock.instant();
        transactions.run(() -> outbox.requeue(eventId, sink, now));
    }

    /**
     * Replays up to {@code limit} of a sink's dead letters, oldest first: each goes back to
     * PENDING for that sink, due now, in one transaction (or the caller's).
     *
     * @param sink the sink's name
     * @param limit the most dead letters to replay, positive
     * @return how many were requeued
     */
    public int replayDeadLetters(String sink, int limit) {
        Require.nonBlank(sink, "sink");
        Require.positive(limit, "limit");
        Instant now = clock.instant();
        return transactions.execute(() -> {
            List<OutboxEntry> dead = outbox.deadLetters(sink, limit);
            dead.forEach(e -> outbox.requeue(e.message().eventId(), sink, now));
            return dead.size();
        });
    }

    /**
     * Up to {@code limit} entries with at least one dead-lettered delivery, oldest first.
     *
     * @param limit the most entries to list, above zero
     * @return the entries, oldest first
     */
    public List<OutboxEntry> deadLetters(int limit) {
        Require.positive(limit, "limit");
        return transactions.execute(() -> outbox.list(DeliveryStatus.DEAD_LETTER, limit));
    }

    /**
     * Up to {@code limit} entries whose delivery to {@code sink} is dead-lettered, oldest first.
     *
     * @param sink the sink's name
     * @param limit the most entries to list, above zero
     * @return the entries, oldest first
     */
    public List<OutboxEntry> deadLetters(String sink, int limit) {
        Require.nonBlank(sink, "sink");
        Require.positive(limit, "limit");
        return transactions.execute(() -> outbox.deadLetters(sink, limit));
    }

    /**
     * Deletes the entries every sink accepted before {@code olderThan}, in transactions of a few
     * hundred entries each. Entries some sink has not yet accepted, or has dead-lettered, stay.
     * Call it on the host's schedule with {@code clock.instant().minus(retention)}.
     *
     * @param olderThan entries delivered before this instant are deleted
     * @return how many entries were deleted
     */
    public int purgeDelivered(Instant olderThan) {
        Require.nonNull(olderThan, "olderThan");
        int total = 0;
        while (true) {
            int purged = transactions.execute(() -> outbox.purgeDelivered(olderThan, PURGE_CHUNK));
            total += purged;
            if (purged < PURGE_CHUNK) {
                return total;
            }
        }
    }

    private void tick() {
        try {
            pumpUntilIdle(ROUNDS_PER_TICK);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            lastFailure.set(failure);
            LOG.log(System.Logger.Level.WARNING, "outbox relay run failed; it will run again", failure);
        }
    }

    /** A failed delivery: the sink, what it threw, and whether it was permanent. */
    private record SinkFailure(String sink, Throwable error) {

        boolean permanent() {
            return error instanceof PermanentDeliveryException;
        }

        Duration retryAfter() {
            return error instanceof RetryableDeliveryException r ? r.retryAfter().orElse(null) : null;
        }

        String reason() {
            String message = error.getMessage();
            String text = sink + ": " + (message == null || message.isBlank() ? error.getClass().getName() : message);
            return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
        }
    }

    private static SinkFailure deliver(NotificationSink sink, Notification notification) {
        try {
            sink.deliver(notification);
            return null;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            return new SinkFailure(sink.name(), failure);
        }
    }

    /**
     * Applies an event to a reaction in a transaction of its own, unless its receipt shows the
     * reaction already applied it.
     *
     * @return null when applied (or already applied), else the failure
     */
    private SinkFailure react(Reaction reaction, OutboxMessage message) {
        try {
            DomainEvent event;
            try {
                event = json.readEvent(message.type(), message.payload());
            } catch (KeylineException unreadable) {
                throw new PermanentDeliveryException("event " + message.eventId() + " of type '" + message.type()
                        + "' cannot be read back: " + unreadable.getMessage(), unreadable);
            }
            transactions.execute(() -> {
                CommandContext context = new CommandContext(clock, zone, outbox, json);
                try {
                    if (outbox.recordReceipt(reaction.name(), message.eventId(), context.now())) {
                        reaction.handler().react(event, context);
                    }
                } finally {
                    context.close();
                }
                return null;
            });
            return null;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            return new SinkFailure(reaction.name(), failure);
        }
    }

    /** The mark that records a delivery's outcome: delivered when the sink or reaction accepted it. */
    private OutboxMark markFor(OutboxClaim claim, SinkFailure failure) {
        Instant at = clock.instant();
        if (failure == null) {
            return OutboxMark.delivered(claim, at);
        }
        if (failure.permanent() || claim.attempt() >= policy.maxAttempts()) {
            return OutboxMark.deadLetter(claim, at, failure.reason());
        }
        return OutboxMark.failed(claim, at.plus(policy.waitAfter(claim.attempt(), failure.retryAfter())), failure.reason());
    }

    /** An outcome not yet recorded: its mark, the end of its claim's lease, and whether the report counts it. */
    private record Outcome(OutboxMark mark, Instant leaseEnd, boolean counted) {
    }

    /**
     * One pump's claims on their way: offers each claimed delivery, keeps the outcomes and records
     * them at a checkpoint, and counts what was done. A checkpoint is one transaction that records
     * the outcomes kept so far (and renews the claim about to be offered, when it needs it); it
     * comes at the end of the batch, and before an offer when the claim in hand, or the claim of an
     * outcome kept, has less than {@link #LEASE_AHEAD_TENTHS} tenths of the lease left.
     */
    private final class Batch {

        private final Duration ahead = policy.lease().multipliedBy(LEASE_AHEAD_TENTHS).dividedBy(10);
        private List<Outcome> kept = new ArrayList<>();
        private Instant earliestLeaseEnd;
        private int delivered;
        private int retried;
        private int deadLettered;
        private int stale;
        private RuntimeException failure;

        /** Offers one claimed delivery to its sink or reaction (or passes it over) and keeps the outcome. */
        void offer(OutboxClaim claim) {
            try {
                Reaction reaction = reactions.get(claim.sink());
                Instant start = clock.instant();
                boolean passOver = reaction != null && !reaction.takes(claim.message().type());
                boolean renew = !passOver && !leaseAhead(claim.leaseUntil(), start);
                boolean record = earliestLeaseEnd != null && !leaseAhead(earliestLeaseEnd, start);
                if ((renew || record) && !checkpoint(renew ? claim : null, start)) {
                    return;
                }
                Instant leaseEnd = renew ? start.plus(policy.lease()) : claim.leaseUntil();
                if (passOver) {
                    keep(new Outcome(OutboxMark.delivered(claim, clock.instant()), leaseEnd, false));
                    return;
                }
                SinkFailure failed = reaction != null ? react(reaction, claim.message())
                        : deliver(sinks.get(claim.sink()), Notification.of(claim.message(), claim.attempt()));
                keep(new Outcome(markFor(claim, failed), leaseEnd, true));
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /** Whether a lease ending at {@code leaseEnd} has at least the share {@link #ahead} left at {@code at}. */
        private boolean leaseAhead(Instant leaseEnd, Instant at) {
            return !leaseEnd.isBefore(at.plus(ahead));
        }

        private void keep(Outcome outcome) {
            kept.add(outcome);
            if (earliestLeaseEnd == null || outcome.leaseEnd().isBefore(earliestLeaseEnd)) {
                earliestLeaseEnd = outcome.leaseEnd();
            }
        }

        /**
         * Records the outcomes kept so far and renews {@code claim} (unless null) to {@code start}
         * plus the lease, in one transaction.
         *
         * @return whether the claim may be offered: it was renewed (or none was given), and the
         *     transaction committed
         */
        boolean checkpoint(OutboxClaim claim, Instant start) {
            List<Outcome> outcomes = kept;
            kept = new ArrayList<>();
            earliestLeaseEnd = null;
            if (outcomes.isEmpty() && claim == null) {
                return true;
            }
            List<OutboxMark> marks = outcomes.stream().map(Outcome::mark).toList();
            boolean[] renewed = {true};
            List<Boolean> held;
            try {
                held = transactions.execute(() -> {
                    List<Boolean> applied = marks.isEmpty() ? List.of() : outbox.markAll(marks);
                    if (claim != null) {
                        renewed[0] = outbox.renew(claim, start.plus(policy.lease()));
                    }
                    return applied;
                });
            } catch (RuntimeException e) {
                fail(e);
                return false;
            }
            for (int i = 0; i < outcomes.size(); i++) {
                count(outcomes.get(i), held.get(i));
            }
            if (!renewed[0]) {
                stale++;
                LOG.log(System.Logger.Level.WARNING, "outbox relay lost its claim on event {0} for sink {1} before "
                        + "delivering it (its lease ran out and another relay claimed it); not delivered by this relay",
                        claim.message().eventId(), claim.sink());
                return false;
            }
            return true;
        }

        private void count(Outcome outcome, boolean held) {
            if (!outcome.counted()) {
                return;
            }
            OutboxClaim claim = outcome.mark().claim();
            if (!held) {
                stale++;
                LOG.log(System.Logger.Level.WARNING, "outbox relay lost its claim on event {0} for sink {1} while "
                        + "delivering it (its lease ran out and another relay claimed it); its outcome was not recorded",
                        claim.message().eventId(), claim.sink());
                return;
            }
            switch (outcome.mark().status()) {
                case DELIVERED -> delivered++;
                case FAILED -> retried++;
                default -> deadLettered++;
            }
        }

        private void fail(RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else if (failure != e) {
                failure.addSuppressed(e);
            }
        }

        /** {@return what the batch did}; throws the first failure, the others suppressed in it, if any */
        RelayReport report() {
            if (failure != null) {
                throw failure;
            }
            return new RelayReport(delivered, retried, deadLettered, stale);
        }
    }
}
