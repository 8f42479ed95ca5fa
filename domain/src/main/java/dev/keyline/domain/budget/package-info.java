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
 *   <li>{@link dev.keyline.domain.budget.CapexProject}: one construction project from proposal through
 *       feasibility, approval (立项), construction and acceptance (竣工验收) to evaluation, linked to a
 *       budget line, with the commitments and actuals it booked, its schedule and the capacity it
 *       builds for the resource pools; {@link dev.keyline.domain.budget.CapexAction}: who may take
 *       each step.</li>
 * </ul>
 *
 * <p>This package uses only the shared kernel ({@code dev.keyline.domain.common}); the resource pools
 * a project builds for are named by text ids, not by the resources area's types.
 */
package dev.keyline.domain.budget;
