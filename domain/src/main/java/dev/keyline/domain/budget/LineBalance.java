package dev.keyline.domain.budget;

import dev.keyline.domain.common.Money;

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
     * The commitments and actuals together.
     *
     * @return {@code committed + actual}
     */
    public Money used() {
        return committed.plus(actual);
    }
}
