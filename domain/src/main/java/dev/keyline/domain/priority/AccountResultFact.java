package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One fact from billing (计费): the revenue and profit a key account brought with one product in
 * one period. Facts are append-only: a fact is never changed, a correction is a further fact (with a
 * negative amount if need be), and the same fact id sent again with the same content is the same
 * fact, with other content it is refused. An account's result for a period is the sum of its facts.
 *
 * <p>The fact carries the account's industry and the product so that the priority area ranks and
 * segments on billing's figures alone, without reading the key-account area's storage. The facts of
 * one account and period must all name the same industry.
 *
 * @param id billing's id of the fact
 * @param account the key account
 * @param period the period the revenue and profit belong to
 * @param product the product they were earned with
 * @param industry the account's industry in the period
 * @param revenue the revenue, at most {@link Limits#MAX_MONEY} in magnitude
 * @param profit the profit (may be negative), in the revenue's currency
 * @param recordedAt when billing recorded the fact; kept to the microsecond, as every storage provider keeps it
 */
public record AccountResultFact(AccountResultFactId id, AccountId account, Period period, ProductCode product,
        Industry industry, Money revenue, Money profit, Instant recordedAt) {

    /**
     * Validates the fact.
     *
     * @param id billing's id of the fact
     * @param account the key account
     * @param period the period the revenue and profit belong to
     * @param product the product they were earned with
     * @param industry the account's industry in the period
     * @param revenue the revenue, at most {@link Limits#MAX_MONEY} in magnitude
     * @param profit the profit (may be negative), in the revenue's currency
     * @param recordedAt when billing recorded the fact; kept to the microsecond, as every storage provider keeps it
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null, an amount is too large, or the profit's currency differs from the revenue's
     */
    public AccountResultFact {
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(period, "period");
        Require.nonNull(product, "product");
        Require.nonNull(industry, "industry");
        Limits.money(revenue, "revenue");
        Limits.money(profit, "profit");
        Require.that(revenue.currency().equals(profit.currency()), "profit", () -> "must be in the revenue's currency "
                + revenue.currency().getCurrencyCode() + " but was in " + profit.currency().getCurrencyCode());
        recordedAt = Require.nonNull(recordedAt, "recordedAt").truncatedTo(ChronoUnit.MICROS);
    }
}
