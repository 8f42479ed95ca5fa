package dev.keyline.domain.resource;

/**
 * Where a {@link Reservation} (资源预占) stands: the states of TMF685 (in progress, completed, rejected,
 * cancelled) and Keyline's expired and released. Only {@link #IN_PROGRESS} holds units; the others
 * are final.
 */
public enum ReservationState {
    /** Made; its unallocated units are held for it. */
    IN_PROGRESS,
    /** Every reserved unit was allocated through it. */
    COMPLETED,
    /** Refused at once: the pool had fewer units available than asked for. Nothing was held. */
    REJECTED,
    /** Cancelled with a date and a reason; its unallocated units went back to the pool. */
    CANCELLED,
    /** Its expiry passed; its unallocated units went back to the pool. */
    EXPIRED,
    /** Given back because its holder no longer needs it (the key account exited); its unallocated units went back. */
    RELEASED;

    /**
     * Whether the reservation still holds units and accepts commands.
     *
     * @return true for {@link #IN_PROGRESS} only
     */
    public boolean isOpen() {
        return this == IN_PROGRESS;
    }
}
