package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of an organisation unit that holds a budget: the province, a local network, or a department or cost centre.
 *
 * @param value the id text
 */
public record OrgUnitId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code orgUnitId} when the text is not a valid identifier
     */
    public OrgUnitId {
        Identifier.check(value, "orgUnitId");
    }

    @Override
    public String toString() {
        return value;
    }
}
