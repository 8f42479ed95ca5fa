/**
 * The budget area's services: {@link dev.keyline.runtime.budget.CapexProjects} runs CAPEX projects
 * through the runtime.
 */
package dev.keyline.runtime.budget;
