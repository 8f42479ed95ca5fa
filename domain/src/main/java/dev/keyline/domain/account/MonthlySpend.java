package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The effective telecom spend (通信消费) of one key account in one month, after corrections; see
 * {@link EffectiveSpend}.
 *
 * @param account the account
 * @param network its local network
 * @param month the month
 * @param amount the effective amount, not negative
 */
public record MonthlySpend(AccountId account, LocalNetworkId network, YearMonth month, Money amount) {

    /**
     * Validates the value.
     *
     * @param account the account
     * @param network its local network
     * @param month the month
     * @param amount the effective amount, not negative
     */
    public MonthlySpend {
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(month, "month");
        Require.nonNull(amount, "amount");
        Require.nonNegative(amount.amount(), "amount");
    }
}
