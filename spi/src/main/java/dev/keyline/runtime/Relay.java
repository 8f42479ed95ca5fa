package dev.keyline.runtime;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers committed outbox entries to every sink, at least once, in order per aggregate.
 *
 * <p>One pump claims due entries in one transaction (they become IN_FLIGHT for the policy's
 * lease), delivers each outside any transaction to every sink in turn, and records the outcome in
 * a transaction of its own per entry:
 * <ul>
 *   <li>every sink returned normally: DELIVERED;</li>
 *   <li>a sink threw {@link PermanentDeliveryException}, or the attempt was the policy's last:
 *       DEAD_LETTER, with the failing sink's name and the exception's message as the reason;</li>
 *   <li>a sink threw anything else (any exception or error but a {@link VirtualMachineError}):
 *       FAILED, due again after the policy's backoff, or after the sink's
 *       {@link RetryableDeliveryException#retryAfter()} hint when that is longer.</li>
 * </ul>
 * Delivery stops at the first failing sink; the next attempt offers the event to every sink
 * again, so sinks see an event id more than once and must de-duplicate. A relay that dies
 * mid-delivery (or a {@link VirtualMachineError}) leaves its entries IN_FLIGHT; they are claimed
 * again once the lease ends. Nothing is ever marked delivered that a sink did not accept.
 *
 * <p>With no sinks configured, the relay claims nothing: entries wait until a sink is wired, rather
 * than being marked delivered to nobody. All times come from the runtime's {@link Clock}.
 *
 * <p>Pump by hand ({@link #pumpOnce()}, {@link #pumpUntilIdle(int)}) in tests and batch jobs, or on
 * a host's scheduler with {@link #start(ScheduledExecutorService, Duration)}. Several relays (or
 * hosts) may pump the same storage at once; the outbox's claims keep them apart.
 */
public final class Relay {

    private static final System.Logger LOG = System.getLogger(Relay.class.getName());
    private static final int MAX_REASON_LENGTH = 500;
    private static final int ROUNDS_PER_TICK = 10;

    private final Transactions transactions;
    private final Outbox outbox;
    private final List<NotificationSink> sinks;
    private final Clock clock;
    private final RetryPolicy policy;
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private ScheduledFuture<?> schedule;

    Relay(StorageProvider storage, List<NotificationSink> sinks, Clock clock, RetryPolicy policy) {
        this.transactions = storage.transactions();
        this.outbox = storage.outbox();
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Claims the due entries (at most the policy's batch size), delivers them and records the
     * outcomes.
     *
     * @return what was done
     * @throws dev.keyline.domain.common.KeylineException when the storage fails; entries already
     *     claimed are then claimed again after their lease, so none is lost
     */
    public RelayReport pumpOnce() {
        if (sinks.isEmpty()) {
            return RelayReport.NOTHING;
        }
        Instant now = clock.instant();
        List<OutboxEntry> claimed = transactions.execute(
                () -> outbox.claimDue(now, policy.batchSize(), now.plus(policy.lease())));
        int delivered = 0;
        int retried = 0;
        int deadLettered = 0;
        RuntimeException markingFailure = null;
        for (OutboxEntry entry : claimed) {
            int attempt = entry.attempts() + 1;
            SinkFailure failure = deliver(Notification.of(entry.message(), attempt));
            try {
                switch (record(entry.message().eventId(), attempt, failure)) {
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
        return new RelayReport(delivered, retried, deadLettered);
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
            RelayReport report = pumpOnce();
            total = total.plus(report);
            if (report.attempted() == 0) {
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

    /** Whether the relay runs on a schedule. */
    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /** The failure of the most recent scheduled run that failed, if any. */
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Moves a dead-lettered entry back to PENDING, due now, in its own transaction (or the caller's).
     *
     * @param eventId the entry's event id
     */
    public void requeue(EventId eventId) {
        Require.nonNull(eventId, "eventId");
        Instant now = clock.instant();
        transactions.run(() -> outbox.requeue(eventId, now));
    }

    /** Up to {@code limit} dead-lettered entries, oldest first. */
    public List<OutboxEntry> deadLetters(int limit) {
        Require.positive(limit, "limit");
        return transactions.execute(() -> outbox.list(DeliveryStatus.DEAD_LETTER, limit));
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

        Optional<Duration> retryAfter() {
            return error instanceof RetryableDeliveryException r ? r.retryAfter() : Optional.empty();
        }

        String reason() {
            String message = error.getMessage();
            String text = sink + ": " + (message == null || message.isBlank() ? error.getClass().getName() : message);
            return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
        }
    }

    private SinkFailure deliver(Notification notification) {
        for (NotificationSink sink : sinks) {
            try {
                sink.deliver(notification);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                return new SinkFailure(sinkName(sink), failure);
            }
        }
        return null;
    }

    private static String sinkName(NotificationSink sink) {
        try {
            String name = sink.name();
            return name == null || name.isBlank() ? sink.getClass().getName() : name;
        } catch (RuntimeException e) {
            return sink.getClass().getName();
        }
    }

    private DeliveryStatus record(EventId eventId, int attempt, SinkFailure failure) {
        Instant at = clock.instant();
        if (failure == null) {
            transactions.run(() -> outbox.markDelivered(eventId, attempt, at));
            return DeliveryStatus.DELIVERED;
        }
        if (failure.permanent() || attempt >= policy.maxAttempts()) {
            transactions.run(() -> outbox.markDeadLetter(eventId, attempt, at, failure.reason()));
            return DeliveryStatus.DEAD_LETTER;
        }
        Duration wait = policy.backoffAfter(attempt);
        Optional<Duration> hint = failure.retryAfter();
        if (hint.isPresent() && hint.get().compareTo(wait) > 0) {
            wait = hint.get();
        }
        Instant next = at.plus(wait);
        transactions.run(() -> outbox.markFailed(eventId, attempt, next, failure.reason()));
        return DeliveryStatus.FAILED;
    }
}
