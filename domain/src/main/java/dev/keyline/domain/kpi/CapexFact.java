package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * CAPEX budgeted and spent for a period and the lines in service at its end, as the CAPEX ratio
 * and CAPEX per line see them.
 *
 * @param budget the CAPEX budget, not negative
 * @param actual the actual CAPEX, not negative, in the budget's currency
 * @param linesInService the lines in service at the period's end, not negative
 */
public record CapexFact(Money budget, Money actual, long linesInService) {

    /**
     * Validates the fact.
     *
     * @param budget the CAPEX budget, not negative
     * @param actual the actual CAPEX, not negative, in the budget's currency
     * @param linesInService the lines in service at the period's end, not negative
     * @throws InvalidArgumentException when an amount is null or negative, the currencies differ or the lines are negative
     */
    public CapexFact {
        Require.nonNull(budget, "budget");
        Require.nonNull(actual, "actual");
        Require.nonNegative(budget.amount(), "budget");
        Require.nonNegative(actual.amount(), "actual");
        Require.that(budget.currency().equals(actual.currency()), "actual",
                () -> "must be in the budget's currency " + budget.currency() + ", was " + actual.currency());
        Require.nonNegative(linesInService, "linesInService");
    }
}
