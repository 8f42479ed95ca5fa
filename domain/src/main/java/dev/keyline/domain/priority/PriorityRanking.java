package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The customer-priority ranking of one period and segment (客户优先级), as recorded: the key
 * accounts in rank order with their results and scores, and the weights and growth basis it was
 * computed with. A ranking is recorded once per period and segment and never changes afterwards,
 * so the history of rankings is the history of priorities; a new period gets a new ranking.
 *
 * <p>The ranking itself is computed by {@link Ranking#rank(List, RankingWeights)} from the
 * accounts' {@link AccountResult}s.
 */
public final class PriorityRanking extends AggregateRoot<PriorityRankingId> {

    /** The most accounts one ranking holds. */
    public static final int MAX_ACCOUNTS = 100_000;

    private final Period period;
    private final Segment segment;
    private final RankingWeights weights;
    private final GrowthBasis basis;
    private final Instant recordedAt;
    private final List<RankedAccount> entries;

    private PriorityRanking(PriorityRankingId id, long version, Period period, Segment segment, RankingWeights weights,
            GrowthBasis basis, Instant recordedAt, List<RankedAccount> entries) {
        super(id, version);
        this.period = period;
        this.segment = segment;
        this.weights = weights;
        this.basis = basis;
        this.recordedAt = recordedAt;
        this.entries = entries;
    }

    /**
     * Ranks the results of a period and segment and records the ranking; raises
     * {@code priority.ranking-recorded}.
     *
     * @param period the period ranked
     * @param segment the segment; the results must be summed for it
     * @param weights the weights
     * @param basis what the results' growth was measured against
     * @param results one result per account
     * @param at when it is recorded; kept to the microsecond
     * @return the new ranking (version 0, never saved)
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null, an account
     *     appears twice, the results mix currencies or there are more than {@link #MAX_ACCOUNTS}
     */
    public static PriorityRanking record(Period period, Segment segment, RankingWeights weights, GrowthBasis basis,
            List<AccountResult> results, Instant at) {
        Require.nonNull(period, "period");
        Require.nonNull(segment, "segment");
        Require.nonNull(weights, "weights");
        Require.nonNull(basis, "basis");
        Require.nonNullElements(results, "results");
        Require.that(results.size() <= MAX_ACCOUNTS, "results", () -> "must hold at most " + MAX_ACCOUNTS + " accounts, held "
                + results.size());
        Instant when = Require.nonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        List<RankedAccount> entries = Ranking.rank(results, weights);
        PriorityRankingId id = PriorityRankingId.of(period, segment);
        PriorityRanking ranking = new PriorityRanking(id, 0, period, segment, weights, basis, when, entries);
        ranking.record(new PriorityRankingRecorded(EventId.random(), when, id, period, segment.key(),
                entries.stream().map(RankedAccount::account).toList()));
        return ranking;
    }

    /**
     * The period ranked.
     *
     * @return the period
     */
    public Period period() {
        return period;
    }

    /**
     * The segment ranked.
     *
     * @return the segment
     */
    public Segment segment() {
        return segment;
    }

    /**
     * The weights the scores were computed with.
     *
     * @return the weights
     */
    public RankingWeights weights() {
        return weights;
    }

    /**
     * What growth was measured against.
     *
     * @return the basis
     */
    public GrowthBasis basis() {
        return basis;
    }

    /**
     * When the ranking was recorded.
     *
     * @return the instant
     */
    public Instant recordedAt() {
        return recordedAt;
    }

    /**
     * The accounts in rank order.
     *
     * @return the entries, first rank first
     */
    public List<RankedAccount> entries() {
        return entries;
    }

    /**
     * An account's place.
     *
     * @param account the account
     * @return its entry, or empty when it is not ranked here
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code account} is null
     */
    public Optional<RankedAccount> entryOf(AccountId account) {
        Require.nonNull(account, "account");
        return entries.stream().filter(e -> e.account().equals(account)).findFirst();
    }

    /**
     * The stored state.
     *
     * @return the snapshot
     */
    public PriorityRankingSnapshot snapshot() {
        return new PriorityRankingSnapshot(id(), version(), period, segment, weights, basis, recordedAt, entries);
    }

    /**
     * Rebuilds a ranking from its stored state.
     *
     * @param snapshot the stored state
     * @return the ranking
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException when the id does not match the period and segment, the ranks
     *     are not 1 to n in order, or they do not follow the scores (highest first, equal scores by
     *     account id)
     */
    public static PriorityRanking restore(PriorityRankingSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        if (!snapshot.id().equals(PriorityRankingId.of(snapshot.period(), snapshot.segment()))) {
            throw new CorruptStateException("priority ranking " + snapshot.id() + " is stored for period "
                    + snapshot.period() + " and segment " + snapshot.segment());
        }
        for (int i = 0; i < snapshot.entries().size(); i++) {
            if (snapshot.entries().get(i).rank() != i + 1) {
                throw new CorruptStateException("priority ranking " + snapshot.id() + " holds rank "
                        + snapshot.entries().get(i).rank() + " in place " + (i + 1));
            }
            if (i > 0) {
                RankedAccount above = snapshot.entries().get(i - 1);
                RankedAccount below = snapshot.entries().get(i);
                int order = below.score().compareTo(above.score());
                if (order > 0 || order == 0 && below.account().value().compareTo(above.account().value()) <= 0) {
                    throw new CorruptStateException("priority ranking " + snapshot.id() + " ranks " + below.account()
                            + " (score " + below.score() + ") at " + below.rank() + ", after " + above.account() + " (score "
                            + above.score() + "): ranks must follow the scores, highest first, equal scores by account id");
                }
            }
        }
        return new PriorityRanking(snapshot.id(), snapshot.version(), snapshot.period(), snapshot.segment(),
                snapshot.weights(), snapshot.basis(), snapshot.recordedAt(), snapshot.entries());
    }
}
