package dev.keyline.domain.common;

/**
 * A command lost to concurrent changes on every attempt the runtime made: each time, another
 * transaction saved an entity it had loaded first. Nothing of any attempt was written. It is a
 * {@link StaleVersionException} (reason {@link ReasonCode#STALE_VERSION}), so a host that handles
 * stale versions handles it too; its message names the entity of the last conflict and the number
 * of attempts, and its cause is the last attempt's {@link StaleVersionException}.
 */
public class ConcurrencyConflictException extends StaleVersionException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * @param attempts how many times the command ran, at least 1
     * @param last the conflict of the last attempt, naming the entity
     */
    public ConcurrencyConflictException(int attempts, StaleVersionException last) {
        super("gave up after " + Require.positive(attempts, "attempts") + (attempts == 1 ? " attempt" : " attempts")
                + ", each lost to a concurrent change; the last: " + stripCode(Require.nonNull(last, "last")), last);
        this.attempts = attempts;
    }

    /** How many times the command ran before the runtime gave up. */
    public int attempts() {
        return attempts;
    }

    private static String stripCode(StaleVersionException last) {
        String message = String.valueOf(last.getMessage());
        String prefix = last.reason().code() + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
