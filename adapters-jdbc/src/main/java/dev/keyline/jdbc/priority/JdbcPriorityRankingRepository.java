package dev.keyline.jdbc.priority;

import static dev.keyline.jdbc.StoredValues.decimal;
import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.priority.AccountResult;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.RankedAccount;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcAggregateRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.priority.PriorityRankingRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded rankings in {@code keyline_priority_ranking}, their entries in
 * {@code keyline_priority_ranking_entry} (one row per rank) and the entries' products in
 * {@code keyline_priority_ranking_product}. A ranking is only inserted: saving one loaded from
 * storage is refused, and the primary key refuses a second ranking of the same period and segment.
 */
public final class JdbcPriorityRankingRepository extends JdbcAggregateRepository<PriorityRanking, PriorityRankingId>
        implements PriorityRankingRepository {

    private static final String ENTRY = "keyline_priority_ranking_entry";
    private static final String PRODUCT = "keyline_priority_ranking_product";
    private static final String BY_PERIOD = " ORDER BY period_start, period_months";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcPriorityRankingRepository(JdbcSession session) {
        super(session, "priority ranking", "keyline_priority_ranking", "ranking_id");
    }

    @Override
    public void save(PriorityRanking aggregate) {
        Require.nonNull(aggregate, "aggregate");
        if (aggregate.version() != 0) {
            throw new InvalidStateException("priority ranking " + aggregate.id() + " is recorded already and never changes");
        }
        super.save(aggregate);
    }

    @Override
    protected Columns columns(PriorityRanking r) {
        return Columns.create().set("period", r.period().toString()).set("period_start", r.period().firstMonth())
                .set("period_months", r.period().granularity().monthCount()).set("segment", r.segment().key())
                .set("weight_revenue", r.weights().revenue()).set("weight_profit", r.weights().profit())
                .set("weight_growth", r.weights().growth()).set("growth_basis", r.basis()).set("recorded_at", r.recordedAt());
    }

    @Override
    protected void saveChildren(PriorityRanking r, boolean inserted) {
        List<Object[]> entries = new ArrayList<>(r.entries().size());
        List<Object[]> products = new ArrayList<>();
        for (RankedAccount e : r.entries()) {
            AccountResult a = e.result();
            entries.add(new Object[] {r.id(), e.rank(), a.account(), a.industry(), a.revenue().amount(), a.profit().amount(),
                    a.revenue().currency().getCurrencyCode(), a.growth().orElse(null), e.score()});
            for (ProductCode p : a.products()) {
                products.add(new Object[] {r.id(), e.rank(), p});
            }
        }
        if (!entries.isEmpty()) {
            session().batch("INSERT INTO " + ENTRY + " (ranking_id, account_rank, account_id, industry, revenue, profit, "
                    + "currency, growth, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entries);
        }
        if (!products.isEmpty()) {
            session().batch("INSERT INTO " + PRODUCT + " (ranking_id, account_rank, product) VALUES (?, ?, ?)", products);
        }
    }

    @Override
    protected PriorityRanking restore(Row row) {
        PriorityRankingId id = required(row, "ranking_id", PriorityRankingId::new);
        Map<Integer, List<ProductCode>> products = new HashMap<>();
        session().query("SELECT account_rank, product FROM " + PRODUCT + " WHERE ranking_id = ? ORDER BY account_rank, product",
                r -> Map.entry(r.intValue("account_rank"), required(r, "product", ProductCode::new)), id)
                .forEach(e -> products.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<RankedAccount> entries = session().query("SELECT * FROM " + ENTRY + " WHERE ranking_id = ? ORDER BY account_rank",
                r -> stored(() -> "priority ranking " + id + " entry", () -> new RankedAccount(r.intValue("account_rank"),
                        new AccountResult(required(r, "account_id", AccountId::new), requiredEnum(r, "industry", Industry.class),
                                products.getOrDefault(r.intValue("account_rank"), List.of()), money(r, "revenue", "currency"),
                                money(r, "profit", "currency"), Optional.ofNullable(r.bigDecimal("growth"))),
                        decimal(r, "score"))), id);
        return stored(() -> "priority ranking " + id, () -> PriorityRanking.restore(new PriorityRankingSnapshot(id,
                row.longValue("version"), required(row, "period", Period::parse), required(row, "segment", Segment::parse),
                new RankingWeights(decimal(row, "weight_revenue"), decimal(row, "weight_profit"), decimal(row, "weight_growth")),
                requiredEnum(row, "growth_basis", GrowthBasis.class), row.instant("recorded_at"), entries)));
    }

    @Override
    public List<PriorityRanking> history(Segment segment) {
        Require.nonNull(segment, "segment");
        return session().query("SELECT * FROM " + table() + " WHERE segment = ?" + BY_PERIOD, this::restore, segment.key());
    }

    @Override
    public Optional<PriorityRanking> latest(Segment segment) {
        Require.nonNull(segment, "segment");
        return session().queryOne("SELECT * FROM " + table() + " WHERE segment = ? ORDER BY period_start DESC, "
                + "period_months DESC FETCH FIRST 1 ROWS ONLY", this::restore, segment.key());
    }
}
