package dev.keyline.spi;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import java.time.Duration;
import java.util.Optional;

/** Delivery failed for now (a 5xx, 429, time-out); the relay retries, no earlier than the hint if one is given. */
public class RetryableDeliveryException extends KeylineException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /**
     * @param message why
     * @param retryAfter the receiver's hint of when to try again, or null
     * @param cause the underlying failure, or null
     */
    public RetryableDeliveryException(String message, Duration retryAfter, Throwable cause) {
        super(ReasonCode.DELIVERY_FAILURE, message, cause);
        this.retryAfter = retryAfter;
    }

    /** {@return the receiver's hint of when to try again} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
