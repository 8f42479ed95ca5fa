package dev.keyline.domain.priority;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;

import java.time.Instant;
import java.util.List;

/**
 * The stored state of a {@link PriorityRanking}.
 *
 * @param id the id, {@link PriorityRankingId#of(Period, Segment)}
 * @param version the stored version
 * @param period the period ranked
 * @param segment the segment
 * @param weights the weights the scores were computed with
 * @param basis what growth was measured against
 * @param recordedAt when the ranking was recorded
 * @param entries the accounts in rank order
 */
public record PriorityRankingSnapshot(PriorityRankingId id, long version, Period period, Segment segment,
        RankingWeights weights, GrowthBasis basis, Instant recordedAt, List<RankedAccount> entries) {

    /**
     * Validates and copies the snapshot.
     *
     * @param id the id, {@link PriorityRankingId#of(Period, Segment)}
     * @param version the stored version
     * @param period the period ranked
     * @param segment the segment
     * @param weights the weights the scores were computed with
     * @param basis what growth was measured against
     * @param recordedAt when the ranking was recorded
     * @param entries the accounts in rank order
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or holds null, or the version is negative
     */
    public PriorityRankingSnapshot {
        Require.nonNull(id, "id");
        Require.nonNegative(version, "version");
        Require.nonNull(period, "period");
        Require.nonNull(segment, "segment");
        Require.nonNull(weights, "weights");
        Require.nonNull(basis, "basis");
        Require.nonNull(recordedAt, "recordedAt");
        entries = Require.nonNullElements(entries, "entries");
    }
}
