package dev.keyline.domain.common;

/** The actor may not act on this entity; nothing was changed. */
public class NotAuthorisedException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public NotAuthorisedException(String message) {
        super(ReasonCode.NOT_AUTHORISED, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public NotAuthorisedException(String message, Throwable cause) {
        super(ReasonCode.NOT_AUTHORISED, message, cause);
    }
}
