package dev.keyline.spi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one claimed delivery, for {@link Outbox#markAll(List)}: what
 * {@link Outbox#markDelivered}, {@link Outbox#markFailed} or {@link Outbox#markDeadLetter} would
 * record for the claim.
 *
 * @param claim the claim whose delivery the mark records
 * @param status the outcome: DELIVERED, FAILED or DEAD_LETTER
 * @param at when it happened (DELIVERED, DEAD_LETTER), or when the next attempt is due (FAILED)
 * @param error the reason of a failure, non-blank for FAILED and DEAD_LETTER; null for DELIVERED
 */
public record OutboxMark(OutboxClaim claim, DeliveryStatus status, Instant at, String error) {

    /**
     * Validates the mark.
     *
     * @param claim the claim whose delivery the mark records
     * @param status the outcome: DELIVERED, FAILED or DEAD_LETTER
     * @param at when it happened (DELIVERED, DEAD_LETTER), or when the next attempt is due (FAILED)
     * @param error the reason of a failure, non-blank for FAILED and DEAD_LETTER; null for DELIVERED
     */
    public OutboxMark {
        Require.nonNull(claim, "claim");
        Require.nonNull(status, "status");
        Require.nonNull(at, "at");
        Require.that(status == DeliveryStatus.DELIVERED || status == DeliveryStatus.FAILED
                || status == DeliveryStatus.DEAD_LETTER, "status", () -> "must be DELIVERED, FAILED or DEAD_LETTER but was " + status);
        if (status == DeliveryStatus.DELIVERED) {
            Require.that(error == null, "error", () -> "must be null for a DELIVERED mark but was '" + error + "'");
        } else {
            Require.nonBlank(error, "error");
        }
    }

    /**
     * {@return a mark that the claim's sink accepted the event at {@code at}}
     *
     * @param claim the claim
     * @param at when the sink accepted it
     */
    public static OutboxMark delivered(OutboxClaim claim, Instant at) {
        Require.nonNull(at, "at");
        return new OutboxMark(claim, DeliveryStatus.DELIVERED, at, null);
    }

    /**
     * {@return a mark that the attempt failed and is to be retried at {@code nextAttemptAt}}
     *
     * @param claim the claim
     * @param nextAttemptAt when the delivery is due again
     * @param error the reason, non-blank
     */
    public static OutboxMark failed(OutboxClaim claim, Instant nextAttemptAt, String error) {
        Require.nonNull(nextAttemptAt, "nextAttemptAt");
        return new OutboxMark(claim, DeliveryStatus.FAILED, nextAttemptAt, error);
    }

    /**
     * {@return a mark that the delivery is given up at {@code at}, with the reason}
     *
     * @param claim the claim
     * @param at when it was given up
     * @param error the reason, non-blank
     */
    public static OutboxMark deadLetter(OutboxClaim claim, Instant at, String error) {
        return new OutboxMark(claim, DeliveryStatus.DEAD_LETTER, at, error);
    }

    /**
     * {@return the delivery as this mark leaves it, given the delivery its claim still holds}: the
     * attempt counted, the status, the time and the error set as the single marks set them.
     *
     * @param held the claimed delivery, IN_FLIGHT under the mark's claim
     * @throws InvalidArgumentException when the claim does not hold {@code held}
     */
    public SinkDelivery applyTo(SinkDelivery held) {
        Require.nonNull(held, "held");
        if (!held.heldBy(claim)) {
            throw new InvalidArgumentException("held", "must be the delivery the mark's claim holds (IN_FLIGHT to sink '"
                    + claim.sink() + "' under claim " + claim.token() + ") but was " + held);
        }
        return switch (status) {
            case DELIVERED -> new SinkDelivery(held.sink(), status, claim.attempt(), at, held.lastError(), at, held.claim());
            case FAILED, DEAD_LETTER -> new SinkDelivery(held.sink(), status, claim.attempt(), at, error, null, held.claim());
            default -> throw new IllegalStateException("a mark's status is checked when it is made, but was " + status);
        };
    }

    /**
     * Checks a list of marks for {@link Outbox#markAll(List)}: no null element, and no two marks for
     * the same delivery (the same event and sink).
     *
     * @param marks the marks
     * @return an unmodifiable copy of the marks, in their order
     * @throws InvalidArgumentException naming {@code marks} when an element is null or two marks are
     *     for the same delivery
     */
    public static List<OutboxMark> distinct(List<OutboxMark> marks) {
        List<OutboxMark> copy = Require.nonNullElements(marks, "marks");
        Set<String> deliveries = new HashSet<>();
        for (OutboxMark m : copy) {
            String key = m.claim().message().eventId() + " " + m.claim().sink();
            if (!deliveries.add(key)) {
                throw new InvalidArgumentException("marks", "must have at most one mark per delivery, but event "
                        + m.claim().message().eventId() + " to sink '" + m.claim().sink() + "' has two");
            }
        }
        return copy;
    }
}
