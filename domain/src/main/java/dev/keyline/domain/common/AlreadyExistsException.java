package dev.keyline.domain.common;

/** An entity with the same identity already exists; nothing was written. */
public class AlreadyExistsException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public AlreadyExistsException(String message) {
        super(ReasonCode.ALREADY_EXISTS, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public AlreadyExistsException(String message, Throwable cause) {
        super(ReasonCode.ALREADY_EXISTS, message, cause);
    }
}
