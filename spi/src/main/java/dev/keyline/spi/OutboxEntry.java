package dev.keyline.spi;

import dev.keyline.domain.common.Require;
import java.time.Instant;
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
 * @param sequence the position in the outbox, increasing in commit order of appends
 * @param message the event
 * @param deliveries the delivery state per sink, in sink-name order
 */
public record OutboxEntry(long sequence, OutboxMessage message, List<SinkDelivery> deliveries) {

    /** Validates the entry and orders its deliveries by sink name. */
    public OutboxEntry {
        Require.positive(sequence, "sequence");
        Require.nonNull(message, "message");
        List<SinkDelivery> copy = Require.nonNullElements(deliveries, "deliveries");
        Require.that(copy.stream().map(SinkDelivery::sink).distinct().count() == copy.size(), "deliveries",
                "must have at most one delivery per sink but was " + copy);
        deliveries = copy.stream().sorted(Comparator.comparing(SinkDelivery::sink)).toList();
    }

    /** A fresh entry with no deliveries yet. */
    public static OutboxEntry pending(long sequence, OutboxMessage message) {
        return new OutboxEntry(sequence, message, List.of());
    }

    /** The delivery state for the sink of this name, if the entry has one. */
    public Optional<SinkDelivery> delivery(String sink) {
        Require.nonNull(sink, "sink");
        return deliveries.stream().filter(d -> d.sink().equals(sink)).findFirst();
    }

    /** This entry with {@code delivery} replacing the one of the same sink, or added. */
    public OutboxEntry with(SinkDelivery delivery) {
        Require.nonNull(delivery, "delivery");
        List<SinkDelivery> next = new java.util.ArrayList<>(deliveries.stream()
                .filter(d -> !d.sink().equals(delivery.sink())).toList());
        next.add(delivery);
        return new OutboxEntry(sequence, message, next);
    }

    /** The entry's state summed up over its sinks; see the type's description. */
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

    /** The most attempts any sink has had. */
    public int attempts() {
        return deliveries.stream().mapToInt(SinkDelivery::attempts).max().orElse(0);
    }

    /**
     * When something next happens to the entry: the earliest next-attempt time of its open
     * deliveries; for a done entry the latest time a delivery was done; with no deliveries its
     * occurred-at time.
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

    /** The reasons of the sinks' last failures joined with "; ", in sink-name order, or null when none failed. */
    public String lastError() {
        List<String> errors = deliveries.stream().map(SinkDelivery::lastError).filter(e -> e != null).toList();
        return errors.isEmpty() ? null : String.join("; ", errors);
    }

    /** When the last sink accepted it, once the entry is DELIVERED; null before. */
    public Instant deliveredAt() {
        if (status() != DeliveryStatus.DELIVERED) {
            return null;
        }
        return deliveries.stream().map(SinkDelivery::deliveredAt).max(Comparator.naturalOrder()).orElseThrow();
    }
}
