package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a line of a {@link Budget}, unique within its budget (for example {@code CAPEX-ACCESS}).
 *
 * @param value the id text
 */
public record BudgetLineId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code budgetLineId} when the text is not a valid identifier
     */
    public BudgetLineId {
        Identifier.check(value, "budgetLineId");
    }

    @Override
    public String toString() {
        return value;
    }
}
