/** The budget area's in-memory repositories: budgets and CAPEX projects. */
package dev.keyline.memory.budget;
