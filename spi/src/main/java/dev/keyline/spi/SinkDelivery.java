package dev.keyline.spi;

import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * The delivery state of one outbox entry for one sink. Every sink the relay delivers to has its
 * own: its attempts, its next try and its dead letter, so a broken sink delays only itself.
 *
 * @param sink the sink's {@link NotificationSink#name()}
 * @param status where the event stands for this sink
 * @param attempts how many delivery attempts to this sink have been made
 * @param nextAttemptAt when it is next due (PENDING, FAILED), the lease end (IN_FLIGHT), or when
 *     it was delivered or given up (DELIVERED, DEAD_LETTER)
 * @param lastError the reason of the last failure, starting with the sink's name, or null
 * @param deliveredAt when the sink accepted it, or null
 * @param claim how many times the delivery has been claimed; a claim holds only while this number
 *     is still the one the claim got ({@link OutboxClaim#token()})
 */
public record SinkDelivery(String sink, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                           String lastError, Instant deliveredAt, long claim) {

    /**
     * Validates the delivery.
     *
     * @param sink the sink's {@link NotificationSink#name()}
     * @param status where the event stands for this sink
     * @param attempts how many delivery attempts to this sink have been made
     * @param nextAttemptAt when it is next due (PENDING, FAILED), the lease end (IN_FLIGHT), or when it was delivered or given up (DELIVERED, DEAD_LETTER)
     * @param lastError the reason of the last failure, starting with the sink's name, or null
     * @param deliveredAt when the sink accepted it, or null
     * @param claim how many times the delivery has been claimed; a claim holds only while this number is still the one the claim got ({@link OutboxClaim#token()})
     */
    public SinkDelivery {
        Require.nonBlank(sink, "sink");
        Require.nonNull(status, "status");
        Require.nonNegative(attempts, "attempts");
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
        Require.nonNegative(claim, "claim");
        Require.that(status != DeliveryStatus.DELIVERED || deliveredAt != null, "deliveredAt",
                "must be given for a DELIVERED delivery");
    }

    /**
     * {@return a delivery to {@code sink} that was never attempted, due at {@code dueAt}}
     *
     * @param sink the notification sink
     * @param dueAt when it is due
     */
    public static SinkDelivery pending(String sink, Instant dueAt) {
        Require.nonNull(dueAt, "dueAt");
        return new SinkDelivery(sink, DeliveryStatus.PENDING, 0, dueAt, null, null, 0);
    }

    /**
     * {@return this delivery claimed once more, in flight until {@code leaseUntil}}
     *
     * @param leaseUntil the lease until
     */
    public SinkDelivery claimed(Instant leaseUntil) {
        Require.nonNull(leaseUntil, "leaseUntil");
        return new SinkDelivery(sink, DeliveryStatus.IN_FLIGHT, attempts, leaseUntil, lastError, deliveredAt, claim + 1);
    }

    /**
     * {@return whether {@code outboxClaim} still holds this delivery: it is IN_FLIGHT under the
     * claim's token}
     *
     * @param outboxClaim the outbox claim
     */
    public boolean heldBy(OutboxClaim outboxClaim) {
        Require.nonNull(outboxClaim, "outboxClaim");
        return status == DeliveryStatus.IN_FLIGHT && claim == outboxClaim.token() && sink.equals(outboxClaim.sink());
    }
}
