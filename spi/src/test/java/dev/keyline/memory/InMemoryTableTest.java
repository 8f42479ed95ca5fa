package dev.keyline.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallySnapshot;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic table behind in-memory repositories: what the repository contract does not reach. */
class InMemoryTableTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryTable<TallyId, TallySnapshot> table = storage.table("tally", TallySnapshot.class);
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private static TallySnapshot snap(String id, long version, long count) {
        return new TallySnapshot(new TallyId(id), version, "label", count);
    }

    private void inTx(Runnable work) {
        storage.transactions().run(work);
    }

    @Test
    void theSameNameGivesTheSameTableAndAnotherSnapshotTypeIsRejected() {
        assertThat(storage.<TallyId, TallySnapshot>table("tally", TallySnapshot.class)).isSameAs(table);
        assertThatThrownBy(() -> storage.table("tally", String.class)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("snapshotType").hasMessageContaining("tally");
    }

    @Test
    void scansSeeCommittedRowsOverlaidWithTheTransactionsOwnWritesInInsertionOrder() {
        inTx(() -> {
            table.insert(new TallyId("a"), snap("a", 1, 5));
            table.insert(new TallyId("b"), snap("b", 1, 50));
            table.insert(new TallyId("c"), snap("c", 1, 500));
        });
        inTx(() -> {
            table.update(new TallyId("a"), 1, snap("a", 2, 600));
            table.remove(new TallyId("b"), 1);
            table.insert(new TallyId("d"), snap("d", 1, 7));

            assertThat(table.scan(s -> s.count() > 10)).extracting(s -> s.id().value()).containsExactly("a", "c");
            assertThat(table.count(s -> true)).isEqualTo(3);
            assertThat(table.version(new TallyId("a"))).hasValue(2);
            assertThat(table.find(new TallyId("b"))).isEmpty();
        });
        inTx(() -> assertThat(table.rows()).extracting(r -> r.snapshot().id().value() + "@" + r.version())
                .containsExactly("a@2", "c@1", "d@1"));
    }

    @Test
    void writesCheckTheVersionAndWriteNothingWhenItIsWrong() {
        TallyId a = new TallyId("a");
        inTx(() -> table.insert(a, snap("a", 1, 5)));

        assertThatThrownBy(() -> inTx(() -> table.insert(a, snap("a", 1, 6)))).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> inTx(() -> table.update(a, 2, snap("a", 3, 6)))).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("version 1");
        assertThatThrownBy(() -> inTx(() -> table.update(new TallyId("zz"), 1, snap("zz", 2, 6))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTx(() -> table.remove(a, 3))).isInstanceOf(StaleVersionException.class);

        inTx(() -> assertThat(table.find(a)).contains(snap("a", 1, 5)));
    }

    @Test
    void severalWritesOfOneRowInATransactionCommitTogether() {
        TallyId a = new TallyId("a");
        inTx(() -> {
            table.insert(a, snap("a", 1, 1));
            table.update(a, 1, snap("a", 2, 2));
            table.update(a, 2, snap("a", 3, 3));
        });
        inTx(() -> assertThat(table.findRow(a)).contains(new InMemoryTable.Row<>(snap("a", 3, 3), 3)));
    }

    @Test
    void twoTransactionsInsertingTheSameKeyConflictAtCommit() throws Exception {
        TallyId a = new TallyId("a");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        Future<?> first = other.submit(() -> inTx(() -> {
            table.insert(a, snap("a", 1, 1));
            inserted.countDown();
            await(mayCommit);
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> inTx(() -> {
            table.insert(a, snap("a", 1, 2));
            mayCommit.countDown();
            try {
                first.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        })).isInstanceOf(AlreadyExistsException.class);

        inTx(() -> assertThat(table.find(a)).contains(snap("a", 1, 1)));
    }

    @Test
    void aFailedCommitWritesNothingOfTheTransactionAnywhere() throws Exception {
        TallyId a = new TallyId("a");
        TallyId b = new TallyId("b");
        inTx(() -> table.insert(a, snap("a", 1, 1)));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        Future<?> loser = other.submit(() -> inTx(() -> {
            table.insert(b, snap("b", 1, 1));
            table.update(a, 1, snap("a", 2, 9));
            read.countDown();
            await(mayCommit);
        }));
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
        inTx(() -> table.update(a, 1, snap("a", 2, 2)));
        mayCommit.countDown();

        assertThatThrownBy(() -> loser.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleVersionException.class);
        inTx(() -> {
            assertThat(table.find(b)).as("the loser's other write").isEmpty();
            assertThat(table.find(a)).contains(snap("a", 2, 2));
        });
    }

    @Test
    void everyOperationRequiresATransaction() {
        TallyId a = new TallyId("a");
        assertThatThrownBy(() -> table.find(a)).isInstanceOf(InvalidStateException.class).hasMessageContaining("transaction");
        assertThatThrownBy(() -> table.insert(a, snap("a", 1, 1))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> table.scan(s -> true)).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> table.remove(a, 1)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void aSnapshotOfAnotherTypeIsRejected() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        InMemoryTable<TallyId, Object> raw = (InMemoryTable) table;
        assertThatThrownBy(() -> inTx(() -> raw.insert(new TallyId("a"), List.of())))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("snapshot");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction did not proceed");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
