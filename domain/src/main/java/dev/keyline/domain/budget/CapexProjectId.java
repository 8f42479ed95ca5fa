package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link CapexProject}, one construction project paid from CAPEX.
 *
 * @param value the id text
 */
public record CapexProjectId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code capexProjectId} when the text is not a valid identifier
     */
    public CapexProjectId {
        Identifier.check(value, "capexProjectId");
    }

    @Override
    public String toString() {
        return value;
    }
}
