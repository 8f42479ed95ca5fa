package dev.keyline.spi.budget;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.spi.AggregateRepository;
import java.util.List;

/**
 * Budgets with their lines, status history, challenges, revisions and commitment ledger. Saving
 * follows {@link AggregateRepository}; everything is saved with the budget, and the ledger only
 * ever grows.
 */
public interface BudgetRepository extends AggregateRepository<Budget, BudgetId> {

    /**
     * The budgets whose parent budget is the given one, for example a local network's department
     * budgets.
     *
     * @param parent the parent budget
     * @return the child budgets ordered by id
     */
    List<Budget> childrenOf(BudgetId parent);

    /**
     * The budgets of one organisation unit.
     *
     * @param unit the unit
     * @return its budgets ordered by fiscal year, then id
     */
    List<Budget> ofUnit(OrgUnitId unit);
}
