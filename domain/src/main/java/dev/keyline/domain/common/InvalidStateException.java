package dev.keyline.domain.common;

/** The command is not allowed in the aggregate's current state; nothing was changed. */
public class InvalidStateException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public InvalidStateException(String message) {
        super(ReasonCode.INVALID_STATE, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public InvalidStateException(String message, Throwable cause) {
        super(ReasonCode.INVALID_STATE, message, cause);
    }
}
