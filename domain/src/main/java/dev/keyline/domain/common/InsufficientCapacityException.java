package dev.keyline.domain.common;

/** Not enough of a resource or budget is available; nothing was changed. */
public class InsufficientCapacityException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public InsufficientCapacityException(String message) {
        super(ReasonCode.INSUFFICIENT_CAPACITY, message);
    }

    /**
     * @param message what was wrong
     * @param cause the underlying failure, may be null
     */
    public InsufficientCapacityException(String message, Throwable cause) {
        super(ReasonCode.INSUFFICIENT_CAPACITY, message, cause);
    }
}
