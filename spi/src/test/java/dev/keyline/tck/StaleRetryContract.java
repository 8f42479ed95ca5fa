package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.fixture.FixtureEvent;
import dev.keyline.tck.fixture.Tally;
import dev.keyline.tck.fixture.TallyAdvanced;
import dev.keyline.tck.fixture.TallyId;
import dev.keyline.tck.fixture.TallyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's bounded retry of stale commands on a provider: a command that started its own
 * transaction and lost to a concurrent save runs again with freshly loaded aggregates, up to the
 * configured retries, then fails with {@link ConcurrencyConflictException}; no failed attempt
 * writes anything; a joined command, a domain rejection and an insert race are not retried; and
 * many threads changing one aggregate lose no update. The storage must store the TCK's fixture
 * area (the {@link TallyRepository} port).
 *
 * <p>The conflicts are made deterministically: the command, on its first runs, lets another
 * thread save the same tally in a transaction of its own and waits for it to commit before saving
 * its own copy.
 */
public abstract class StaleRetryContract {

    private static final TallyId TALLY = new TallyId("contended");

    /** A fresh, empty storage that stores the fixture tally area. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    private StorageProvider storage;
    private final TestClock clock = TestClock.standard();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createStorage() {
        storage = newStorage();
    }

    @AfterEach
    void discardStorage() {
        other.shutdownNow();
        discard(storage);
    }

    private Keyline keyline(int staleRetries) {
        return Keyline.builder().storage(storage).clock(clock).staleRetries(staleRetries).areaReactions(false).build();
    }

    private TallyRepository tallies() {
        return storage.port(TallyRepository.class);
    }

    private void openTally(Keyline keyline) {
        keyline.run(ctx -> ctx.save(tallies(), Tally.open(TALLY, "visits")));
    }

    private long count() {
        return storage.transactions().execute(() -> tallies().get(TALLY).count());
    }

    /** The amounts of the committed TallyAdvanced events, in outbox order. */
    private List<Long> advancedAmounts(Keyline keyline) {
        return storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 10_000)).stream()
                .filter(e -> e.message().type().equals(TallyAdvanced.TYPE))
                .map(e -> ((TallyAdvanced) keyline.json().readEvent(e.message().type(), e.message().payload())).amount())
                .toList();
    }

    private List<OutboxEntry> fixtureEvents() {
        return storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 10_000)).stream()
                .filter(e -> !e.isTimer() && e.message().type().equals(FixtureEvent.TYPE)).toList();
    }

    /** Saves the tally one ahead in a transaction of another thread, and waits until it committed. */
    private void concurrentSave(Keyline keyline) {
        try {
            other.submit(() -> keyline.run(ctx -> {
                Tally t = tallies().get(TALLY);
                t.advance(100, ctx.now());
                ctx.save(tallies(), t);
            })).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another thread saved the tally", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the concurrent save failed or hung", e);
        }
    }

    /**
     * A command that adds 1 to the tally and publishes an event and a timer on the way; on its
     * first {@code conflicts} runs another transaction saves the tally between its load and its save.
     */
    private Integer addOne(CommandContext ctx, Keyline keyline, AtomicInteger runs, int conflicts) {
        int run = runs.incrementAndGet();
        Tally t = tallies().get(TALLY);
        ctx.publish(FixtureEvent.about("side-" + run, ctx.now(), "run " + run));
        ctx.schedule("tck.retry/" + run, FixtureEvent.about("timer-" + run, ctx.now().plusSeconds(60), "timer " + run));
        if (run <= conflicts) {
            concurrentSave(keyline);
        }
        t.advance(1, ctx.now());
        ctx.save(tallies(), t);
        return run;
    }

    @Test
    void aStaleCommandRunsAgainWithFreshlyLoadedAggregatesUntilItSaves() {
        Keyline keyline = keyline(3);
        openTally(keyline);
        AtomicInteger runs = new AtomicInteger();

        int lastRun = keyline.execute(ctx -> addOne(ctx, keyline, runs, 2));

        assertThat(lastRun).as("two runs lost, the third saved").isEqualTo(3);
        assertThat(count()).as("two concurrent saves of 100 and this command's 1").isEqualTo(201);
        assertThat(advancedAmounts(keyline)).as("only committed changes raised events").containsExactly(100L, 100L, 1L);
        assertThat(fixtureEvents()).as("only the successful run's event").hasSize(1);
        assertThat(fixtureEvents().get(0).message().aggregateId()).isEqualTo("side-3");
        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("tck.retry/1"))).isEmpty();
        assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("tck.retry/3"))).isPresent();
    }

    @Test
    void afterTheLastRetryItFailsWithAClearExceptionAndNoAttemptWroteAnything() {
        Keyline keyline = keyline(2);
        openTally(keyline);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> keyline.execute(ctx -> addOne(ctx, keyline, runs, Integer.MAX_VALUE)))
                .isInstanceOf(ConcurrencyConflictException.class)
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("3 attempts")
                .hasMessageContaining(TALLY.value())
                .hasCauseInstanceOf(StaleVersionException.class)
                .satisfies(e -> assertThat(((ConcurrencyConflictException) e).attempts()).isEqualTo(3));

        assertThat(runs).hasValue(3);
        assertThat(count()).as("only the three concurrent saves").isEqualTo(300);
        assertThat(advancedAmounts(keyline)).containsExactly(100L, 100L, 100L);
        assertThat(fixtureEvents()).as("no failed attempt's event").isEmpty();
        for (int run = 1; run <= 3; run++) {
            String key = "tck.retry/" + run;
            assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer(key))).as(key).isEmpty();
        }
    }

    @Test
    void withNoRetriesTheFirstConflictFails() {
        Keyline keyline = keyline(0);
        openTally(keyline);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> keyline.execute(ctx -> addOne(ctx, keyline, runs, 1)))
                .isInstanceOf(ConcurrencyConflictException.class).hasMessageContaining("1 attempt,");
        assertThat(runs).hasValue(1);
        assertThat(count()).isEqualTo(100);
    }

    @Test
    void aCommandJoiningAnOuterTransactionIsNotRetriedOnItsOwn() {
        Keyline keyline = keyline(3);
        openTally(keyline);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> storage.transactions().execute(() -> keyline.execute(ctx -> addOne(ctx, keyline, runs,
                Integer.MAX_VALUE))))
                .isInstanceOf(StaleVersionException.class)
                .isNotInstanceOf(ConcurrencyConflictException.class);
        assertThat(runs).as("the joined command ran once; the outer work decides").hasValue(1);
        assertThat(count()).isEqualTo(100);
    }

    @Test
    void domainRejectionsAndInsertRacesAreNotRetried() {
        Keyline keyline = keyline(3);
        openTally(keyline);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> keyline.run(ctx -> {
            runs.incrementAndGet();
            Tally t = tallies().get(TALLY);
            t.advance(Tally.LIMIT + 1, ctx.now());
        })).isInstanceOf(LimitExceededException.class);
        assertThat(runs).hasValue(1);

        assertThatThrownBy(() -> keyline.run(ctx -> {
            runs.incrementAndGet();
            ctx.save(tallies(), Tally.open(TALLY, "again"));
        })).isInstanceOf(AlreadyExistsException.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void manyThreadsAddingToOneAggregateLoseNoUpdate() throws Exception {
        Keyline keyline = keyline(Keyline.Builder.DEFAULT_STALE_RETRIES);
        openTally(keyline);
        int threads = 8;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger successes = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int n = 0; n < perThread; n++) {
                        try {
                            keyline.run(ctx -> {
                                Tally t = tallies().get(TALLY);
                                t.advance(1, ctx.now());
                                ctx.save(tallies(), t);
                            });
                            successes.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("a command that gives up says so clearly")
                .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrencyConflictException.class));
        assertThat(successes.get() + failures.size()).isEqualTo(threads * perThread);
        assertThat(count()).as("every successful command's update, and only those").isEqualTo(successes.get());
        assertThat(advancedAmounts(keyline)).as("one event per successful command").hasSize(successes.get());
    }
}
