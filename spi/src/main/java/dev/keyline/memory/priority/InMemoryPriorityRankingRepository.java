package dev.keyline.memory.priority;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.Segment;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.priority.PriorityRankingRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The recorded rankings of an {@link InMemoryStorage}; insert only. */
final class InMemoryPriorityRankingRepository
        extends InMemoryAggregateRepository<PriorityRanking, PriorityRankingId, PriorityRankingSnapshot>
        implements PriorityRankingRepository {

    private static final Comparator<PriorityRankingSnapshot> BY_PERIOD = Comparator.comparing(PriorityRankingSnapshot::period);

    InMemoryPriorityRankingRepository(InMemoryStorage storage) {
        super(storage, "priority ranking", PriorityRankingSnapshot.class, PriorityRanking::snapshot, PriorityRanking::restore);
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
    public List<PriorityRanking> history(Segment segment) {
        Require.nonNull(segment, "segment");
        return table().scan(s -> s.segment().equals(segment)).sorted(BY_PERIOD).map(this::restore).toList();
    }

    @Override
    public Optional<PriorityRanking> latest(Segment segment) {
        Require.nonNull(segment, "segment");
        return table().scan(s -> s.segment().equals(segment)).max(BY_PERIOD).map(this::restore);
    }
}
