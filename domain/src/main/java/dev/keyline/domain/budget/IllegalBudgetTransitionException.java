package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;

/**
 * A budget was asked to move to a status its current status does not lead to (for example to be
 * issued before it was approved); nothing was changed.
 */
public class IllegalBudgetTransitionException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    private final transient BudgetId budget;
    /** The current status. */
    private final BudgetStatus from;
    /** The status asked for. */
    private final BudgetStatus to;

    /**
     * @param budget the budget
     * @param from its current status
     * @param to the status asked for
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the argument when one is null
     */
    public IllegalBudgetTransitionException(BudgetId budget, BudgetStatus from, BudgetStatus to) {
        super(message(budget, from, to));
        this.budget = budget;
        this.from = from;
        this.to = to;
    }

    private static String message(BudgetId budget, BudgetStatus from, BudgetStatus to) {
        Require.nonNull(budget, "budget");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        return "budget " + budget + " is " + from + " and cannot become " + to + "; from " + from
                + " it may become only " + from.next();
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
     * The current status.
     *
     * @return the status
     */
    public BudgetStatus from() {
        return from;
    }

    /**
     * The status asked for.
     *
     * @return the status
     */
    public BudgetStatus to() {
        return to;
    }
}
