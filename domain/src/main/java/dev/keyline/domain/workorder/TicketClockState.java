package dev.keyline.domain.workorder;

/**
 * Where a {@link TicketClock} stands: not started → running ⇄ paused → met | breached | cancelled.
 */
public enum TicketClockState {
    /** No time counts yet. */
    NOT_STARTED,
    /** Working time counts against the target. */
    RUNNING,
    /** Waiting for the customer: no time counts, and the deadline moves by the working time spent paused. */
    PAUSED,
    /** Stopped with no breach recorded in its cycle. */
    MET,
    /** Stopped with a breach recorded in its cycle, even if the target was reached afterwards. */
    BREACHED,
    /** Stopped because the ticket was cancelled. */
    CANCELLED;

    /**
     * Whether the clock has stopped for good.
     *
     * @return true for met, breached and cancelled
     */
    public boolean isFinal() {
        return this == MET || this == BREACHED || this == CANCELLED;
    }
}
