package dev.keyline.jdbc;

import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallyRepository;
import dev.keyline.tck.fixture.TallySnapshot;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The repository compatibility kit over {@link JdbcAggregateRepository}, with the TCK's fixture
 * aggregate in a test-only table, installed as the test area {@link JdbcTallyArea}.
 */
abstract class JdbcTallyRepositoryContract extends AggregateRepositoryContract<Tally, TallyId, TallySnapshot> {

    private final AtomicInteger ids = new AtomicInteger();

    /** The database to run on. */
    abstract DataSource dataSource();

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(dataSource());
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
