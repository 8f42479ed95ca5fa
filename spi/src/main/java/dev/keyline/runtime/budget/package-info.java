/**
 * Budgets (预算) and CAPEX projects run through the runtime: {@link dev.keyline.runtime.budget.Budgets},
 * the yearly cycle, revisions and the commitment ledger, with the rule that issued child budgets
 * never sum above their parent's line; {@link dev.keyline.runtime.budget.CapexProjects}, projects
 * from proposal to evaluation. Commands follow the shared {@link dev.keyline.runtime.ServiceSteps}.
 */
package dev.keyline.runtime.budget;
