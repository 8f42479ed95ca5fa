package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of one aggregate's repository, generic over the aggregate. Each area's
 * repository contract extends it (adding tests of its own queries), and each provider runs that
 * by extending it in a few lines:
 *
 * <pre>{@code
 * class JdbcKeyAccountRepositoryTest extends AggregateRepositoryContract<KeyAccount, AccountId, KeyAccountSnapshot> {
 *     protected StorageProvider newStorage() { ... }
 *     protected AggregateRepository<KeyAccount, AccountId> repository(StorageProvider s) { ... }
 *     protected AccountId newId() { ... }
 *     protected KeyAccount newAggregate(AccountId id) { ... }
 *     protected void change(KeyAccount a) { ... }
 *     protected KeyAccountSnapshot snapshot(KeyAccount a) { return a.snapshot(); }
 *     protected KeyAccount restore(KeyAccountSnapshot s) { return KeyAccount.restore(s); }
 *     protected KeyAccountSnapshot corrupt(KeyAccountSnapshot s) { ... }
 * }
 * }</pre>
 *
 * <p>Group {@link VersionConflicts}: round trips, optimistic version checks, duplicate inserts,
 * racing updates, rollback, the transaction requirement and validation on restore.
 *
 * @param <A> the aggregate type
 * @param <I> its identifier type
 * @param <S> its snapshot type (a record with value equality, including the version)
 */
public abstract class AggregateRepositoryContract<A extends AggregateRoot<I>, I extends Identifier, S> {

    /** The storage of the current test, fresh from {@link #newStorage()}. */
    protected StorageProvider storage;

    /** The repository under test, over {@link #storage}. */
    protected AggregateRepository<A, I> repository;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** The repository under test over {@code storage}. */
    protected abstract AggregateRepository<A, I> repository(StorageProvider storage);

    /** An id not used before in this test. */
    protected abstract I newId();

    /** A new, valid aggregate with this id, never saved (version 0). */
    protected abstract A newAggregate(I id);

    /** Applies a valid command that changes the aggregate's state (so its snapshot differs afterwards). */
    protected abstract void change(A aggregate);

    /** The aggregate's snapshot. */
    protected abstract S snapshot(A aggregate);

    /** The aggregate's static {@code restore(snapshot)}. */
    protected abstract A restore(S snapshot);

    /** A copy of a valid snapshot that violates an invariant, so {@link #restore(Object)} must reject it. */
    protected abstract S corrupt(S valid);

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @BeforeEach
    void createRepository() {
        storage = newStorage();
        repository = repository(storage);
    }

    @AfterEach
    void discardStorage() {
        discard(storage);
    }

    /** {@code work} in a transaction of the storage. */
    protected <T> T inTransaction(java.util.function.Supplier<T> work) {
        return storage.transactions().execute(work::get);
    }

    /** Saves {@code aggregate} in a transaction of its own. */
    protected void saveInTransaction(A aggregate) {
        storage.transactions().run(() -> repository.save(aggregate));
    }

    /** The stored aggregate with this id, loaded in a transaction of its own. */
    protected A load(I id) {
        return inTransaction(() -> repository.get(id));
    }

    /** Saving, loading and version checks. */
    @Nested
    class VersionConflicts {

        @Test
        void anInsertedAggregateIsFoundWithAnEqualSnapshotAtVersionOne() {
            A aggregate = newAggregate(newId());
            saveInTransaction(aggregate);

            assertThat(aggregate.version()).isEqualTo(1);
            A found = load(aggregate.id());
            assertThat(found.version()).isEqualTo(1);
            assertThat(snapshot(found)).isEqualTo(snapshot(aggregate));
        }

        @Test
        void anUnknownIdIsNotFound() {
            I id = newId();
            assertThat(inTransaction(() -> repository.find(id))).isEmpty();
            assertThatThrownBy(() -> load(id)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(id.value()).hasMessageContaining(repository.aggregateName());
        }

        @Test
        void anUpdateAtTheStoredVersionSucceedsAndRoundTrips() {
            A aggregate = newAggregate(newId());
            saveInTransaction(aggregate);
            A loaded = load(aggregate.id());
            change(loaded);
            S changed = snapshot(loaded);
            saveInTransaction(loaded);

            assertThat(loaded.version()).isEqualTo(2);
            A reloaded = load(aggregate.id());
            assertThat(reloaded.version()).isEqualTo(2);
            assertThat(snapshot(reloaded)).isEqualTo(snapshot(loaded));
            assertThat(snapshot(reloaded)).isNotEqualTo(changed).as("only the version differs from before the save");
        }

        @Test
        void aStaleSaveFailsAndLeavesTheStoredStateAndTheAggregateUnchanged() {
            A aggregate = newAggregate(newId());
            saveInTransaction(aggregate);
            A first = load(aggregate.id());
            A second = load(aggregate.id());
            change(first);
            saveInTransaction(first);
            change(second);
            S secondBefore = snapshot(second);
            List<DomainEvent> eventsBefore = second.pendingEvents();

            assertThatThrownBy(() -> saveInTransaction(second)).isInstanceOf(StaleVersionException.class)
                    .hasMessageContaining(aggregate.id().value());

            assertThat(snapshot(load(aggregate.id()))).isEqualTo(snapshot(first));
            assertThat(snapshot(second)).as("the rejected aggregate").isEqualTo(secondBefore);
            assertThat(second.pendingEvents()).isEqualTo(eventsBefore);
        }

        @Test
        void aDuplicateInsertFailsWithAlreadyExistsAndChangesNothing() {
            I id = newId();
            A original = newAggregate(id);
            saveInTransaction(original);
            A duplicate = newAggregate(id);
            change(duplicate);

            assertThatThrownBy(() -> saveInTransaction(duplicate)).isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining(id.value());

            assertThat(snapshot(load(id))).isEqualTo(snapshot(original));
            assertThat(duplicate.version()).isZero();
        }

        @Test
        void twoThreadsRacingToUpdateTheSameVersionExactlyOneWins() throws Exception {
            for (int round = 0; round < 5; round++) {
                A aggregate = newAggregate(newId());
                saveInTransaction(aggregate);
                CyclicBarrier bothLoaded = new CyclicBarrier(2);
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    List<Future<A>> racers = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        racers.add(threads.submit(() -> storage.transactions().execute(() -> {
                            A mine = repository.get(aggregate.id());
                            try {
                                bothLoaded.await(StorageProviderContract.WAIT_SECONDS, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new AssertionError("the other racer did not load", e);
                            }
                            change(mine);
                            repository.save(mine);
                            return mine;
                        })));
                    }
                    List<A> winners = new ArrayList<>();
                    List<Throwable> losers = new ArrayList<>();
                    for (Future<A> racer : racers) {
                        try {
                            winners.add(racer.get(StorageProviderContract.WAIT_SECONDS, TimeUnit.SECONDS));
                        } catch (ExecutionException e) {
                            losers.add(e.getCause());
                        } catch (TimeoutException e) {
                            throw new AssertionError("a racer hangs; the storage may be dead-locked", e);
                        }
                    }
                    assertThat(winners).hasSize(1);
                    assertThat(losers).singleElement().isInstanceOf(StaleVersionException.class);
                    A stored = load(aggregate.id());
                    assertThat(stored.version()).isEqualTo(2);
                    assertThat(snapshot(stored)).isEqualTo(snapshot(winners.get(0)));
                } finally {
                    threads.shutdownNow();
                }
            }
        }

        @Test
        void aSaveInARolledBackTransactionLeavesNothing() {
            A aggregate = newAggregate(newId());
            IllegalStateException boom = new IllegalStateException("planted failure");

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                repository.save(aggregate);
                throw boom;
            })).isSameAs(boom);

            assertThat(inTransaction(() -> repository.find(aggregate.id()))).isEmpty();
        }

        @Test
        void theRepositoryOutsideATransactionIsRejected() {
            A aggregate = newAggregate(newId());
            assertThatThrownBy(() -> repository.save(aggregate)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> repository.find(aggregate.id())).isInstanceOf(InvalidStateException.class);
            assertThat(aggregate.version()).isZero();
        }

        @Test
        void savingLeavesThePendingEventsToTheRuntime() {
            A aggregate = newAggregate(newId());
            change(aggregate);
            List<DomainEvent> pending = aggregate.pendingEvents();

            saveInTransaction(aggregate);

            assertThat(aggregate.pendingEvents()).isEqualTo(pending);
        }

        @Test
        void restoreRoundTripsAValidSnapshotAndRejectsACorruptOne() {
            A aggregate = newAggregate(newId());
            change(aggregate);
            S valid = snapshot(aggregate);

            assertThat(snapshot(restore(valid))).isEqualTo(valid);
            S corrupt = corrupt(valid);
            assertThat(corrupt).isNotEqualTo(valid);
            assertThatThrownBy(() -> restore(corrupt)).isInstanceOf(CorruptStateException.class);
        }
    }
}
