package dev.keyline.domain.common;

/** Data restored from storage or JSON violates an invariant; it is rejected rather than trusted. */
public class CorruptStateException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public CorruptStateException(String message) {
        super(ReasonCode.CORRUPT_STATE, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public CorruptStateException(String message, Throwable cause) {
        super(ReasonCode.CORRUPT_STATE, message, cause);
    }
}
