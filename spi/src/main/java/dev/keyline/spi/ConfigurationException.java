package dev.keyline.spi;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;

/** The runtime's wiring is incomplete or inconsistent, for example no storage provider was given. */
public class ConfigurationException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** @param message what is missing or inconsistent */
    public ConfigurationException(String message) {
        super(ReasonCode.CONFIGURATION, message);
    }

    /**
     * @param message what is missing or inconsistent
     * @param cause the underlying failure, may be null
     */
    public ConfigurationException(String message, Throwable cause) {
        super(ReasonCode.CONFIGURATION, message, cause);
    }
}
