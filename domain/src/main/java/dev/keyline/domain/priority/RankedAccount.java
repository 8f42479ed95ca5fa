package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;

/**
 * One key account's place in a ranking: its rank, its result and how it scored.
 *
 * @param rank the position, 1 first
 * @param result the account's result in the period and segment
 * @param score the weighted score the rank follows, non-negative
 */
public record RankedAccount(int rank, AccountResult result, BigDecimal score) {

    /**
     * Validates the entry.
     *
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null, the rank is below 1 or the score negative
     */
    public RankedAccount {
        Require.that(rank >= 1, "rank", "must be at least 1, was " + rank);
        Require.nonNull(result, "result");
        Require.nonNegative(score, "score");
    }

    /**
     * The account ranked.
     *
     * @return its id
     */
    public AccountId account() {
        return result.account();
    }
}
