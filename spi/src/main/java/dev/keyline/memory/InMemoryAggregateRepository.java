package dev.keyline.memory;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.AggregateRepository;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The in-memory repository of any aggregate: an {@link AggregateRepository} over an
 * {@link InMemoryTable} of the aggregate's snapshots, built from the aggregate's snapshot and
 * restore functions. A plain aggregate needs no class of its own:
 * <pre>{@code
 * AggregateRepository<Note, NoteId> notes =
 *         InMemoryAggregateRepository.of(storage, "note", NoteSnapshot.class, Note::snapshot, Note::restore);
 * }</pre>
 * An area repository with queries extends this class, passing the same two functions, and adds
 * its queries on top of {@link #findAll(Predicate)} and {@link #table()}.
 *
 * <p>{@link #save(AggregateRoot)} checks the version first (nothing changes when it fails), then
 * marks the aggregate saved at the next version, takes its snapshot (which therefore carries the
 * new version) and writes it. Pending events are left alone; the runtime drains them.
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 * @param <S> its snapshot type, an immutable record that includes the version
 */
public class InMemoryAggregateRepository<A extends AggregateRoot<I>, I extends Identifier, S>
        implements AggregateRepository<A, I> {

    private final InMemoryTable<I, S> table;
    private final String aggregateName;
    private final Function<? super A, ? extends S> snapshot;
    private final Function<? super S, ? extends A> restore;

    /**
     * @param storage the storage whose table holds the snapshots
     * @param aggregateName the short business name of the aggregate, also the table's name
     * @param snapshotType the snapshot record type
     * @param snapshot the aggregate's current state as an immutable snapshot, for example {@code Note::snapshot}
     * @param restore the aggregate restored (and validated again) from a stored snapshot, for
     *     example {@code Note::restore}
     */
    protected InMemoryAggregateRepository(InMemoryStorage storage, String aggregateName, Class<S> snapshotType,
            Function<? super A, ? extends S> snapshot, Function<? super S, ? extends A> restore) {
        Require.nonNull(storage, "storage");
        this.aggregateName = Require.nonBlank(aggregateName, "aggregateName");
        this.snapshot = Require.nonNull(snapshot, "snapshot");
        this.restore = Require.nonNull(restore, "restore");
        this.table = storage.table(aggregateName, Require.nonNull(snapshotType, "snapshotType"));
    }

    /**
     * The repository of a plain aggregate, one that needs no queries beyond {@link #find}.
     *
     * @param storage the storage whose table holds the snapshots
     * @param aggregateName the short business name of the aggregate, also the table's name
     * @param snapshotType the snapshot record type
     * @param snapshot the aggregate's current state as an immutable snapshot
     * @param restore the aggregate restored (and validated again) from a stored snapshot
     * @param <A> the aggregate type
     * @param <I> its identifier type
     * @param <S> its snapshot type
     * @return the repository
     */
    public static <A extends AggregateRoot<I>, I extends Identifier, S> InMemoryAggregateRepository<A, I, S> of(
            InMemoryStorage storage, String aggregateName, Class<S> snapshotType,
            Function<? super A, ? extends S> snapshot, Function<? super S, ? extends A> restore) {
        return new InMemoryAggregateRepository<>(storage, aggregateName, snapshotType, snapshot, restore);
    }

    /**
     * The aggregate's current state as an immutable snapshot.
     *
     * @param aggregate the aggregate
     * @return its snapshot
     */
    protected final S snapshotOf(A aggregate) {
        return snapshot.apply(aggregate);
    }

    /**
     * The aggregate restored from a stored snapshot; validates it again.
     *
     * @param stored the snapshot
     * @return the aggregate
     */
    protected final A restore(S stored) {
        return restore.apply(stored);
    }

    /**
     * {@return the table of snapshots, for queries a subclass cannot express with {@link
     * #findAll(Predicate)}}
     */
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

    /**
     * {@return the aggregates whose snapshots match {@code filter}, freshly restored, in insertion
     * order}
     *
     * @param filter the filter
     */
    protected Stream<A> findAll(Predicate<? super S> filter) {
        return table.scan(filter).map(this::restore);
    }
}
