package dev.keyline.spi;

import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * One delivery claimed by a relay: an entry's event, for one sink, under a claim token. The claim
 * holds until the delivery is marked or until another relay claims it again after the lease ran
 * out; every mark and renewal with a claim that no longer holds changes nothing and returns
 * {@code false} (fencing), so a relay that stalled past its lease can never undo another's work.
 * A claim names its entry twice, by sequence and by event; one whose sequence is not its event's
 * entry's (a claim made by hand, not by {@link Outbox#claimDue}) holds nothing either.
 *
 * @param sequence the entry's position in the outbox
 * @param message the event
 * @param sink the name of the sink to deliver to
 * @param token the claim number this claim got ({@link SinkDelivery#claim()})
 * @param attempts how many attempts to this sink were made before this claim
 * @param leaseUntil when the lease ends, unless renewed
 */
public record OutboxClaim(long sequence, OutboxMessage message, String sink, long token, int attempts,
                          Instant leaseUntil) {

    /**
     * Validates the claim.
     *
     * @param sequence the entry's position in the outbox
     * @param message the event
     * @param sink the name of the sink to deliver to
     * @param token the claim number this claim got ({@link SinkDelivery#claim()})
     * @param attempts how many attempts to this sink were made before this claim
     * @param leaseUntil when the lease ends, unless renewed
     */
    public OutboxClaim {
        Require.positive(sequence, "sequence");
        Require.nonNull(message, "message");
        Require.nonBlank(sink, "sink");
        Require.positive(token, "token");
        Require.nonNegative(attempts, "attempts");
        Require.nonNull(leaseUntil, "leaseUntil");
    }

    /** {@return the number of the attempt this claim makes: one more than {@link #attempts()}} */
    public int attempt() {
        return attempts + 1;
    }
}
