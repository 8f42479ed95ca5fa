package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a stage within a provisioning plan, for example {@code local} or {@code joint-test};
 * unique within its plan.
 *
 * @param value the id text
 */
public record StageId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code stageId} when the text is not a valid identifier
     */
    public StageId {
        Identifier.check(value, "stageId");
    }

    @Override
    public String toString() {
        return value;
    }
}
