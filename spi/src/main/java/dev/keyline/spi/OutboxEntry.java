package dev.keyline.spi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An outbox row: the message plus its delivery state per sink.
 *
 * <p>An entry gets a {@link SinkDelivery} for every sink of the relay that first claims it; until
 * then it has none and is PENDING. Its {@link #status()} sums the deliveries up: DELIVERED once
 * every sink accepted it, DEAD_LETTER once every sink is done and at least one gave up, otherwise
 * IN_FLIGHT while a delivery is in flight, FAILED while one waits for a retry, else PENDING.
 *
 * <p><b>Timers.</b> An entry written by {@link Outbox#schedule} is a timer: it has a
 * {@link #timerKey()} and is due at its message's occurred-at time. Until a relay first claims it
 * (it has no deliveries yet) it is a {@linkplain #isPendingTimer() pending timer}, which a later
 * schedule with the same key replaces and {@link Outbox#cancelTimer} deletes; once claimed it is
 * delivered like any other entry and keeps its key for listing.
 *
 * @param sequence the position in the outbox, increasing in commit order of appends
 * @param message the event
 * @param deliveries the delivery state per sink, in sink-name order
 * @param timerKey the key the entry was scheduled under, or null when it is not a timer
 */
public record OutboxEntry(long sequence, OutboxMessage message, List<SinkDelivery> deliveries, String timerKey) {

    /**
     * Validates the entry and orders its deliveries by sink name.
     *
     * @param sequence the position in the outbox, increasing in commit order of appends
     * @param message the event
     * @param deliveries the delivery state per sink, in sink-name order
     * @param timerKey the key the entry was scheduled under, or null when it is not a timer
     */
    public OutboxEntry {
        Require.positive(sequence, "sequence");
        Require.nonNull(message, "message");
        if (timerKey != null) {
            Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        }
        List<SinkDelivery> copy = Require.nonNullElements(deliveries, "deliveries");
        if (copy.size() > 1) {
            // built once per claim, outcome and read of every entry: sorted without streams, and the
            // sinks told apart as neighbours in that order
            SinkDelivery[] bySink = copy.toArray(new SinkDelivery[0]);
            Arrays.sort(bySink, Comparator.comparing(SinkDelivery::sink));
            for (int i = 1; i < bySink.length; i++) {
                if (bySink[i].sink().equals(bySink[i - 1].sink())) {
                    throw new InvalidArgumentException("deliveries", "must have at most one delivery per sink but was "
                            + copy);
                }
            }
            copy = List.of(bySink);
        }
        deliveries = copy;
    }

    /**
     * An entry that is not a timer.
     *
     * @param sequence the position in the outbox
     * @param message the event
     * @param deliveries the delivery state per sink
     */
    public OutboxEntry(long sequence, OutboxMessage message, List<SinkDelivery> deliveries) {
        this(sequence, message, deliveries, null);
    }

    /**
     * {@return a fresh entry with no deliveries yet}
     *
     * @param sequence the sequence number
     * @param message the message
     */
    public static OutboxEntry pending(long sequence, OutboxMessage message) {
        return new OutboxEntry(sequence, message, List.of());
    }

    /**
     * A fresh timer with no deliveries yet, due at the message's occurred-at time.
     *
     * @param sequence the position in the outbox
     * @param message the event the timer delivers when due
     * @param timerKey the key it is scheduled under, non-blank, at most {@value Limits#TIMER_KEY_LENGTH} characters
     * @return the entry
     */
    public static OutboxEntry timer(long sequence, OutboxMessage message, String timerKey) {
        Require.nonNull(timerKey, "timerKey");
        return new OutboxEntry(sequence, message, List.of(), timerKey);
    }

    /** {@return whether the entry is a timer, written by {@link Outbox#schedule}} */
    public boolean isTimer() {
        return timerKey != null;
    }

    /**
     * {@return whether the entry is a timer that no relay has claimed yet (it has no deliveries):
     * the one entry of its key that a later schedule replaces and a cancel deletes}
     */
    public boolean isPendingTimer() {
        return timerKey != null && deliveries.isEmpty();
    }

    /**
     * Whether a relay's claim at {@code now} must pass over this entry as if it were not there: it
     * is a pending timer due after {@code now}. Such an entry neither is claimed nor holds back
     * later entries of its aggregate.
     *
     * @param now the claim's time
     * @return whether the entry is a pending timer not yet due
     */
    public boolean waitsAt(Instant now) {
        Require.nonNull(now, "now");
        return isPendingTimer() && message.occurredAt().isAfter(now);
    }

    /**
     * {@return the delivery state for the sink of this name, if the entry has one}
     *
     * @param sink the notification sink
     */
    public Optional<SinkDelivery> delivery(String sink) {
        Require.nonNull(sink, "sink");
        return deliveries.stream().filter(d -> d.sink().equals(sink)).findFirst();
    }

    /**
     * {@return this entry with {@code delivery} replacing the one of the same sink, or added}
     *
     * @param delivery the delivery
     */
    public OutboxEntry with(SinkDelivery delivery) {
        Require.nonNull(delivery, "delivery");
        List<SinkDelivery> next = new ArrayList<>(deliveries.size() + 1);
        for (SinkDelivery d : deliveries) {
            if (!d.sink().equals(delivery.sink())) {
                next.add(d);
            }
        }
        next.add(delivery);
        return new OutboxEntry(sequence, message, next, timerKey);
    }

    /** {@return the entry's state summed up over its sinks; see the type's description} */
    public DeliveryStatus status() {
        if (deliveries.isEmpty()) {
            return DeliveryStatus.PENDING;
        }
        if (deliveries.stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED)) {
            return DeliveryStatus.DELIVERED;
        }
        if (deliveries.stream().allMatch(d -> d.status().isDone())) {
            return DeliveryStatus.DEAD_LETTER;
        }
        for (DeliveryStatus s : List.of(DeliveryStatus.IN_FLIGHT, DeliveryStatus.FAILED)) {
            if (deliveries.stream().anyMatch(d -> d.status() == s)) {
                return s;
            }
        }
        return DeliveryStatus.PENDING;
    }

    /** {@return the most attempts any sink has had} */
    public int attempts() {
        return deliveries.stream().mapToInt(SinkDelivery::attempts).max().orElse(0);
    }

    /**
     * {@return when something next happens to the entry: the earliest next-attempt time of its open
     * deliveries; for a done entry the latest time a delivery was done; with no deliveries its
     * occurred-at time}
     */
    public Instant nextAttemptAt() {
        if (deliveries.isEmpty()) {
            return message.occurredAt();
        }
        Optional<Instant> open = deliveries.stream().filter(d -> !d.status().isDone()).map(SinkDelivery::nextAttemptAt)
                .min(Comparator.naturalOrder());
        return open.orElseGet(() -> deliveries.stream().map(SinkDelivery::nextAttemptAt).max(Comparator.naturalOrder())
                .orElseThrow());
    }

    /**
     * {@return the reasons of the sinks' last failures joined with "; ", in sink-name order, or
     * null when none failed}
     */
    public String lastError() {
        List<String> errors = deliveries.stream().map(SinkDelivery::lastError).filter(e -> e != null).toList();
        return errors.isEmpty() ? null : String.join("; ", errors);
    }

    /** {@return when the last sink accepted it, once the entry is DELIVERED; null before} */
    public Instant deliveredAt() {
        if (status() != DeliveryStatus.DELIVERED) {
            return null;
        }
        return deliveries.stream().map(SinkDelivery::deliveredAt).max(Comparator.naturalOrder()).orElseThrow();
    }
}
