package dev.keyline.domain.common;

/** A reservation or offer has expired. */
public class ExpiredException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public ExpiredException(String message) {
        super(ReasonCode.EXPIRED, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public ExpiredException(String message, Throwable cause) {
        super(ReasonCode.EXPIRED, message, cause);
    }
}
