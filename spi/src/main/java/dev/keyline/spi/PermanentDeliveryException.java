package dev.keyline.spi;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;

/** The receiver refused the notification for good (for example HTTP 410); retrying will not help. */
public class PermanentDeliveryException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message why, for example the response status and an excerpt of its body */
    public PermanentDeliveryException(String message) {
        super(ReasonCode.DELIVERY_FAILURE, message);
    }

    /**
     * @param message why
     * @param cause the underlying failure, may be null
     */
    public PermanentDeliveryException(String message, Throwable cause) {
        super(ReasonCode.DELIVERY_FAILURE, message, cause);
    }
}
