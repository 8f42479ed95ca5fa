package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link Budget}: one organisation unit's budget for one fiscal year.
 *
 * @param value the id text
 */
public record BudgetId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code budgetId} when the text is not a valid identifier
     */
    public BudgetId {
        Identifier.check(value, "budgetId");
    }

    @Override
    public String toString() {
        return value;
    }
}
