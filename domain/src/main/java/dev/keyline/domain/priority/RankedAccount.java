package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;

/**
 * One key account's (大客户) place in a ranking: its rank, its result and how it scored.
 *
 * @param rank the position, 1 first
 * @param result the account's result in the period and segment
 * @param score the weighted score the rank follows, non-negative
 */
public record RankedAccount(int rank, AccountResult result, BigDecimal score) {

    /**
     * The most decimals a score has: a normalised measure has {@link Ranking#NORMALISED_SCALE} (9)
     * and a weight six.
     */
    public static final int SCORE_SCALE = 15;

    /**
     * The most digits a score has: three weights of at most 10^6 times measures of at most 1 give
     * at most seven digits before the point; 25 leaves room.
     */
    public static final int SCORE_PRECISION = 25;

    /**
     * Validates the entry.
     *
     * @param rank the position, 1 first
     * @param result the account's result in the period and segment
     * @param score the weighted score the rank follows, non-negative
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null, the rank is below 1 or the score negative
     */
    public RankedAccount {
        Require.that(rank >= 1, "rank", () -> "must be at least 1, was " + rank);
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
