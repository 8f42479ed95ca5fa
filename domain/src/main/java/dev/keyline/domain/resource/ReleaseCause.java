package dev.keyline.domain.resource;

/** Why allocated units were released ({@link UnitsReleased}). */
public enum ReleaseCause {
    /** The service was disconnected. */
    DISCONNECTION,
    /** The key account holding them exited. */
    ACCOUNT_EXIT
}
