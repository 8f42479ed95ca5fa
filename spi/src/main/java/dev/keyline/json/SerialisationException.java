package dev.keyline.json;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;

/** A value could not be written as JSON, or an event type is registered twice with different classes. */
public class SerialisationException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what could not be converted */
    public SerialisationException(String message) {
        super(ReasonCode.SERIALISATION_FAILURE, message);
    }

    /**
     * @param message what could not be converted
     * @param cause the underlying failure, may be null
     */
    public SerialisationException(String message, Throwable cause) {
        super(ReasonCode.SERIALISATION_FAILURE, message, cause);
    }
}
