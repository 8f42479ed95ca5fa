package dev.keyline.domain.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Results summed from facts, growth, segments, the worked ranking and the recorded aggregate. */
class PriorityRankingTest {

    static final Period Q1 = Period.quarter(2026, 1);
    static final Period Q1_LAST_YEAR = Period.quarter(2025, 1);
    static final Instant AT = Instant.parse("2026-04-02T08:00:00Z");
    static final ProductCode DDN = new ProductCode("DDN");
    static final ProductCode LAN = new ProductCode("LAN");

    static AccountResultFact fact(String id, String account, Period period, ProductCode product, Industry industry,
            String revenue, String profit) {
        return new AccountResultFact(new AccountResultFactId(id), new AccountId(account), period, product, industry,
                Money.cny(new BigDecimal(revenue)), Money.cny(new BigDecimal(profit)), AT);
    }

    static final List<AccountResultFact> NOW = List.of(
            fact("f1", "KA-1", Q1, DDN, Industry.FINANCE, "1000", "300"),
            fact("f2", "KA-1", Q1, LAN, Industry.FINANCE, "200", "50"),
            fact("f3", "KA-2", Q1, DDN, Industry.TOURISM, "900", "400"),
            fact("f4", "KA-3", Q1, LAN, Industry.FINANCE, "100", "-20"));
    static final List<AccountResultFact> BEFORE = List.of(
            fact("e1", "KA-1", Q1_LAST_YEAR, DDN, Industry.FINANCE, "800", "200"),
            fact("e2", "KA-2", Q1_LAST_YEAR, DDN, Industry.TOURISM, "1000", "300"),
            fact("e3", "KA-3", Q1_LAST_YEAR, LAN, Industry.FINANCE, "0", "0"));

    @Test
    void results_sum_an_accounts_facts_and_measure_growth_against_the_base() {
        List<AccountResult> results = AccountResult.summarise(NOW, BEFORE, Segment.all());
        assertThat(results).extracting(r -> r.account().value()).containsExactly("KA-1", "KA-2", "KA-3");
        AccountResult ka1 = results.get(0);
        assertThat(ka1.revenue()).isEqualTo(Money.cny(new BigDecimal("1200")));
        assertThat(ka1.profit()).isEqualTo(Money.cny(new BigDecimal("350")));
        assertThat(ka1.products()).containsExactly(DDN, LAN);
        assertThat(ka1.growth()).contains(new BigDecimal("0.500000"));
        assertThat(results.get(1).growth()).contains(new BigDecimal("-0.100000"));
        assertThat(results.get(2).growth()).as("a base revenue of zero gives no growth rate").isEmpty();
        assertThat(AccountResult.summarise(NOW, List.of(), Segment.all())).allMatch(r -> r.growth().isEmpty());
    }

    @Test
    void a_product_segment_counts_only_that_products_figures_and_an_industry_segment_only_its_accounts() {
        List<AccountResult> ddn = AccountResult.summarise(NOW, BEFORE, Segment.product(DDN));
        assertThat(ddn).extracting(r -> r.account().value()).containsExactly("KA-1", "KA-2");
        assertThat(ddn.get(0).revenue()).isEqualTo(Money.cny(new BigDecimal("1000")));
        assertThat(ddn.get(0).growth()).contains(new BigDecimal("0.250000"));
        List<AccountResult> finance = AccountResult.summarise(NOW, BEFORE, Segment.industry(Industry.FINANCE));
        assertThat(finance).extracting(r -> r.account().value()).containsExactly("KA-1", "KA-3");
    }

    @Test
    void the_worked_ranking_normalises_each_measure_min_max_and_weights_it() {
        // revenue 1200, 900, 100 → 1, 0.727272727, 0; profit 350, 400, -20 → 0.880952381, 1, 0;
        // growth 0.5, -0.1, undefined → 1, 0, 0
        List<RankedAccount> ranked = Ranking.rank(AccountResult.summarise(NOW, BEFORE, Segment.all()),
                new RankingWeights(new BigDecimal("2"), BigDecimal.ONE, BigDecimal.ONE));
        assertThat(ranked).extracting(e -> e.account().value()).containsExactly("KA-1", "KA-2", "KA-3");
        assertThat(ranked.get(0).score()).isEqualByComparingTo("3.880952381");
        assertThat(ranked.get(1).score()).isEqualByComparingTo("2.454545454");
        assertThat(ranked.get(2).score()).isEqualByComparingTo("0");
        List<RankedAccount> byProfit = Ranking.rank(AccountResult.summarise(NOW, BEFORE, Segment.all()),
                new RankingWeights(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO));
        assertThat(byProfit).extracting(e -> e.account().value()).containsExactly("KA-2", "KA-1", "KA-3");
    }

    @Test
    void equal_accounts_all_score_one_and_go_by_id() {
        List<AccountResult> same = List.of(RankingPriorityProperties.result(2, 10, 1, Optional.empty()),
                RankingPriorityProperties.result(1, 10, 1, Optional.empty()));
        List<RankedAccount> ranked = Ranking.rank(same, RankingWeights.EQUAL);
        assertThat(ranked).extracting(e -> e.account().value()).containsExactly("KA-1", "KA-2");
        assertThat(ranked.get(0).score()).isEqualByComparingTo("2");
    }

    @Test
    void bad_populations_and_weights_are_refused_by_name() {
        AccountResult one = RankingPriorityProperties.result(1, 10, 1, Optional.empty());
        assertThatThrownBy(() -> Ranking.rank(List.of(one, one), RankingWeights.EQUAL))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("results").hasMessageContaining("twice");
        assertThatThrownBy(() -> new RankingWeights(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("weights").hasMessageContaining("zero");
        assertThatThrownBy(() -> new RankingWeights(BigDecimal.ONE, new BigDecimal("-0.1"), BigDecimal.ZERO))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("profit");
        assertThatThrownBy(() -> new RankingWeights(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.0000001")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("growth");
        assertThatThrownBy(() -> fact("f9", "KA-1", Q1, DDN, Industry.FINANCE, "1", "1").revenue()
                .plus(Money.of(BigDecimal.ONE, java.util.Currency.getInstance("USD"))))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void growth_is_measured_against_the_same_period_a_year_earlier_or_the_previous_period() {
        assertThat(GrowthBasis.SAME_PERIOD_LAST_YEAR.baseOf(Q1)).isEqualTo(Q1_LAST_YEAR);
        assertThat(GrowthBasis.PREVIOUS_PERIOD.baseOf(Q1)).isEqualTo(Period.quarter(2025, 4));
        assertThat(GrowthBasis.SAME_PERIOD_LAST_YEAR.baseOf(Period.parse("2026-03"))).isEqualTo(Period.parse("2025-03"));
    }

    @Test
    void segments_read_back_their_keys() {
        for (Segment s : List.of(Segment.all(), Segment.industry(Industry.FINANCE), Segment.product(DDN))) {
            assertThat(Segment.parse(s.key())).isEqualTo(s);
        }
        assertThatThrownBy(() -> Segment.parse("industry:MINING")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("segment");
        assertThatThrownBy(() -> Segment.parse("region:north")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("segment");
        assertThatThrownBy(() -> new Segment(Segment.Kind.ALL, Optional.of(Industry.FINANCE), Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("industry");
    }

    @Test
    void a_recorded_ranking_raises_its_event_and_restores_equal() {
        PriorityRanking ranking = PriorityRanking.record(Q1, Segment.industry(Industry.FINANCE), RankingWeights.EQUAL,
                GrowthBasis.SAME_PERIOD_LAST_YEAR, AccountResult.summarise(NOW, BEFORE, Segment.industry(Industry.FINANCE)), AT);
        assertThat(ranking.id()).isEqualTo(new PriorityRankingId("2026-Q1.industry:FINANCE"));
        assertThat(ranking.pendingEvents()).singleElement().isInstanceOfSatisfying(PriorityRankingRecorded.class, e -> {
            assertThat(e.type()).isEqualTo("priority.ranking-recorded");
            assertThat(e.accounts()).extracting(AccountId::value).containsExactly("KA-1", "KA-3");
        });
        assertThat(ranking.entryOf(new AccountId("KA-3"))).map(RankedAccount::rank).contains(2);
        assertThat(ranking.entryOf(new AccountId("KA-2"))).isEmpty();
        assertThat(PriorityRanking.restore(ranking.snapshot()).snapshot()).isEqualTo(ranking.snapshot());
    }

    @Test
    void a_stored_ranking_that_contradicts_itself_is_refused_as_corrupt() {
        PriorityRanking ranking = PriorityRanking.record(Q1, Segment.all(), RankingWeights.EQUAL,
                GrowthBasis.SAME_PERIOD_LAST_YEAR, AccountResult.summarise(NOW, BEFORE, Segment.all()), AT);
        PriorityRankingSnapshot s = ranking.snapshot();
        assertThatThrownBy(() -> PriorityRanking.restore(new PriorityRankingSnapshot(s.id(), 1, Period.quarter(2026, 2),
                s.segment(), s.weights(), s.basis(), s.recordedAt(), s.entries()))).isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> PriorityRanking.restore(new PriorityRankingSnapshot(s.id(), 1, s.period(), s.segment(),
                s.weights(), s.basis(), s.recordedAt(), List.of(s.entries().get(1)))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("rank 2 in place 1");
        RankedAccount first = s.entries().get(0);
        RankedAccount second = s.entries().get(1);
        RankedAccount outscoring = new RankedAccount(2, second.result(), first.score().add(BigDecimal.ONE));
        assertThatThrownBy(() -> PriorityRanking.restore(new PriorityRankingSnapshot(s.id(), 1, s.period(), s.segment(),
                s.weights(), s.basis(), s.recordedAt(), List.of(first, outscoring))))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("ranks must follow the scores");
    }
}
