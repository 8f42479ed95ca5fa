package dev.keyline.memory;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.AggregateRepository;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The base of in-memory area repositories: an {@link AggregateRepository} over an
 * {@link InMemoryTable} of the aggregate's snapshots. A subclass says how to take a snapshot and
 * how to restore one, and adds its area's queries on top of {@link #findAll(Predicate)}.
 *
 * <p>{@link #save(AggregateRoot)} checks the version first (nothing changes when it fails), then
 * marks the aggregate saved at the next version, takes its snapshot (which therefore carries the
 * new version) and writes it. Pending events are left alone; the runtime drains them.
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 * @param <S> its snapshot type, an immutable record that includes the version
 */
public abstract class InMemoryAggregateRepository<A extends AggregateRoot<I>, I extends Identifier, S>
        implements AggregateRepository<A, I> {

    private final InMemoryTable<I, S> table;
    private final String aggregateName;

    /**
     * @param storage the storage whose table holds the snapshots
     * @param aggregateName the short business name of the aggregate, also the table's name
     * @param snapshotType the snapshot record type
     */
    protected InMemoryAggregateRepository(InMemoryStorage storage, String aggregateName, Class<S> snapshotType) {
        Require.nonNull(storage, "storage");
        this.aggregateName = Require.nonBlank(aggregateName, "aggregateName");
        this.table = storage.table(aggregateName, snapshotType);
    }

    /** The aggregate's current state as an immutable snapshot. */
    protected abstract S snapshotOf(A aggregate);

    /** The aggregate restored from a stored snapshot; validates it again. */
    protected abstract A restore(S snapshot);

    /** The table of snapshots, for queries a subclass cannot express with {@link #findAll(Predicate)}. */
    protected final InMemoryTable<I, S> table() {
        return table;
    }

    @Override
    public Optional<A> find(I id) {
        Require.nonNull(id, "id");
        return table.find(id).map(this::restore);
    }

    @Override
    public void save(A aggregate) {
        Require.nonNull(aggregate, "aggregate");
        long expected = aggregate.version();
        table.checkWritable(aggregate.id(), expected);
        aggregate.markSaved(expected + 1);
        table.save(aggregate.id(), expected, snapshotOf(aggregate));
    }

    @Override
    public String aggregateName() {
        return aggregateName;
    }

    /** The aggregates whose snapshots match {@code filter}, freshly restored, in insertion order. */
    protected Stream<A> findAll(Predicate<? super S> filter) {
        return table.scan(filter).map(this::restore);
    }
}
