package dev.keyline.domain.common;

/**
 * A command lost to concurrent changes on every attempt the runtime made: each time, another
 * transaction saved an entity it had loaded first. Nothing of any attempt was written. It is a
 * {@link StaleVersionException}, so a host that handles stale versions handles it too, with a
 * reason code of its own, {@link ReasonCode#CONCURRENCY_CONFLICT}; the runtime's message names the
 * entity of the last conflict and the number of attempts, and its cause is the last attempt's
 * {@link StaleVersionException}.
 */
public class ConcurrencyConflictException extends StaleVersionException {

    private static final long serialVersionUID = 1L;

    /** How many times the command ran before the runtime gave up; 0 when made from a message alone. */
    private final int attempts;

    /** @param message what was wrong */
    public ConcurrencyConflictException(String message) {
        this(message, null);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public ConcurrencyConflictException(String message, Throwable cause) {
        super(ReasonCode.CONCURRENCY_CONFLICT, message, cause);
        this.attempts = 0;
    }

    /**
     * The runtime's exception after its last attempt.
     *
     * @param attempts how many times the command ran, at least 1
     * @param last the conflict of the last attempt, naming the entity
     */
    public ConcurrencyConflictException(int attempts, StaleVersionException last) {
        super(ReasonCode.CONCURRENCY_CONFLICT, "gave up after " + Require.positive(attempts, "attempts")
                + (attempts == 1 ? " attempt" : " attempts") + ", each lost to a concurrent change; the last: "
                + stripCode(Require.nonNull(last, "last")), last);
        this.attempts = attempts;
    }

    /**
     * {@return how many times the command ran before the runtime gave up; 0 when the exception was
     * made from a message alone}
     */
    public int attempts() {
        return attempts;
    }

    private static String stripCode(StaleVersionException last) {
        String message = String.valueOf(last.getMessage());
        String prefix = last.reason().code() + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
