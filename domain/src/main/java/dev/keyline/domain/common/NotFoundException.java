package dev.keyline.domain.common;

/** The referenced entity does not exist. */
public class NotFoundException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public NotFoundException(String message) {
        super(ReasonCode.NOT_FOUND, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public NotFoundException(String message, Throwable cause) {
        super(ReasonCode.NOT_FOUND, message, cause);
    }
}
