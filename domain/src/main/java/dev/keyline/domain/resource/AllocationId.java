package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of an {@link Allocation}: units of a pool given to a key account.
 *
 * @param value the id text
 */
public record AllocationId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code allocationId} when the text is not a valid identifier
     */
    public AllocationId {
        Identifier.check(value, "allocationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
