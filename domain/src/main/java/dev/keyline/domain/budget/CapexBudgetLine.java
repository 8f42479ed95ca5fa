package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The budget line a {@link CapexProject} is paid from: the {@link Budget}'s id and the line's id
 * within it. The project's commitments and actuals flow into that line.
 *
 * @param budget the budget's id
 * @param line the line's id
 */
public record CapexBudgetLine(BudgetId budget, BudgetLineId line) {

    /**
     * Validates both ids.
     *
     * @param budget the budget's id
     * @param line the line's id
     * @throws InvalidArgumentException naming {@code budget} or {@code line} when it is null
     */
    public CapexBudgetLine {
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
    }

    @Override
    public String toString() {
        return budget + "/" + line;
    }
}
