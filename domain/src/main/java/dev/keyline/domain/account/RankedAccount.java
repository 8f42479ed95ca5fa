package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.util.Comparator;

/**
 * A key account (大客户) found by a classification rule, with the average monthly spend it was
 * ranked by.
 *
 * @param account the account
 * @param averageMonthlySpend its average monthly spend over the window, not negative
 */
public record RankedAccount(AccountId account, Money averageMonthlySpend) {

    /** Ranking order: average monthly spend descending, then account id ascending. */
    public static final Comparator<RankedAccount> RANKING = Comparator
            .comparing(RankedAccount::averageMonthlySpend, Comparator.reverseOrder())
            .thenComparing(r -> r.account().value());

    /**
     * Validates the value.
     *
     * @param account the account
     * @param averageMonthlySpend its average monthly spend over the window, not negative
     */
    public RankedAccount {
        Require.nonNull(account, "account");
        Require.nonNull(averageMonthlySpend, "averageMonthlySpend");
        Require.nonNegative(averageMonthlySpend.amount(), "averageMonthlySpend");
    }
}
