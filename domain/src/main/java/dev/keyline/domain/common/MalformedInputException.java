package dev.keyline.domain.common;

/** Input text (JSON, CSV) could not be parsed; the message names the field or line. */
public class MalformedInputException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public MalformedInputException(String message) {
        super(ReasonCode.MALFORMED_INPUT, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public MalformedInputException(String message, Throwable cause) {
        super(ReasonCode.MALFORMED_INPUT, message, cause);
    }
}
