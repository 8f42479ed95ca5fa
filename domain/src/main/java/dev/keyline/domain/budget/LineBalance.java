package dev.keyline.domain.budget;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * Where one budget line stands: its issued amount (original plus approved revisions), the open
 * commitments and the actuals on it, and what remains available. The ledger reconciles:
 * {@code issued = available + committed + actual}.
 *
 * @param line the line
 * @param original the original amount as drafted
 * @param issued the original amount plus approved revisions
 * @param committed the open commitments
 * @param actual the actuals
 * @param available {@code issued − committed − actual}; negative when a WARN or IGNORE line is overrun
 */
public record LineBalance(BudgetLineId line, Money original, Money issued, Money committed, Money actual,
        Money available) {

    /**
     * Validates the balance.
     *
     * @param line the line
     * @param original the original amount as drafted
     * @param issued the original amount plus approved revisions
     * @param committed the open commitments
     * @param actual the actuals
     * @param available {@code issued − committed − actual}; negative when a WARN or IGNORE line is overrun
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null
     */
    public LineBalance {
        Require.nonNull(line, "line");
        Require.nonNull(original, "original");
        Require.nonNull(issued, "issued");
        Require.nonNull(committed, "committed");
        Require.nonNull(actual, "actual");
        Require.nonNull(available, "available");
    }

    /**
     * The commitments and actuals together.
     *
     * @return {@code committed + actual}
     */
    public Money used() {
        return committed.plus(actual);
    }
}
