package dev.keyline.webhook;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.domain.common.Require;

/**
 * A webhook request failed signature verification and must not be trusted. The
 * {@link #failure()} says why; the message names the header and what was wrong with it, never
 * the secret or the expected signature.
 *
 * <p>The reason code is {@link ReasonCode#NOT_AUTHORISED}: the sender could not prove it holds the
 * shared secret. A receiver usually answers such a request with HTTP 401.
 */
public class SignatureVerificationException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** Why verification failed. */
    public enum Failure {
        /** A required header was absent or empty. */
        MISSING_HEADER,
        /** A header was present but not in the expected form. */
        MALFORMED_HEADER,
        /** The signed timestamp is further from now than the tolerance allows (a replay or a skewed clock). */
        STALE_TIMESTAMP,
        /** No signature in the header matches the body, timestamp and secret. */
        SIGNATURE_MISMATCH
    }

    private final Failure failure;

    /**
     * @param failure why verification failed
     * @param message what was wrong, naming the header concerned
     */
    public SignatureVerificationException(Failure failure, String message) {
        super(ReasonCode.NOT_AUTHORISED, Require.nonNull(failure, "failure") + ": " + Require.nonNull(message, "message"));
        this.failure = failure;
    }

    /** Why verification failed. */
    public Failure failure() {
        return failure;
    }
}
