package dev.keyline.domain.billing;

import dev.keyline.domain.common.Identifier;

/**
 * The id of an arrears fact.
 *
 * @param value the id text
 */
public record ArrearsFactId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code arrearsFactId} when the text is
     *     not a valid identifier
     */
    public ArrearsFactId {
        Identifier.check(value, "arrearsFactId");
    }

    @Override
    public String toString() {
        return value;
    }
}
