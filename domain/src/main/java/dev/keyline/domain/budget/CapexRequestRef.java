package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of an investment request that became a proposed {@link CapexProject}: a shortfall the
 * resources area raised, or a key-account solution. At most one project is proposed per request.
 *
 * @param value the request's id text, as the raising area gives it
 */
public record CapexRequestRef(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the request's id text, as the raising area gives it
     * @throws InvalidArgumentException naming {@code capexRequest} when the text is not a valid identifier
     */
    public CapexRequestRef {
        Identifier.check(value, "capexRequest");
    }

    @Override
    public String toString() {
        return value;
    }
}
