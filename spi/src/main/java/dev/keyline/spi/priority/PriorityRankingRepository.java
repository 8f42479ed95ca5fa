package dev.keyline.spi.priority;

import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.Segment;
import dev.keyline.spi.AggregateRepository;

import java.util.List;
import java.util.Optional;

/**
 * The recorded customer-priority rankings, one per period and segment, with their entries. A
 * ranking is only ever inserted (version 0): saving a ranking whose id is stored fails with
 * {@code AlreadyExistsException}, and saving a loaded ranking (version above 0) fails with
 * {@code InvalidStateException}, so the history cannot be rewritten. Every method needs a
 * transaction of the provider.
 */
public interface PriorityRankingRepository extends AggregateRepository<PriorityRanking, PriorityRankingId> {

    /**
     * The history of a segment.
     *
     * @param segment the segment
     * @return its rankings, earliest period first
     */
    List<PriorityRanking> history(Segment segment);

    /**
     * The ranking of a segment's latest period.
     *
     * @param segment the segment
     * @return the ranking, or empty when the segment was never ranked
     */
    Optional<PriorityRanking> latest(Segment segment);
}
