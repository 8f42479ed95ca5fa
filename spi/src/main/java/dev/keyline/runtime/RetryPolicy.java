package dev.keyline.runtime;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Duration;

/**
 * How the {@link Relay} retries deliveries that failed.
 *
 * <p>After failed attempt {@code n} (1 for the first) the next attempt is due
 * {@code initialBackoff × multiplier^(n−1)} later, never more than {@code maxBackoff}, and never
 * earlier than a receiver's retry-after hint. Once {@code maxAttempts} attempts have failed the
 * entry goes to the dead letters.
 *
 * @param maxAttempts how many attempts an entry gets before it is dead-lettered, at least 1
 * @param initialBackoff the wait after the first failure, positive
 * @param multiplier by how much each further wait grows, at least 1.0
 * @param maxBackoff the longest computed wait, at least {@code initialBackoff}
 * @param lease how long a claimed entry belongs to the relay that claimed it; after that another
 *     relay may claim it again (the first one crashed or hangs)
 * @param batchSize how many entries one pump claims at most
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          Duration lease, int batchSize) {

    /** Validates the policy. */
    public RetryPolicy {
        Require.positive(maxAttempts, "maxAttempts");
        positive(initialBackoff, "initialBackoff");
        Require.that(Double.isFinite(multiplier) && multiplier >= 1.0, "multiplier",
                "must be a finite number of at least 1.0 but was " + multiplier);
        positive(maxBackoff, "maxBackoff");
        Require.that(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff",
                "must not be shorter than initialBackoff (" + initialBackoff + ") but was " + maxBackoff);
        positive(lease, "lease");
        Require.positive(batchSize, "batchSize");
    }

    /** The defaults: 8 attempts, 1 s doubling up to 10 min, a lease of 1 min, batches of 100. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(10), Duration.ofMinutes(1), 100);
    }

    /**
     * The computed wait after failed attempt {@code failedAttempt} (1 for the first failure).
     *
     * @param failedAttempt the number of the attempt that failed, at least 1
     * @return the wait, at most {@code maxBackoff}
     */
    public Duration backoffAfter(int failedAttempt) {
        Require.positive(failedAttempt, "failedAttempt");
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempt - 1);
        if (!(millis < maxBackoff.toMillis())) {
            return maxBackoff;
        }
        return Duration.ofMillis((long) Math.ceil(millis));
    }

    /** This policy with another {@link #maxAttempts()}. */
    public RetryPolicy withMaxAttempts(int newMaxAttempts) {
        return new RetryPolicy(newMaxAttempts, initialBackoff, multiplier, maxBackoff, lease, batchSize);
    }

    /** This policy with another {@link #initialBackoff()}. */
    public RetryPolicy withInitialBackoff(Duration newInitialBackoff) {
        Require.nonNull(newInitialBackoff, "newInitialBackoff");
        return new RetryPolicy(maxAttempts, newInitialBackoff, multiplier, maxBackoff, lease, batchSize);
    }

    /** This policy with another {@link #multiplier()}. */
    public RetryPolicy withMultiplier(double newMultiplier) {
        return new RetryPolicy(maxAttempts, initialBackoff, newMultiplier, maxBackoff, lease, batchSize);
    }

    /** This policy with another {@link #maxBackoff()}. */
    public RetryPolicy withMaxBackoff(Duration newMaxBackoff) {
        Require.nonNull(newMaxBackoff, "newMaxBackoff");
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, newMaxBackoff, lease, batchSize);
    }

    /** This policy with another {@link #lease()}. */
    public RetryPolicy withLease(Duration newLease) {
        Require.nonNull(newLease, "newLease");
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, newLease, batchSize);
    }

    /** This policy with another {@link #batchSize()}. */
    public RetryPolicy withBatchSize(int newBatchSize) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, lease, newBatchSize);
    }

    private static void positive(Duration d, String name) {
        Require.nonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidArgumentException(name, "must be positive but was " + d);
        }
        if (d.compareTo(Duration.ofDays(365)) > 0) {
            throw new InvalidArgumentException(name, "must be at most 365 days but was " + d);
        }
    }
}
