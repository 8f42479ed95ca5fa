package dev.keyline.domain.authority;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link PriceAuthorisation}, one request for commercial authorisation (商务授权).
 *
 * @param value the id text
 */
public record PriceAuthorisationId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code priceAuthorisationId} when the text is not a valid identifier
     */
    public PriceAuthorisationId {
        Identifier.check(value, "priceAuthorisationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
