package dev.keyline.examples.classify;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.time.YearMonth;

/**
 * One data row of a spend file: what a customer spent in one month.
 *
 * @param line the row's line number in the file, counting the header as line 1
 * @param customer the customer
 * @param network the local network (本地网) the customer belongs to
 * @param month the month the spend was in
 * @param spend the amount spent, not negative
 */
public record SpendRow(int line, AccountId customer, LocalNetworkId network, YearMonth month, Money spend) {

    /** Validates the row. */
    public SpendRow {
        Require.positive(line, "line");
        Require.nonNull(customer, "customer");
        Require.nonNull(network, "network");
        Require.nonNull(month, "month");
        Require.nonNull(spend, "spend");
        Require.that(!spend.isNegative(), "spend", () -> "must not be negative, was " + spend);
    }
}
