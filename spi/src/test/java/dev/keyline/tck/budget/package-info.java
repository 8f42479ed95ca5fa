/** The compatibility kit of the budget area: {@link dev.keyline.tck.budget.CapexProjectContract}. */
package dev.keyline.tck.budget;
