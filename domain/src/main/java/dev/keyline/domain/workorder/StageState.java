package dev.keyline.domain.workorder;

/**
 * Where one stage of a provisioning order stands: pending → ready → started → done, with
 * started ⇄ held.
 */
public enum StageState {
    /** Some predecessor is not done yet. */
    PENDING,
    /** Every predecessor is done; the station may start. */
    READY,
    /** The station is working on it; its planned time is running. */
    STARTED,
    /** Put on hold; the time held is credited, so the stage's due time moves by it. */
    HELD,
    /** Done. */
    DONE
}
