package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link ResourcePool}.
 *
 * @param value the id text
 */
public record PoolId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code poolId} when the text is not a valid identifier
     */
    public PoolId {
        Identifier.check(value, "poolId");
    }

    @Override
    public String toString() {
        return value;
    }
}
