/**
 * Budgets (预算): one organisation unit's budget per fiscal year, in the hierarchy province → local
 * network → department or cost centre, with its lifecycle, revisions, commitment ledger and control.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.budget.Budget}: the aggregate, with its lines
 *       ({@link dev.keyline.domain.budget.BudgetLine}), status history, challenges (质询), revisions
 *       and commitment ledger; its events implement {@link dev.keyline.domain.budget.BudgetEvent}.</li>
 *   <li>Control per line and document stage: {@link dev.keyline.domain.budget.BudgetControl};
 *       refusals: {@link dev.keyline.domain.budget.BudgetExceededException} and
 *       {@link dev.keyline.domain.budget.IllegalBudgetTransitionException}.</li>
 * </ul>
 *
 * <p>This package uses only the shared kernel ({@code dev.keyline.domain.common}).
 */
package dev.keyline.domain.budget;
