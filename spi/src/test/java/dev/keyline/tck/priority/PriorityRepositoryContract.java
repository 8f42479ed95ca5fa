package dev.keyline.tck.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.priority.AccountResult;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.priority.AccountResultRepository;
import dev.keyline.spi.priority.PriorityRankingRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The priority area's storage ports on a provider: the fact stream is append-only and idempotent
 * by fact id (a conflicting duplicate or a second industry for an account's period is refused and
 * writes nothing), facts read back exactly and in the documented order, and rankings are inserted
 * once, read back equal (products, undefined growth and scores included) and never updated. The
 * ranking interface has no update, so this contract stands in for the aggregate repository
 * contract, whose update cases do not apply.
 */
public abstract class PriorityRepositoryContract {

    static final Period Q1 = Period.quarter(2026, 1);
    static final Period Q1_2025 = Period.quarter(2025, 1);
    static final Instant AT = Instant.parse("2026-04-01T08:00:00.123456Z");

    private StorageProvider storage;
    private AccountResultRepository facts;
    private PriorityRankingRepository rankings;

    /** A fresh, empty storage; called once per test (and once per property example). */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    @BeforeEach
    void open() {
        storage = newStorage();
        facts = storage.port(AccountResultRepository.class);
        rankings = storage.port(PriorityRankingRepository.class);
    }

    @AfterEach
    void close() {
        discard(storage);
    }

    private <T> T tx(Supplier<T> work) {
        return storage.transactions().execute(work::get);
    }

    static AccountResultFact fact(String id, String account, Period period, String product, Industry industry,
            long revenue, long profit) {
        return new AccountResultFact(new AccountResultFactId(id), new AccountId(account), period, new ProductCode(product),
                industry, Money.cny(BigDecimal.valueOf(revenue, 2)), Money.cny(BigDecimal.valueOf(profit, 2)), AT);
    }

    @Test
    void a_fact_reads_back_exactly_and_the_same_fact_again_stores_nothing() {
        AccountResultFact f = fact("f1", "KA-1", Q1, "DDN", Industry.FINANCE, 123456, -789);
        assertThat(tx(() -> facts.append(f))).isTrue();
        assertThat(tx(() -> facts.append(f))).isFalse();
        assertThat(tx(() -> facts.find(f.id()))).contains(f);
        assertThat(tx(() -> facts.inPeriod(Q1))).containsExactly(f);
        assertThat(tx(() -> facts.inPeriod(Q1_2025))).isEmpty();
        assertThat(tx(() -> facts.find(new AccountResultFactId("none")))).isEmpty();
    }

    @Test
    void a_conflicting_duplicate_or_a_second_industry_is_refused_and_writes_nothing() {
        tx(() -> facts.append(fact("f1", "KA-1", Q1, "DDN", Industry.FINANCE, 100, 10)));
        assertThatThrownBy(() -> tx(() -> facts.append(fact("f1", "KA-1", Q1, "DDN", Industry.FINANCE, 101, 10))))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("f1");
        assertThatThrownBy(() -> tx(() -> facts.append(fact("f2", "KA-1", Q1, "LAN", Industry.TOURISM, 5, 1))))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("TOURISM").hasMessageContaining("FINANCE");
        assertThat(tx(() -> facts.inPeriod(Q1))).extracting(f -> f.id().value()).containsExactly("f1");
        assertThat(tx(() -> facts.append(fact("f3", "KA-1", Q1_2025, "LAN", Industry.TOURISM, 5, 1))))
                .as("another period may name another industry").isTrue();
    }

    @Test
    void facts_come_in_the_documented_order() {
        tx(() -> facts.append(fact("z", "KA-2", Q1, "DDN", Industry.FINANCE, 1, 1)));
        tx(() -> facts.append(fact("b", "KA-1", Q1, "DDN", Industry.FINANCE, 1, 1)));
        tx(() -> facts.append(fact("a", "KA-1", Q1, "LAN", Industry.FINANCE, 1, 1)));
        tx(() -> facts.append(fact("c", "KA-1", Period.parse("2026-01"), "LAN", Industry.FINANCE, 1, 1)));
        assertThat(tx(() -> facts.inPeriod(Q1))).extracting(f -> f.id().value()).containsExactly("a", "b", "z");
        assertThat(tx(() -> facts.ofAccount(new AccountId("KA-1"), Q1))).extracting(f -> f.id().value())
                .containsExactly("a", "b");
        assertThat(tx(() -> facts.inPeriod(Period.parse("2026-01")))).extracting(f -> f.id().value()).containsExactly("c");
    }

    @Test
    void a_ranking_reads_back_equal_and_is_never_recorded_twice_or_changed() {
        List<AccountResultFact> now = List.of(fact("f1", "KA-1", Q1, "DDN", Industry.FINANCE, 900000, 1000),
                fact("f2", "KA-1", Q1, "LAN", Industry.FINANCE, 10000, 1000),
                fact("f3", "KA-2", Q1, "DDN", Industry.TOURISM, 500000, -3000));
        List<AccountResultFact> before = List.of(fact("e1", "KA-1", Q1_2025, "DDN", Industry.FINANCE, 300000, 1));
        PriorityRanking ranking = PriorityRanking.record(Q1, Segment.all(),
                new RankingWeights(new BigDecimal("0.333333"), BigDecimal.ONE, new BigDecimal("2.5")),
                GrowthBasis.SAME_PERIOD_LAST_YEAR, AccountResult.summarise(now, before, Segment.all()), AT);
        tx(() -> {
            rankings.save(ranking);
            return null;
        });
        PriorityRanking loaded = tx(() -> rankings.get(ranking.id()));
        assertThat(ranking.version()).isEqualTo(1);
        assertThat(loaded.snapshot()).isEqualTo(ranking.snapshot());
        assertThat(loaded.entries().get(1).result().growth()).isEmpty();
        assertThat(loaded.entries().get(0).result().products()).extracting(ProductCode::value).containsExactly("DDN", "LAN");

        PriorityRanking again = PriorityRanking.record(Q1, Segment.all(), RankingWeights.EQUAL, GrowthBasis.PREVIOUS_PERIOD,
                AccountResult.summarise(now, List.of(), Segment.all()), AT);
        assertThatThrownBy(() -> tx(() -> {
            rankings.save(again);
            return null;
        })).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> tx(() -> {
            rankings.save(loaded);
            return null;
        })).isInstanceOf(InvalidStateException.class).hasMessageContaining("never changes");
        assertThat(tx(() -> rankings.get(ranking.id())).snapshot()).isEqualTo(loaded.snapshot());
    }

    @Test
    void a_segments_history_runs_by_period_and_the_latest_is_its_last() {
        Segment finance = Segment.industry(Industry.FINANCE);
        for (Period p : List.of(Period.quarter(2026, 2), Period.parse("2026-01"), Q1, Period.year(2025))) {
            PriorityRanking r = PriorityRanking.record(p, finance, RankingWeights.EQUAL, GrowthBasis.PREVIOUS_PERIOD,
                    AccountResult.summarise(List.of(fact("x" + p, "KA-1", p, "DDN", Industry.FINANCE, 1, 1)), List.of(), finance), AT);
            tx(() -> {
                rankings.save(r);
                return null;
            });
        }
        assertThat(tx(() -> rankings.history(finance))).extracting(r -> r.period().toString())
                .containsExactly("2025", "2026-01", "2026-Q1", "2026-Q2");
        assertThat(tx(() -> rankings.latest(finance))).map(r -> r.period().toString()).contains("2026-Q2");
        assertThat(tx(() -> rankings.history(Segment.all()))).isEmpty();
        assertThat(tx(() -> rankings.latest(Segment.all()))).isEmpty();
    }

    /** One random append: which account, period, industry and amount; small ranges so that clashes are frequent. */
    record Append(int id, int account, boolean lastYear, boolean tourism, int revenue) {
    }

    @Test
    void random_fact_streams_keep_what_a_model_keeps_and_rank_the_same_from_storage() {
        qt().withExamples(propertyExamples()).forAll(lists().of(integers().between(0, 9).zip(integers().between(0, 2),
                integers().between(0, 1), integers().between(0, 3), integers().between(-50, 500),
                (id, account, year, industry, revenue) -> new Append(id, account, year == 1, industry == 0, revenue)))
                .ofSizeBetween(1, 20)).checkAssert(appends -> {
                    StorageProvider fresh = newStorage();
                    try {
                        AccountResultRepository repo = fresh.port(AccountResultRepository.class);
                        Map<String, AccountResultFact> model = new LinkedHashMap<>();
                        for (Append a : appends) {
                            AccountResultFact f = fact("f" + a.id(), "KA-" + a.account(), a.lastYear() ? Q1_2025 : Q1, "DDN",
                                    a.tourism() ? Industry.TOURISM : Industry.FINANCE, a.revenue(), a.revenue() / 2);
                            AccountResultFact same = model.get(f.id().value());
                            boolean industryClash = model.values().stream().anyMatch(m -> m.account().equals(f.account())
                                    && m.period().equals(f.period()) && m.industry() != f.industry());
                            boolean expectStored = same == null && !industryClash;
                            boolean expectSame = f.equals(same);
                            try {
                                boolean stored = fresh.transactions().execute(() -> repo.append(f));
                                assertThat(stored).isEqualTo(expectStored);
                                assertThat(expectStored || expectSame).isTrue();
                                if (stored) {
                                    model.put(f.id().value(), f);
                                }
                            } catch (KeylineException e) {
                                assertThat(expectStored || expectSame).as("refused " + f + ": " + e.getMessage()).isFalse();
                            }
                            List<AccountResultFact> all = new ArrayList<>(fresh.transactions().execute(() -> repo.inPeriod(Q1)));
                            all.addAll(fresh.transactions().execute(() -> repo.inPeriod(Q1_2025)));
                            assertThat(all).containsExactlyInAnyOrderElementsOf(model.values());
                        }
                        List<AccountResultFact> modelNow = model.values().stream().filter(f -> f.period().equals(Q1)).toList();
                        List<AccountResultFact> modelBefore = model.values().stream().filter(f -> f.period().equals(Q1_2025)).toList();
                        assertThat(AccountResult.summarise(fresh.transactions().execute(() -> repo.inPeriod(Q1)),
                                fresh.transactions().execute(() -> repo.inPeriod(Q1_2025)), Segment.all()))
                                .isEqualTo(AccountResult.summarise(modelNow, modelBefore, Segment.all()));
                    } finally {
                        discard(fresh);
                    }
                });
    }
}
