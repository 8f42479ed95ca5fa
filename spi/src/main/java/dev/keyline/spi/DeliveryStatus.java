package dev.keyline.spi;

/** Where an outbox entry stands on its way to the sinks. */
public enum DeliveryStatus {
    /** Committed, never attempted. */
    PENDING,
    /** Claimed by a relay that is delivering it; reclaimable once its lease runs out. */
    IN_FLIGHT,
    /** An attempt failed; it is retried at its next-attempt time. */
    FAILED,
    /** Every sink accepted it. */
    DELIVERED,
    /** Given up: a permanent failure or too many attempts. Kept with its reason until requeued. */
    DEAD_LETTER
}
