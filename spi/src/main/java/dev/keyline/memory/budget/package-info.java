/** The budget area's repositories in the in-memory provider: CAPEX projects. */
package dev.keyline.memory.budget;
