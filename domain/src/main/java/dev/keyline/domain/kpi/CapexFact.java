package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * CAPEX budgeted and spent for a period, as the CAPEX ratio sees it.
 *
 * @param budget the CAPEX budget, not negative
 * @param actual the actual CAPEX, not negative, in the budget's currency
 */
public record CapexFact(Money budget, Money actual) {

    /**
     * Validates the fact.
     *
     * @throws InvalidArgumentException when an amount is null or negative, or the currencies differ
     */
    public CapexFact {
        Require.nonNull(budget, "budget");
        Require.nonNull(actual, "actual");
        Require.nonNegative(budget.amount(), "budget");
        Require.nonNegative(actual.amount(), "actual");
        Require.that(budget.currency().equals(actual.currency()), "actual",
                "must be in the budget's currency " + budget.currency() + ", was " + actual.currency());
    }
}
