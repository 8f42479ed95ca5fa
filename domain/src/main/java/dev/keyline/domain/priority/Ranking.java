package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks key accounts by a weighted score of revenue, profit and growth (客户优先级排序).
 *
 * <p><b>Normalisation: min-max across the ranked population.</b> Each measure is mapped to [0, 1]:
 * {@code (x − min) / (max − min)}, to {@value #NORMALISED_SCALE} decimals (half-even), where min
 * and max are taken over the accounts ranked. When every account has the same value the measure
 * is 1 for all (it then tells no account apart). Growth is normalised over the accounts whose
 * growth is defined; an account whose growth is undefined scores 0 on growth, as low as the lowest
 * growth. Min-max keeps the distances between accounts (a far larger customer stands far ahead),
 * which a rank percentile would flatten; its weakness, one extreme value squeezing the others,
 * is what the weights and the segments are for.
 *
 * <p><b>Score and order.</b> {@code score = w_revenue × revenue' + w_profit × profit' + w_growth × growth'},
 * exact. Accounts are ranked by score, highest first, and equal scores by account id
 * (lexicographic), so the ranking is a total order and the same whatever order the results come in.
 * Raising one account's measure with a positive weight never lowers its rank: its own normalised
 * value can only rise and the others' can only fall.
 */
public final class Ranking {

    /** The decimals of a normalised measure. */
    public static final int NORMALISED_SCALE = 9;

    private static final BigDecimal ONE = BigDecimal.ONE.setScale(NORMALISED_SCALE);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(NORMALISED_SCALE);

    private Ranking() {
    }

    /**
     * Ranks the results.
     *
     * @param results one result per account, in any order; all in one currency
     * @param weights the weights
     * @return every account with its rank (1 to n, each once) and score, in rank order
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null or holds
     *     null, an account appears twice, or the results mix currencies
     */
    public static List<RankedAccount> rank(List<AccountResult> results, RankingWeights weights) {
        List<AccountResult> all = Require.nonNullElements(results, "results");
        Require.nonNull(weights, "weights");
        Set<AccountId> seen = new HashSet<>();
        for (AccountResult r : all) {
            Require.that(seen.add(r.account()), "results", () -> "name account " + r.account() + " twice");
        }
        if (!all.isEmpty()) {
            for (AccountResult r : all) {
                Require.that(r.revenue().currency().equals(all.get(0).revenue().currency()), "results",
                        () -> "mix currencies: " + r.revenue() + " against " + all.get(0).revenue());
            }
        }
        Function<AccountResult, BigDecimal> revenue = normaliser(all, r -> Optional.of(r.revenue().amount()));
        Function<AccountResult, BigDecimal> profit = normaliser(all, r -> Optional.of(r.profit().amount()));
        Function<AccountResult, BigDecimal> growth = normaliser(all, AccountResult::growth);
        record Scored(AccountResult result, BigDecimal score) {
        }
        List<Scored> scored = new ArrayList<>(all.size());
        for (AccountResult r : all) {
            BigDecimal score = weights.revenue().multiply(revenue.apply(r))
                    .add(weights.profit().multiply(profit.apply(r)))
                    .add(weights.growth().multiply(growth.apply(r)));
            scored.add(new Scored(r, score));
        }
        scored.sort(Comparator.comparing(Scored::score, Comparator.reverseOrder())
                .thenComparing(s -> s.result().account().value()));
        List<RankedAccount> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            ranked.add(new RankedAccount(i + 1, scored.get(i).result(), scored.get(i).score()));
        }
        return List.copyOf(ranked);
    }

    /**
     * The min-max normalisation of one measure over the population: the accounts without a value
     * map to 0.
     */
    private static Function<AccountResult, BigDecimal> normaliser(List<AccountResult> all,
            Function<AccountResult, Optional<BigDecimal>> measure) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (AccountResult r : all) {
            Optional<BigDecimal> v = measure.apply(r);
            if (v.isPresent()) {
                min = min == null || v.get().compareTo(min) < 0 ? v.get() : min;
                max = max == null || v.get().compareTo(max) > 0 ? v.get() : max;
            }
        }
        BigDecimal low = min;
        BigDecimal range = max == null ? null : max.subtract(min);
        return r -> measure.apply(r).map(v -> range.signum() == 0 ? ONE
                : v.subtract(low).divide(range, NORMALISED_SCALE, RoundingMode.HALF_EVEN)).orElse(ZERO);
    }
}
