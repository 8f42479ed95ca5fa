package dev.keyline.runtime;

import dev.keyline.domain.common.Require;

/**
 * What one or more pumps of the {@link Relay} did.
 *
 * @param delivered entries every sink accepted, now DELIVERED
 * @param retried entries whose attempt failed and that are due again later, now FAILED
 * @param deadLettered entries given up, now DEAD_LETTER
 */
public record RelayReport(int delivered, int retried, int deadLettered) {

    /** A report of nothing done. */
    public static final RelayReport NOTHING = new RelayReport(0, 0, 0);

    /** Validates the counts. */
    public RelayReport {
        Require.nonNegative(delivered, "delivered");
        Require.nonNegative(retried, "retried");
        Require.nonNegative(deadLettered, "deadLettered");
    }

    /** How many entries were attempted. */
    public int attempted() {
        return delivered + retried + deadLettered;
    }

    /** The sum of this report and {@code other}. */
    public RelayReport plus(RelayReport other) {
        Require.nonNull(other, "other");
        return new RelayReport(delivered + other.delivered, retried + other.retried, deadLettered + other.deadLettered);
    }
}
