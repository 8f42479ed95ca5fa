package dev.keyline.spi;

import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * An outbox row: the message plus its delivery state.
 *
 * @param sequence the position in the outbox, increasing in commit order of appends
 * @param message the event
 * @param status the delivery status
 * @param attempts how many delivery attempts have been made
 * @param nextAttemptAt when it is next due (for PENDING and FAILED), or the lease end (IN_FLIGHT)
 * @param lastError the reason of the last failure, or null
 * @param deliveredAt when it was delivered, or null
 */
public record OutboxEntry(long sequence, OutboxMessage message, DeliveryStatus status, int attempts,
                          Instant nextAttemptAt, String lastError, Instant deliveredAt) {

    /** Validates the entry. */
    public OutboxEntry {
        Require.positive(sequence, "sequence");
        Require.nonNull(message, "message");
        Require.nonNull(status, "status");
        Require.nonNegative(attempts, "attempts");
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
    }
}
