package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.priority.PriorityRankings;
import dev.keyline.spi.priority.AccountResultRepository;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.DeliveryStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The "Concurrency" suite on a real database: for every area of {@link ReliabilityWorkloads}, many
 * threads change the same aggregate at once through the runtime; every committed change is in the
 * stored version (none lost), each raised its events exactly once, and a command that keeps losing
 * is retried a bounded number of times and then fails with a clear
 * {@link ConcurrencyConflictException}, having written nothing.
 */
abstract class ConcurrencyContract {

    private static final int THREADS = 6;
    private static final int CHANGES_PER_THREAD = 8;

    /** A provider on an empty database. */
    abstract JdbcStorage emptyStorage();

    @TestFactory
    Stream<DynamicTest> manyThreadsChangingOneAggregateOfEveryAreaLoseNoUpdate() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(), () -> noUpdateLost(e)));
    }

    @TestFactory
    Stream<DynamicTest> aCommandThatAlwaysLosesIsRetriedABoundedNumberOfTimesThenFailsClearly() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(), () -> boundedRetry(e)));
    }

    @TestFactory
    Stream<DynamicTest> aCommandThatLoadsARivalsLaterChangeTakesItsTimeAfterItAndSucceeds() {
        return ReliabilityWorkloads.ALL.stream().map(e -> DynamicTest.dynamicTest(e.area(), () -> timeAfterRival(e)));
    }

    /**
     * A rival that started after this command (so read a later time) commits a change of the same
     * aggregate before this command loads it: the command must date its change after the rival's,
     * not at the instant it started, and succeed.
     */
    private void timeAfterRival(ReliabilityWorkloads.Entry<?, ?, ?> entry) throws Exception {
        JdbcStorage storage = emptyStorage();
        Keyline keyline = Keyline.builder().storage(storage).areaReactions(false).clock(new SteppingClock()).build();
        keyline.run(ctx -> entry.create(ctx, storage, "rival"));
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        try {
            keyline.run(ctx -> {
                if (runs.incrementAndGet() == 1) {
                    try {
                        other.submit(() -> keyline.run(c -> entry.change(c, storage, "rival", 1000)))
                                .get(1, TimeUnit.MINUTES);
                    } catch (Exception e) {
                        throw new AssertionError("the rival change failed", e);
                    }
                }
                entry.change(ctx, storage, "rival", runs.get());
            });
        } finally {
            other.shutdownNow();
        }
        long version = storage.transactions().execute(() -> entry.storedVersion(storage, "rival").orElseThrow());
        assertThat(version).as("%s: the creation, the rival's change and this one", entry.area()).isEqualTo(3L);
    }

    /**
     * The priority area inserts instead of changing, so it has no {@code Entry} in
     * {@link ReliabilityWorkloads#ALL} (its {@code CreateOnly} line serves the "Crash" and "Outbox" suites):
     * here many threads record the same account results at once (each fact stored once, reported as
     * new to exactly one caller) and then rank the same period and segment at once (one ranking
     * recorded with one event; every other caller gets a clear {@link AlreadyExistsException}).
     */
    @org.junit.jupiter.api.Test
    void manyThreadsRecordingTheSameResultsAndRankingTheSamePeriodStoreEachOnce() throws Exception {
        JdbcStorage storage = emptyStorage();
        Keyline keyline = Keyline.builder().storage(storage).areaReactions(false).clock(new SteppingClock()).build();
        PriorityRankings priority = PriorityRankings.on(keyline);
        Actor finance = Actor.withRoles(new UserId("fin-qian"), Role.FINANCIAL_MANAGER);
        Actor analyst = Actor.withRoles(new UserId("ma-sun"), Role.MARKET_ANALYST);
        Period quarter = Period.quarter(2026, 1);
        List<AccountResultFact> facts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            facts.add(new AccountResultFact(new AccountResultFactId("AR-" + i), new AccountId("KA-" + i), quarter,
                    new ProductCode("DDN"), Industry.FINANCE, Money.cny((1000 + 100 * i) + ".00"),
                    Money.cny((100 + 10 * i) + ".00"), Instant.parse("2026-04-01T00:00:00Z")));
        }
        long eventsBefore = pendingEvents(storage);
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        List<Throwable> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (AccountResultFact fact : facts) {
                        if (priority.recordResult(finance, fact)) {
                            stored.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            CountDownLatch rank = new CountDownLatch(1);
            done.clear();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    rank.await();
                    try {
                        priority.rank(analyst, quarter, Segment.all(), RankingWeights.EQUAL,
                                GrowthBasis.SAME_PERIOD_LAST_YEAR);
                        recorded.incrementAndGet();
                    } catch (RuntimeException e) {
                        refused.add(e);
                    }
                    return null;
                }));
            }
            rank.countDown();
            for (Future<Void> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored).as("each fact reported as new to exactly one caller").hasValue(facts.size());
        assertThat(storage.transactions().execute(() -> storage.port(AccountResultRepository.class).inPeriod(quarter)))
                .as("each fact stored once").hasSize(facts.size());
        assertThat(recorded).as("one ranking of the period and segment").hasValue(1);
        assertThat(refused).hasSize(THREADS - 1)
                .allSatisfy(e -> assertThat(e).isInstanceOf(AlreadyExistsException.class));
        assertThat(priority.find(quarter, Segment.all()).orElseThrow().entries()).hasSize(facts.size());
        assertThat(pendingEvents(storage) - eventsBefore).as("one priority.ranking-recorded").isEqualTo(1);
    }

    /** A clock one second later at every reading, shared by every thread: no two readings agree. */
    private static final class SteppingClock extends Clock {

        private final AtomicLong seconds = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-03-02T01:00:00Z").plusSeconds(seconds.incrementAndGet());
        }
    }

    private void noUpdateLost(ReliabilityWorkloads.Entry<?, ?, ?> entry) throws Exception {
        JdbcStorage storage = emptyStorage();
        // a clock later at every reading: a command reads its time after the loads that precede it, so
        // a rival that read a later time and committed first never makes this one's change "dated
        // before the last change" (see docs/reliability.md)
        Keyline keyline = Keyline.builder().storage(storage).areaReactions(false).clock(new SteppingClock()).build();
        keyline.run(ctx -> entry.create(ctx, storage, "hot"));
        long eventsAfterCreate = pendingEvents(storage);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < CHANGES_PER_THREAD; i++) {
                        int n = next.incrementAndGet();
                        try {
                            keyline.run(ctx -> entry.change(ctx, storage, "hot", n));
                            committed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("%s: a command that gives up says so clearly", entry.area())
                .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrencyConflictException.class));
        assertThat(committed.get() + failures.size()).isEqualTo(THREADS * CHANGES_PER_THREAD);
        assertThat(committed.get()).as("%s: most commands get through within their retries", entry.area()).isPositive();
        long version = storage.transactions().execute(() -> entry.storedVersion(storage, "hot").orElseThrow());
        assertThat(version).as("%s: stored version = creation + every committed change, none lost", entry.area())
                .isEqualTo(1L + committed.get());
        long changeEvents = pendingEvents(storage) - eventsAfterCreate;
        assertThat(changeEvents).as("%s: each committed change raised its events once, no failed one any", entry.area())
                .isGreaterThanOrEqualTo(committed.get())
                .isEqualTo(committed.get() * eventsPerChange(entry));
    }

    /** How many events one change of the entry raises, measured on a fresh aggregate of its own. */
    private long eventsPerChange(ReliabilityWorkloads.Entry<?, ?, ?> entry) {
        JdbcStorage storage = emptyStorage();
        Keyline keyline = Keyline.builder().storage(storage).areaReactions(false).build();
        keyline.run(ctx -> entry.create(ctx, storage, "probe"));
        long before = pendingEvents(storage);
        keyline.run(ctx -> entry.change(ctx, storage, "probe", 1));
        return pendingEvents(storage) - before;
    }

    private <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> void boundedRetry(
            ReliabilityWorkloads.Entry<A, I, R> entry) throws Exception {
        JdbcStorage storage = emptyStorage();
        int retries = 2;
        Keyline keyline = Keyline.builder().storage(storage).areaReactions(false).staleRetries(retries).build();
        keyline.run(ctx -> entry.create(ctx, storage, "contended"));
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger rival = new AtomicInteger(1000);
        try {
            assertThatThrownBy(() -> keyline.run(ctx -> {
                runs.incrementAndGet();
                A loaded = entry.load(storage, "contended");
                try {
                    // another transaction changes and commits the same aggregate between this load and this save
                    other.submit(() -> keyline.run(c -> entry.change(c, storage, "contended", rival.incrementAndGet())))
                            .get(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new AssertionError("the rival change failed", e);
                }
                entry.changeLoaded(ctx, storage, loaded, runs.get());
            }))
                    .isInstanceOf(ConcurrencyConflictException.class)
                    .hasMessageContaining((retries + 1) + " attempts");
        } finally {
            other.shutdownNow();
        }
        assertThat(runs).as("%s: the first run and %d retries, no more", entry.area(), retries).hasValue(retries + 1);
        long version = storage.transactions().execute(() -> entry.storedVersion(storage, "contended").orElseThrow());
        assertThat(version).as("%s: only the rival's three changes were stored", entry.area()).isEqualTo(1L + retries + 1);
    }

    private static long pendingEvents(JdbcStorage storage) {
        return storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 100_000)).stream()
                .filter(e -> !e.isTimer()).count();
    }
}
