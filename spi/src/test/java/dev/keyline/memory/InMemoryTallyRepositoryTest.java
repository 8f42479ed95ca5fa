package dev.keyline.memory;

import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.InMemoryTallyArea;
import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallyRepository;
import dev.keyline.tck.fixture.TallySnapshot;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory repository base, over the fixture aggregate installed as a test area, passes the
 * repository compatibility kit.
 */
class InMemoryTallyRepositoryTest extends AggregateRepositoryContract<Tally, TallyId, TallySnapshot> {

    private final AtomicInteger ids = new AtomicInteger();

    @Override
    protected StorageProvider newStorage() {
        return InMemoryStorage.builder().area(new InMemoryTallyArea()).build();
    }

    @Override
    protected AggregateRepository<Tally, TallyId> repository(StorageProvider storage) {
        return storage.port(TallyRepository.class);
    }

    @Override
    protected TallyId newId() {
        return new TallyId("tally-" + ids.incrementAndGet());
    }

    @Override
    protected Tally newAggregate(TallyId id) {
        return Tally.open(id, "visits");
    }

    @Override
    protected void change(Tally aggregate) {
        aggregate.advance(1, TestClock.DEFAULT_START);
    }

    @Override
    protected TallySnapshot snapshot(Tally aggregate) {
        return aggregate.snapshot();
    }

    @Override
    protected Tally restore(TallySnapshot snapshot) {
        return Tally.restore(snapshot);
    }

    @Override
    protected TallySnapshot corrupt(TallySnapshot valid) {
        return new TallySnapshot(valid.id(), valid.version(), valid.label(), -1);
    }
}
