package dev.keyline.domain.common;

/**
 * The one unchecked base exception of the library. Every failure Keyline raises on purpose is a
 * subclass of this type with a stable {@link ReasonCode}; a caller may catch this type alone.
 */
public class KeylineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stable reason code of this failure. */
    private final ReasonCode reason;

    /**
     * @param reason the stable reason code
     * @param message what was wrong, naming the field or entity concerned
     */
    public KeylineException(ReasonCode reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason the stable reason code
     * @param message what was wrong, naming the field or entity concerned
     * @param cause the underlying failure, may be null
     * @throws InvalidArgumentException when {@code reason} or {@code message} is null
     */
    public KeylineException(ReasonCode reason, String message, Throwable cause) {
        super(Require.nonNull(reason, "reason").code() + " " + Require.nonNull(message, "message"), cause);
        this.reason = reason;
    }

    /** {@return the stable reason code of this failure} */
    public ReasonCode reason() {
        return reason;
    }
}
