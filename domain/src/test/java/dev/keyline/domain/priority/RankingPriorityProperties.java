package dev.keyline.domain.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The ranking's promises on random populations: it is a total order (ranks 1 to n, scores never
 * rising, equal scores by account id), it does not depend on the order the results come in, and it
 * is monotone in each weighted measure (raising one account's revenue, profit or defined growth
 * while its weight is positive never lowers that account's rank, the others unchanged). A recorded
 * ranking holds exactly that ranking, restores equal and announces the order. A ranking takes no
 * command after it is recorded, so there are no command sequences to run on it.
 */
class RankingPriorityProperties {

    /** One account's measures before it is made a result; small ranges so that ties are frequent. */
    record Measures(int account, int revenue, int profit, int growth) {
    }

    static final Gen<Measures> MEASURES = integers().between(0, 11).zip(integers().between(-5, 40),
            integers().between(-20, 20), integers().between(-4, 6), Measures::new);

    /** Populations of one to nine accounts, each account once; growth -4 stands for undefined. */
    static final Gen<List<AccountResult>> POPULATIONS = lists().of(MEASURES).ofSizeBetween(1, 9).map(ms -> {
        Map<Integer, AccountResult> byAccount = new LinkedHashMap<>();
        for (Measures m : ms) {
            byAccount.putIfAbsent(m.account(), result(m.account(), m.revenue(), m.profit(),
                    m.growth() == -4 ? Optional.empty() : Optional.of(BigDecimal.valueOf(m.growth(), 1))));
        }
        return List.copyOf(byAccount.values());
    });

    /** Weights 0 to 3 each, at least one positive. */
    static final Gen<RankingWeights> WEIGHTS = integers().between(0, 3).zip(integers().between(0, 3),
            integers().between(0, 3), (r, p, g) -> r + p + g == 0 ? RankingWeights.EQUAL
                    : new RankingWeights(BigDecimal.valueOf(r), BigDecimal.valueOf(p), BigDecimal.valueOf(g)));

    static AccountResult result(int account, long revenue, long profit, Optional<BigDecimal> growth) {
        return new AccountResult(new AccountId("KA-" + account), Industry.FINANCE, List.of(new ProductCode("DDN")),
                Money.cny(BigDecimal.valueOf(revenue)), Money.cny(BigDecimal.valueOf(profit)), growth);
    }

    @Test
    void the_ranking_is_a_total_order_by_score_then_account_id() {
        qt().forAll(POPULATIONS, WEIGHTS).checkAssert((population, weights) -> {
            List<RankedAccount> ranked = Ranking.rank(population, weights);
            assertThat(ranked).hasSize(population.size());
            assertThat(ranked).extracting(RankedAccount::account)
                    .containsExactlyInAnyOrderElementsOf(population.stream().map(AccountResult::account).toList());
            for (int i = 0; i < ranked.size(); i++) {
                assertThat(ranked.get(i).rank()).isEqualTo(i + 1);
                if (i > 0) {
                    RankedAccount before = ranked.get(i - 1);
                    RankedAccount after = ranked.get(i);
                    int byScore = before.score().compareTo(after.score());
                    assertThat(byScore).as("scores never rise down the ranking").isGreaterThanOrEqualTo(0);
                    if (byScore == 0) {
                        assertThat(before.account().value()).as("equal scores go by account id")
                                .isLessThan(after.account().value());
                    }
                }
            }
        });
    }

    @Test
    void the_ranking_does_not_depend_on_the_order_of_the_results() {
        qt().forAll(POPULATIONS, WEIGHTS, longs().all()).checkAssert((population, weights, seed) -> {
            List<AccountResult> shuffled = new ArrayList<>(population);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(Ranking.rank(shuffled, weights)).isEqualTo(Ranking.rank(population, weights));
        });
    }

    @Test
    void raising_revenue_with_a_positive_weight_never_lowers_the_rank() {
        checkMonotone(w -> new RankingWeights(w.revenue().max(BigDecimal.ONE), w.profit(), w.growth()),
                (r, delta) -> result(r, r.revenue().amount().longValue() + delta, r.profit().amount().longValue(), r.growth()));
    }

    @Test
    void raising_profit_with_a_positive_weight_never_lowers_the_rank() {
        checkMonotone(w -> new RankingWeights(w.revenue(), w.profit().max(BigDecimal.ONE), w.growth()),
                (r, delta) -> result(r, r.revenue().amount().longValue(), r.profit().amount().longValue() + delta, r.growth()));
    }

    @Test
    void raising_a_defined_growth_with_a_positive_weight_never_lowers_the_rank() {
        checkMonotone(w -> new RankingWeights(w.revenue(), w.profit(), w.growth().max(BigDecimal.ONE)),
                (r, delta) -> result(r, r.revenue().amount().longValue(), r.profit().amount().longValue(),
                        r.growth().map(g -> g.add(BigDecimal.valueOf(delta, 1)))));
    }

    @Test
    void a_recorded_ranking_holds_the_ranking_restores_equal_and_announces_the_order() {
        qt().forAll(POPULATIONS, WEIGHTS).checkAssert((population, weights) -> {
            PriorityRanking recorded = PriorityRanking.record(dev.keyline.domain.common.Period.quarter(2026, 1), Segment.all(),
                    weights, GrowthBasis.SAME_PERIOD_LAST_YEAR, population, java.time.Instant.parse("2026-04-01T00:00:00Z"));
            assertThat(recorded.entries()).isEqualTo(Ranking.rank(population, weights));
            assertThat(PriorityRanking.restore(recorded.snapshot()).snapshot()).isEqualTo(recorded.snapshot());
            assertThat(recorded.pendingEvents()).singleElement().isInstanceOfSatisfying(PriorityRankingRecorded.class,
                    e -> assertThat(e.accounts()).isEqualTo(recorded.entries().stream().map(RankedAccount::account).toList()));
        });
    }

    interface Raise {
        AccountResult apply(AccountResult result, int delta);
    }

    private static AccountResult result(AccountResult r, long revenue, long profit, Optional<BigDecimal> growth) {
        return new AccountResult(r.account(), r.industry(), r.products(), Money.cny(BigDecimal.valueOf(revenue)),
                Money.cny(BigDecimal.valueOf(profit)), growth);
    }

    private static void checkMonotone(UnaryOperator<RankingWeights> positive, Raise raise) {
        qt().forAll(POPULATIONS, WEIGHTS, integers().between(0, 8), integers().between(1, 30))
                .checkAssert((population, weights, pick, delta) -> {
                    RankingWeights w = positive.apply(weights);
                    int index = pick % population.size();
                    AccountId who = population.get(index).account();
                    List<AccountResult> raised = new ArrayList<>(population);
                    raised.set(index, raise.apply(population.get(index), delta));
                    int before = rankOf(Ranking.rank(population, w), who);
                    int after = rankOf(Ranking.rank(raised, w), who);
                    assertThat(after).as("rank of %s after raising it by %d under %s", who, delta, w)
                            .isLessThanOrEqualTo(before);
                });
    }

    private static int rankOf(List<RankedAccount> ranked, AccountId account) {
        return ranked.stream().filter(e -> e.account().equals(account)).findFirst().orElseThrow().rank();
    }
}
