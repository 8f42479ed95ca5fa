package dev.keyline.spi;

/**
 * Where an event stands on its way to one sink ({@link SinkDelivery#status()}), or, summed up over
 * every sink, where an outbox entry stands ({@link OutboxEntry#status()}).
 */
public enum DeliveryStatus {
    /** Committed, never attempted (for an entry: no sink has been attempted and none is in flight). */
    PENDING,
    /** Claimed by a relay that is delivering it; reclaimable once its lease runs out. */
    IN_FLIGHT,
    /** An attempt failed; it is retried at its next-attempt time. */
    FAILED,
    /** The sink accepted it (for an entry: every sink accepted it). */
    DELIVERED,
    /**
     * Given up: a permanent failure or too many attempts; kept with its reason until requeued (for
     * an entry: every sink is done and at least one of them gave up).
     */
    DEAD_LETTER;

    /**
     * {@return whether nothing more will happen unless someone requeues: DELIVERED or DEAD_LETTER}
     */
    public boolean isDone() {
        return this == DELIVERED || this == DEAD_LETTER;
    }
}
