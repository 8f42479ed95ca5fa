package dev.keyline.runtime;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Duration;

/**
 * How the {@link Relay} retries deliveries that failed.
 *
 * <p>After failed attempt {@code n} (1 for the first) the next attempt is due
 * {@code initialBackoff × multiplier^(n−1)} later, never more than {@code maxBackoff}, and never
 * earlier than a receiver's retry-after hint, which is capped at {@code maxRetryAfter}. Once
 * {@code maxAttempts} attempts to a sink have failed, the event goes to that sink's dead letters.
 *
 * <p>The lease covers one delivery, not a batch: every delivery starts with at least nine tenths of
 * the lease ahead of it (the relay renews the claim in hand just before offering the event when less
 * is left), and the relay records a batch's outcomes before their claims have less than that left.
 * So the lease must outlast the slowest sink's time-out (a webhook's request time-out, for example)
 * plus the time to record the outcome by a ninth: at least 10/9 of it. A relay that stalls longer
 * loses the claim to the next relay; its late marks then change nothing.
 *
 * @param maxAttempts how many attempts an entry gets before it is dead-lettered, at least 1
 * @param initialBackoff the wait after the first failure, positive
 * @param multiplier by how much each further wait grows, at least 1.0
 * @param maxBackoff the longest computed wait, at least {@code initialBackoff}
 * @param lease how long a claimed delivery belongs to the relay that claimed it, from the claim and
 *     again from each renewal; after that another relay may claim it again (the first one crashed
 *     or hangs)
 * @param batchSize how many deliveries (entry and sink) one pump claims at most
 * @param maxRetryAfter the longest retry-after hint a receiver can impose; a longer hint is cut
 *     to this, positive
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          Duration lease, int batchSize, Duration maxRetryAfter) {

    /** The default cap on a receiver's retry-after hint: one hour. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(1);

    /**
     * Validates the policy.
     *
     * @param maxAttempts how many attempts an entry gets before it is dead-lettered, at least 1
     * @param initialBackoff the wait after the first failure, positive
     * @param multiplier by how much each further wait grows, at least 1.0
     * @param maxBackoff the longest computed wait, at least {@code initialBackoff}
     * @param lease how long a claimed delivery belongs to the relay that claimed it, from the claim and again from each renewal; after that another relay may claim it again (the first one crashed or hangs)
     * @param batchSize how many deliveries (entry and sink) one pump claims at most
     * @param maxRetryAfter the longest retry-after hint a receiver can impose; a longer hint is cut to this, positive
     */
    public RetryPolicy {
        Require.positive(maxAttempts, "maxAttempts");
        positive(initialBackoff, "initialBackoff");
        Require.that(Double.isFinite(multiplier) && multiplier >= 1.0, "multiplier",
                () -> "must be a finite number of at least 1.0 but was " + multiplier);
        positive(maxBackoff, "maxBackoff");
        Require.that(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff",
                () -> "must not be shorter than initialBackoff (" + initialBackoff + ") but was " + maxBackoff);
        positive(lease, "lease");
        Require.positive(batchSize, "batchSize");
        positive(maxRetryAfter, "maxRetryAfter");
    }

    /**
     * A policy with the default retry-after cap of {@link #DEFAULT_MAX_RETRY_AFTER}.
     *
     * @param maxAttempts how many attempts an entry gets before it is dead-lettered, at least 1
     * @param initialBackoff the wait after the first failure, positive
     * @param multiplier by how much each further wait grows, at least 1.0
     * @param maxBackoff the longest computed wait, at least {@code initialBackoff}
     * @param lease how long a claimed delivery belongs to the relay that claimed it
     * @param batchSize how many deliveries one pump claims at most
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, Duration lease,
                       int batchSize) {
        this(maxAttempts, initialBackoff, multiplier, maxBackoff, lease, batchSize, DEFAULT_MAX_RETRY_AFTER);
    }

    /**
     * {@return the defaults: 8 attempts, 1 s doubling up to 10 min, a lease of 1 min, batches of
     * 500, and retry-after hints capped at 1 hour}
     *
     * <p>A batch of 500 costs the relay's handful of statements once per 500 deliveries instead of
     * once per 100, and the lease still needs to cover only the slowest single delivery, since each
     * claim is renewed at its turn when the batch has run long. What a larger batch does cost: a
     * relay that dies mid-batch leaves up to that many deliveries to wait out their lease; with a
     * slow sink, claims near the end of a batch may lapse before their turn and go to another relay.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(10), Duration.ofMinutes(1), 500,
                DEFAULT_MAX_RETRY_AFTER);
    }

    /**
     * The wait after failed attempt {@code failedAttempt} when the receiver hinted {@code retryAfter}:
     * the longer of the computed backoff and the hint, the hint cut to {@link #maxRetryAfter()}.
     *
     * @param failedAttempt the number of the attempt that failed, at least 1
     * @param retryAfter the receiver's hint, or null for none
     * @return the wait
     */
    public Duration waitAfter(int failedAttempt, Duration retryAfter) {
        Duration wait = backoffAfter(failedAttempt);
        if (retryAfter == null) {
            return wait;
        }
        Duration hint = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        return hint.compareTo(wait) > 0 ? hint : wait;
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

    /**
     * {@return this policy with another {@link #maxAttempts()}}
     *
     * @param newMaxAttempts how many attempts an entry gets, at least 1
     */
    public RetryPolicy withMaxAttempts(int newMaxAttempts) {
        return new RetryPolicy(newMaxAttempts, initialBackoff, multiplier, maxBackoff, lease, batchSize, maxRetryAfter);
    }

    /**
     * {@return this policy with another {@link #initialBackoff()}}
     *
     * @param newInitialBackoff the wait after the first failure, positive
     */
    public RetryPolicy withInitialBackoff(Duration newInitialBackoff) {
        Require.nonNull(newInitialBackoff, "newInitialBackoff");
        return new RetryPolicy(maxAttempts, newInitialBackoff, multiplier, maxBackoff, lease, batchSize, maxRetryAfter);
    }

    /**
     * {@return this policy with another {@link #multiplier()}}
     *
     * @param newMultiplier by how much each further wait grows, at least 1.0
     */
    public RetryPolicy withMultiplier(double newMultiplier) {
        return new RetryPolicy(maxAttempts, initialBackoff, newMultiplier, maxBackoff, lease, batchSize, maxRetryAfter);
    }

    /**
     * {@return this policy with another {@link #maxBackoff()}}
     *
     * @param newMaxBackoff the longest computed wait
     */
    public RetryPolicy withMaxBackoff(Duration newMaxBackoff) {
        Require.nonNull(newMaxBackoff, "newMaxBackoff");
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, newMaxBackoff, lease, batchSize, maxRetryAfter);
    }

    /**
     * {@return this policy with another {@link #lease()}}
     *
     * @param newLease how long a claimed delivery belongs to its relay, positive
     */
    public RetryPolicy withLease(Duration newLease) {
        Require.nonNull(newLease, "newLease");
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, newLease, batchSize, maxRetryAfter);
    }

    /**
     * {@return this policy with another {@link #batchSize()}}
     *
     * @param newBatchSize how many deliveries one pump claims at most, above zero
     */
    public RetryPolicy withBatchSize(int newBatchSize) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, lease, newBatchSize, maxRetryAfter);
    }

    /**
     * {@return this policy with another {@link #maxRetryAfter()}}
     *
     * @param newMaxRetryAfter the new max retry after
     */
    public RetryPolicy withMaxRetryAfter(Duration newMaxRetryAfter) {
        Require.nonNull(newMaxRetryAfter, "newMaxRetryAfter");
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, lease, batchSize, newMaxRetryAfter);
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
