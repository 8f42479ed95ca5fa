package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * One entry of a {@link TicketClock}'s append-only log. The clock's state, elapsed time and
 * deadlines are derived from these entries and a business calendar.
 *
 * @param kind what happened to the clock
 * @param at when
 */
public record ClockTransition(Kind kind, Instant at) {

    /** What happened to a clock. */
    public enum Kind {
        /** Time starts to count. */
        START,
        /** Time stops counting while the ticket waits for the customer. */
        PAUSE,
        /** Time counts again. */
        RESUME,
        /** The clock's goal was reached: met, or breached if a breach is recorded. */
        STOP,
        /** The ticket was cancelled. */
        CANCEL
    }

    /**
     * Validates the entry.
     *
     * @param kind what happened to the clock
     * @param at when
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component that is null
     */
    public ClockTransition {
        Require.nonNull(kind, "kind");
        Require.nonNull(at, "at");
    }
}
