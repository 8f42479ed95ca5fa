package dev.keyline.domain.account;

import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * A key account (大客户) in a classification result, with its tier: level 1 (一级, local) or
 * level 2 (二级, national).
 *
 * @param account the account
 * @param averageMonthlySpend its average monthly spend over the window
 * @param tier {@link Tier#LOCAL} or {@link Tier#NATIONAL}
 */
public record ClassifiedAccount(AccountId account, Money averageMonthlySpend, Tier tier) {

    /**
     * Validates the value.
     *
     * @param account the account
     * @param averageMonthlySpend its average monthly spend over the window
     * @param tier {@link Tier#LOCAL} or {@link Tier#NATIONAL}
     */
    public ClassifiedAccount {
        Require.nonNull(account, "account");
        Limits.money(averageMonthlySpend, "averageMonthlySpend");
        Require.nonNegative(averageMonthlySpend.amount(), "averageMonthlySpend");
        Require.nonNull(tier, "tier");
        Require.that(tier.isKeyAccount(), "tier", () -> "must be LOCAL or NATIONAL, was " + tier);
    }
}
