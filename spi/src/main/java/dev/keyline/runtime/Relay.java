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
 * the outcome in a transaction of its own per delivery:
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
 * on. An entry is DELIVERED once every sink accepted it. A relay that dies mid-delivery (or a
 * {@link VirtualMachineError}) leaves its deliveries IN_FLIGHT; they are claimed again once the
 * lease ends. Nothing is ever marked delivered that a sink did not accept.
 *
 * <p><b>Leases and fencing.</b> The relay renews a claim's lease just before offering the event
 * to the sink, so the lease needs to cover one delivery (the slowest sink's time-out), not the
 * whole batch. If the claim no longer holds at that point (another relay claimed the delivery
 * again after this relay stalled past its lease), the relay does not offer the event. Every mark
 * carries the claim's token; a mark whose claim no longer holds changes nothing, is counted as
 * {@link RelayReport#stale()} and logged. Sinks are told apart by {@link NotificationSink#name()},
 * which the {@link Keyline} builder requires to be unique.
 *
 * <p><b>Reactions.</b> The relay delivers each {@link Reaction} like a sink, under the reaction's
 * name, with the same delivery state, retries, dead letters and order per aggregate. For an event
 * the reaction takes, it runs the reaction's handler in a transaction of its own (see
 * {@link Reaction}) that also records a receipt for the event, and skips the handler when a receipt
 * is already there (the event was applied, but the relay died before marking it); an event whose
 * JSON cannot be read back is dead-lettered at once. An event the reaction does not take is marked
 * delivered for it without running it, and is not counted in the {@link RelayReport}.
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
        int delivered = 0;
        int retried = 0;
        int deadLettered = 0;
        int stale = 0;
        RuntimeException markingFailure = null;
        for (OutboxClaim claim : claimed) {
            try {
                Reaction reaction = reactions.get(claim.sink());
                if (reaction != null && !reaction.takes(claim.message().type())) {
                    passOver(claim);
                    continue;
                }
                DeliveryStatus outcome = handle(claim, now);
                if (outcome == null) {
                    stale++;
                    continue;
                }
                switch (outcome) {
                    case DELIVERED -> delivered++;
                    case FAILED -> retried++;
                    default -> deadLettered++;
                }
            } catch (RuntimeException e) {
                if (markingFailure == null) {
                    markingFailure = e;
                } else {
                    markingFailure.addSuppressed(e);
                }
            }
        }
        if (markingFailure != null) {
            throw markingFailure;
        }
        return new Round(new RelayReport(delivered, retried, deadLettered, stale), claimed.size());
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
        Require.that(!interval.isNegative() && !interval.isZero(), "interval", "must be positive but was " + interval);
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

    /**
     * Renews the claim if time has passed since it was made, offers the event to the claim's sink
     * and records the outcome.
     *
     * @return the delivery's new status, or null when the claim no longer held
     */
    private DeliveryStatus handle(OutboxClaim claim, Instant claimedAt) {
        Instant start = clock.instant();
        if (start.isAfter(claimedAt)) {
            boolean held = transactions.execute(() -> outbox.renew(claim, start.plus(policy.lease())));
            if (!held) {
                LOG.log(System.Logger.Level.WARNING, "outbox relay lost its claim on event {0} for sink {1} before "
                        + "delivering it (its lease ran out and another relay claimed it); not delivered by this relay",
                        claim.message().eventId(), claim.sink());
                return null;
            }
        }
        Reaction reaction = reactions.get(claim.sink());
        SinkFailure failure = reaction != null ? react(reaction, claim.message())
                : deliver(sinks.get(claim.sink()), Notification.of(claim.message(), claim.attempt()));
        DeliveryStatus outcome = record(claim, failure);
        if (outcome == null) {
            LOG.log(System.Logger.Level.WARNING, "outbox relay lost its claim on event {0} for sink {1} while delivering "
                    + "it (its lease ran out and another relay claimed it); its outcome was not recorded",
                    claim.message().eventId(), claim.sink());
        }
        return outcome;
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

    /** Marks a reaction's delivery of an event it does not take as delivered; a lost claim changes nothing. */
    private void passOver(OutboxClaim claim) {
        Instant at = clock.instant();
        transactions.execute(() -> outbox.markDelivered(claim, at));
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

    private DeliveryStatus record(OutboxClaim claim, SinkFailure failure) {
        Instant at = clock.instant();
        if (failure == null) {
            return transactions.execute(() -> outbox.markDelivered(claim, at)) ? DeliveryStatus.DELIVERED : null;
        }
        if (failure.permanent() || claim.attempt() >= policy.maxAttempts()) {
            return transactions.execute(() -> outbox.markDeadLetter(claim, at, failure.reason()))
                    ? DeliveryStatus.DEAD_LETTER : null;
        }
        Instant next = at.plus(policy.waitAfter(claim.attempt(), failure.retryAfter()));
        return transactions.execute(() -> outbox.markFailed(claim, next, failure.reason())) ? DeliveryStatus.FAILED : null;
    }
}
