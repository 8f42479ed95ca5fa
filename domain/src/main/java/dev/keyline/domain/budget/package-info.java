/**
 * Budgets and CAPEX (CAPEX流程): construction projects paid from CAPEX.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.budget.CapexProject}: one project from proposal through feasibility,
 *       approval (立项), construction and acceptance (竣工验收) to evaluation, linked to a budget line,
 *       with the commitments and actuals it booked, its schedule and the capacity it builds for the
 *       resource pools; {@link dev.keyline.domain.budget.CapexAction}: who may take each step.</li>
 * </ul>
 *
 * <p>Who acts ({@link dev.keyline.domain.common.Actor}, {@link dev.keyline.domain.common.Role}) is the
 * shared kernel's. The resource pools a project builds for are named by the resources area's pool
 * ids, kept here as validated text; the project's events carry what that area needs.
 */
package dev.keyline.domain.budget;
