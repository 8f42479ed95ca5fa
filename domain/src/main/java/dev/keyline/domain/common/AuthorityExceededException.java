package dev.keyline.domain.common;

/** The actor's commercial authority does not cover the request; nothing was changed. */
public class AuthorityExceededException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public AuthorityExceededException(String message) {
        super(ReasonCode.AUTHORITY_EXCEEDED, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public AuthorityExceededException(String message, Throwable cause) {
        super(ReasonCode.AUTHORITY_EXCEEDED, message, cause);
    }
}
