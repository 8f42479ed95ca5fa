package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The budget line a {@link CapexProject} is paid from: the budget's id and the line's id within it,
 * as the budget gives them. The project's commitments and actuals flow into that line.
 *
 * @param budget the budget's id
 * @param line the line's id
 */
public record CapexBudgetLine(String budget, String line) {

    /**
     * Validates both ids.
     *
     * @throws InvalidArgumentException naming {@code budget} or {@code line} when it is not a valid identifier
     */
    public CapexBudgetLine {
        Identifier.check(budget, "budget");
        Identifier.check(line, "line");
    }

    @Override
    public String toString() {
        return budget + "/" + line;
    }
}
