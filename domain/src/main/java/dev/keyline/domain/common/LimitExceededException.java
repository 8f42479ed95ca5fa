package dev.keyline.domain.common;

/** A limit of a service class or agreement would be exceeded; nothing was changed. */
public class LimitExceededException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public LimitExceededException(String message) {
        super(ReasonCode.LIMIT_EXCEEDED, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public LimitExceededException(String message, Throwable cause) {
        super(ReasonCode.LIMIT_EXCEEDED, message, cause);
    }
}
