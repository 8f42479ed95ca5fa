package dev.keyline.domain.common;

/** The entity changed since it was loaded (optimistic concurrency); nothing was written. */
public class StaleVersionException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public StaleVersionException(String message) {
        super(ReasonCode.STALE_VERSION, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public StaleVersionException(String message, Throwable cause) {
        super(ReasonCode.STALE_VERSION, message, cause);
    }

    /**
     * For a more specific stale version with a reason code of its own.
     *
     * @param reason the reason code
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    protected StaleVersionException(ReasonCode reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
