package dev.keyline.domain.budget;

import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * A document would take a budget line controlled by {@link ControlLevel#STOP} at its stage over
 * budget; nothing was booked. The message and accessors name the budget, the line, the stage, the
 * amount asked for, which limit it exceeds and what is available against it.
 */
public class BudgetExceededException extends InsufficientCapacityException {

    private static final long serialVersionUID = 1L;

    private final transient BudgetId budget;
    private final transient BudgetLineId line;
    /** The document's stage. */
    private final DocumentStage stage;
    private final transient Money amount;
    private final transient Money available;
    /** The limit exceeded: annual or period. */
    private final OverrunLimit limit;

    /**
     * @param budget the budget
     * @param line the line
     * @param stage the document's stage
     * @param amount the amount the document asked for
     * @param available what is available against the exceeded limit, after any commitment the
     *     document would have reversed
     * @param limit the limit exceeded
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the argument when one is null
     */
    public BudgetExceededException(BudgetId budget, BudgetLineId line, DocumentStage stage, Money amount,
            Money available, OverrunLimit limit) {
        super(message(budget, line, stage, amount, available, limit));
        this.budget = budget;
        this.line = line;
        this.stage = stage;
        this.amount = amount;
        this.available = available;
        this.limit = limit;
    }

    private static String message(BudgetId budget, BudgetLineId line, DocumentStage stage, Money amount,
            Money available, OverrunLimit limit) {
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(stage, "stage");
        Require.nonNull(amount, "amount");
        Require.nonNull(available, "available");
        Require.nonNull(limit, "limit");
        return "budget " + budget + " line " + line + ": a " + stage + " of " + amount + " exceeds the "
                + (limit == OverrunLimit.ANNUAL ? "annual amount" : "amount phased to its month")
                + "; available " + available + " (control STOP)";
    }

    /**
     * The budget.
     *
     * @return its id
     */
    public BudgetId budget() {
        return budget;
    }

    /**
     * The line.
     *
     * @return its id
     */
    public BudgetLineId line() {
        return line;
    }

    /**
     * The document's stage.
     *
     * @return the stage
     */
    public DocumentStage stage() {
        return stage;
    }

    /**
     * The amount asked for.
     *
     * @return the amount
     */
    public Money amount() {
        return amount;
    }

    /**
     * What is available against the exceeded limit.
     *
     * @return the available amount
     */
    public Money available() {
        return available;
    }

    /**
     * The limit exceeded.
     *
     * @return annual or period
     */
    public OverrunLimit limit() {
        return limit;
    }
}
