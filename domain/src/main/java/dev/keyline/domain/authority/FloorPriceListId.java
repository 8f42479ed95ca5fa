package dev.keyline.domain.authority;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link FloorPriceList}, for example the code of the local network (本地网) whose
 * floor prices (底价) it holds.
 *
 * @param value the id text
 */
public record FloorPriceListId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code floorPriceListId} when the text is not a valid identifier
     */
    public FloorPriceListId {
        Identifier.check(value, "floorPriceListId");
    }

    @Override
    public String toString() {
        return value;
    }
}
