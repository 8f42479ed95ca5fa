package dev.keyline.runtime;

import dev.keyline.domain.common.Require;

/**
 * What one or more pumps of the {@link Relay} did. Counts are of deliveries: one entry offered to
 * three sinks counts three times. A {@link Reaction} that takes the entry's type counts like a
 * sink; a reaction's delivery of an entry it does not take (marked delivered without running it)
 * is not counted.
 *
 * @param delivered deliveries a sink accepted, now DELIVERED
 * @param retried deliveries whose attempt failed and that are due again later, now FAILED
 * @param deadLettered deliveries given up, now DEAD_LETTER
 * @param stale claims this relay lost before it could record them: another relay claimed the
 *     delivery again after this relay's lease ran out, so the outcome was not recorded (or the
 *     delivery not even attempted); the other relay's state stands
 */
public record RelayReport(int delivered, int retried, int deadLettered, int stale) {

    /** A report of nothing done. */
    public static final RelayReport NOTHING = new RelayReport(0, 0, 0, 0);

    /**
     * Validates the counts.
     *
     * @param delivered deliveries a sink accepted, now DELIVERED
     * @param retried deliveries whose attempt failed and that are due again later, now FAILED
     * @param deadLettered deliveries given up, now DEAD_LETTER
     * @param stale claims this relay lost before it could record them: another relay claimed the delivery again after this relay's lease ran out, so the outcome was not recorded (or the delivery not even attempted); the other relay's state stands
     */
    public RelayReport {
        Require.nonNegative(delivered, "delivered");
        Require.nonNegative(retried, "retried");
        Require.nonNegative(deadLettered, "deadLettered");
        Require.nonNegative(stale, "stale");
    }

    /**
     * A report with no stale claims.
     *
     * @param delivered deliveries a sink accepted
     * @param retried deliveries due again later
     * @param deadLettered deliveries given up
     */
    public RelayReport(int delivered, int retried, int deadLettered) {
        this(delivered, retried, deadLettered, 0);
    }

    /** {@return how many claimed deliveries were handled, stale ones included} */
    public int attempted() {
        return delivered + retried + deadLettered + stale;
    }

    /**
     * {@return the sum of this report and {@code other}}
     *
     * @param other the report to add
     */
    public RelayReport plus(RelayReport other) {
        Require.nonNull(other, "other");
        return new RelayReport(delivered + other.delivered, retried + other.retried, deadLettered + other.deadLettered,
                stale + other.stale);
    }
}
