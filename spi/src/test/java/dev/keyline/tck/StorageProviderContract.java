package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMark;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.fixture.FixtureEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit every storage provider passes: transactions and the outbox with the
 * runtime's relay on top. A provider's test extends it in a few lines:
 *
 * <pre>{@code
 * class JdbcStorageTest extends StorageProviderContract {
 *     protected StorageProvider newStorage() { return ...fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh storage from {@link #newStorage()} and hands it to
 * {@link #discard(StorageProvider)} afterwards. The groups are {@link Transactions}, {@link Reads},
 * {@link OutboxAndRelay}, {@link RelayLeases}, {@link Reactions} and {@link Timers}; the property of {@link OutboxAndRelay} asks for a fresh storage per
 * example, {@link #propertyExamples()} times. The only state the contract observes is the outbox,
 * so a provider needs no aggregate to run it; repositories have {@link AggregateRepositoryContract}.
 */
public abstract class StorageProviderContract {

    /** A long enough wait for another thread in these tests; only reached when something hangs. */
    protected static final long WAIT_SECONDS = 30;

    /** The storage of the current test, fresh from {@link #newStorage()}. */
    protected StorageProvider storage;

    /** The clock of the current test, at {@link TestClock#DEFAULT_START}. */
    protected TestClock clock;

    /** A fresh, empty storage; called once per test (and once per property example). */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples the outbox property runs; each uses a fresh storage. */
    protected int propertyExamples() {
        return 60;
    }

    @BeforeEach
    void createStorage() {
        clock = TestClock.standard();
        storage = newStorage();
    }

    @AfterEach
    void discardStorage() {
        discard(storage);
    }

    /** A message about {@code aggregateId} occurring now on the test clock. */
    protected OutboxMessage message(String aggregateId) {
        EventId id = EventId.random();
        return new OutboxMessage(id, aggregateId, FixtureEvent.TYPE, clock.instant(),
                Audience.of("about " + aggregateId), "{\"note\":\"" + id + "\"}");
    }

    /** The entry of {@code eventId} as a fresh transaction sees it. */
    protected Optional<OutboxEntry> entry(EventId eventId) {
        return storage.transactions().execute(() -> storage.outbox().find(eventId));
    }

    /**
     * A runtime over the test's storage and clock with the given policy and sinks, and without the
     * areas' reactions, so that only the sinks take deliveries ({@link ReactionContract} tests reactions).
     */
    protected Keyline keyline(RetryPolicy policy, NotificationSink... sinks) {
        return Keyline.builder().storage(storage).clock(clock).retryPolicy(policy).sinks(List.of(sinks))
                .areaReactions(false).build();
    }

    /** A runtime over the test's storage and clock with the default policy. */
    protected Keyline keyline(NotificationSink... sinks) {
        return keyline(RetryPolicy.defaults(), sinks);
    }

    /** Publishes fresh fixture events about the given aggregates in one committed command. */
    protected List<FixtureEvent> publish(Keyline keyline, String... aggregateIds) {
        List<FixtureEvent> events = new ArrayList<>();
        for (String a : aggregateIds) {
            events.add(FixtureEvent.about(a, clock.instant(), "n" + events.size()));
        }
        keyline.run(ctx -> events.forEach(ctx::publish));
        return events;
    }

    /** The claim of {@code message}'s delivery to {@code sink} among {@code claims}. */
    protected static OutboxClaim claim(List<OutboxClaim> claims, OutboxMessage message, String sink) {
        return claims.stream().filter(c -> c.message().eventId().equals(message.eventId()) && c.sink().equals(sink))
                .findFirst().orElseThrow(() -> new AssertionError("no claim of " + message.eventId() + " for " + sink));
    }

    private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("another thread did not finish; the storage may be dead-locked", e);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("another thread did not reach the expected point; the storage may be dead-locked");
        }
    }

    /**
     * Runs {@code check} on this thread while another thread holds {@code m} appended in a
     * transaction it has not committed yet; returns once that transaction has committed.
     */
    private void whileAppendedUncommitted(OutboxMessage m, Runnable check) throws Exception {
        whileHeldOpen(() -> storage.outbox().append(List.of(m)), check);
    }

    /**
     * Runs {@code check} on this thread while another thread's transaction has run {@code work}
     * and not ended yet; returns once that transaction has committed.
     */
    private void whileHeldOpen(Runnable work, Runnable check) throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> done = other.submit(() -> storage.transactions().run(() -> {
                work.run();
                ran.countDown();
                try {
                    await(mayEnd);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
            await(ran);
            check.run();
            mayEnd.countDown();
            await(done);
        } finally {
            mayEnd.countDown();
            other.shutdownNow();
        }
    }

    /** Read-only units of work ({@code Transactions.read}): what they see, what they join, and that they write nothing. */
    @Nested
    class Reads {

        @Test
        void aReadSeesCommittedStateAndReturnsTheWorksResult() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));

            Optional<OutboxEntry> read = storage.transactions().read(() -> {
                assertThat(storage.transactions().isActive()).as("active inside the read").isTrue();
                return storage.outbox().find(m.eventId());
            });

            assertThat(read).map(OutboxEntry::message).contains(m);
            assertThat(storage.transactions().isActive()).as("active after the read").isFalse();
        }

        @Test
        void aFailingReadPropagatesItsExceptionUnchanged() {
            IllegalStateException boom = new IllegalStateException("planted failure");

            assertThatThrownBy(() -> storage.transactions().read(() -> {
                storage.outbox().list(DeliveryStatus.PENDING, 1);
                throw boom;
            })).isSameAs(boom);
            assertThat(storage.transactions().isActive()).isFalse();
        }

        @Test
        void everyOutboxWriteInsideAReadIsRefusedAndWritesNothing() {
            OutboxMessage stored = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(stored)));
            OutboxMessage refused = message("agg-2");
            Instant later = clock.instant().plusSeconds(60);

            storage.transactions().read(() -> {
                assertThatThrownBy(() -> storage.outbox().append(List.of(refused)))
                        .isInstanceOf(InvalidStateException.class).hasMessageContaining("Transactions.read");
                assertThatThrownBy(() -> storage.outbox().schedule(refused, "timer-1"))
                        .isInstanceOf(InvalidStateException.class).hasMessageContaining("Transactions.read");
                assertThatThrownBy(() -> storage.outbox().claimDue(later, Set.of("recorder"), 10, later))
                        .isInstanceOf(InvalidStateException.class).hasMessageContaining("Transactions.read");
                assertThatThrownBy(() -> storage.outbox().recordReceipt("reaction", stored.eventId(), later))
                        .isInstanceOf(InvalidStateException.class).hasMessageContaining("Transactions.read");
                return null;
            });

            assertThat(entry(refused.eventId())).isEmpty();
            OutboxEntry left = entry(stored.eventId()).orElseThrow();
            assertThat(left.status()).as("the entry a refused claim met").isEqualTo(DeliveryStatus.PENDING);
            assertThat(left.deliveries()).isEmpty();
            assertThat(storage.transactions().execute(() -> storage.outbox().hasReceipt("reaction", stored.eventId())))
                    .isFalse();
            assertThat(storage.transactions().execute(() -> storage.outbox().pendingTimer("timer-1"))).isEmpty();
        }

        @Test
        void aCommandRunInsideAReadIsRefusedAndWritesNothing() {
            Keyline keyline = keyline();
            List<FixtureEvent> events = new ArrayList<>();

            assertThatThrownBy(() -> storage.transactions().read(() -> {
                keyline.run(ctx -> {
                    FixtureEvent event = FixtureEvent.about("agg-1", clock.instant(), "n0");
                    events.add(event);
                    ctx.publish(event);
                });
                return null;
            })).isInstanceOf(InvalidStateException.class).hasMessageContaining("Transactions.read");

            assertThat(events).hasSize(1);
            assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 10))).isEmpty();
        }

        @Test
        void aTransactionStartedInsideAReadJoinsItAndCanOnlyRead() {
            OutboxMessage stored = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(stored)));
            OutboxMessage refused = message("agg-2");

            storage.transactions().read(() -> {
                assertThat(storage.transactions().execute(() -> storage.outbox().find(stored.eventId()))).isPresent();
                assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().append(List.of(refused))))
                        .isInstanceOf(InvalidStateException.class).hasMessageContaining("Transactions.read");
                return null;
            });

            assertThat(entry(refused.eventId())).isEmpty();
        }

        @Test
        void aReadInsideATransactionJoinsItAndSeesItsChanges() {
            OutboxMessage m = message("agg-1");

            storage.transactions().run(() -> {
                storage.outbox().append(List.of(m));
                assertThat(storage.transactions().read(() -> storage.outbox().find(m.eventId())))
                        .as("the transaction's own append, seen by the joined read").isPresent();
            });

            assertThat(entry(m.eventId())).isPresent();
        }

        @Test
        void aReadSeesNothingOfAnotherThreadsUncommittedChanges() throws Exception {
            OutboxMessage m = message("agg-1");

            whileAppendedUncommitted(m, () -> assertThat(storage.transactions().read(() -> storage.outbox().find(m.eventId())))
                    .isEmpty());

            assertThat(storage.transactions().read(() -> storage.outbox().find(m.eventId()))).isPresent();
        }
    }

    /** Commit, rollback, joining and isolation of the provider's transactions. */
    @Nested
    class Transactions {

        @Test
        void committedChangesAreVisibleToLaterTransactions() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));

            OutboxEntry e = entry(m.eventId()).orElseThrow();
            assertThat(e.message()).isEqualTo(m);
            assertThat(e.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(m.occurredAt());
            assertThat(e.lastError()).isNull();
            assertThat(e.deliveredAt()).isNull();
        }

        @Test
        void executeReturnsTheWorksResult() {
            assertThat(storage.transactions().execute(() -> "result")).isEqualTo("result");
        }

        @Test
        void aFailingWorkRollsBackAndItsExceptionPropagatesUnchanged() {
            OutboxMessage m = message("agg-1");
            IllegalStateException boom = new IllegalStateException("planted failure");

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                storage.outbox().append(List.of(m));
                throw boom;
            })).isSameAs(boom);

            assertThat(entry(m.eventId())).isEmpty();
        }

        @Test
        void anErrorThrownByTheWorkAlsoRollsBackAndPropagatesUnchanged() {
            OutboxMessage m = message("agg-1");
            AssertionError planted = new AssertionError("planted error");

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                storage.outbox().append(List.of(m));
                throw planted;
            })).isSameAs(planted);

            assertThat(entry(m.eventId())).isEmpty();
        }

        @Test
        void theTransactionIsActiveOnlyInsideTheWorkAndOnlyOnItsThread() throws Exception {
            assertThat(storage.transactions().isActive()).isFalse();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                storage.transactions().run(() -> {
                    assertThat(storage.transactions().isActive()).isTrue();
                    try {
                        assertThat(await(other.submit(() -> storage.transactions().isActive()))).isFalse();
                    } catch (InterruptedException | ExecutionException e) {
                        throw new AssertionError(e);
                    }
                });
            } finally {
                other.shutdownNow();
            }
            assertThat(storage.transactions().isActive()).isFalse();
        }

        @Test
        void aNestedCallJoinsTheOuterTransaction() {
            OutboxMessage outer = message("agg-1");
            OutboxMessage inner = message("agg-2");

            storage.transactions().run(() -> {
                storage.outbox().append(List.of(outer));
                storage.transactions().run(() -> {
                    assertThat(storage.outbox().find(outer.eventId())).as("the outer change, seen by the joined call").isPresent();
                    storage.outbox().append(List.of(inner));
                });
                assertThat(storage.outbox().find(inner.eventId())).as("the inner change, seen by the outer work").isPresent();
            });

            assertThat(entry(outer.eventId())).isPresent();
            assertThat(entry(inner.eventId())).isPresent();
        }

        @Test
        void aFailingNestedCallRollsBackTheWholeTransaction() {
            OutboxMessage outer = message("agg-1");
            OutboxMessage inner = message("agg-2");
            IllegalArgumentException boom = new IllegalArgumentException("planted failure");

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                storage.outbox().append(List.of(outer));
                storage.transactions().run(() -> {
                    storage.outbox().append(List.of(inner));
                    throw boom;
                });
            })).isSameAs(boom);

            assertThat(entry(outer.eventId())).isEmpty();
            assertThat(entry(inner.eventId())).isEmpty();
        }

        @Test
        void aNestedFailureCaughtByTheOuterWorkStillRollsBackEverything() {
            OutboxMessage outer = message("agg-1");
            OutboxMessage inner = message("agg-2");
            OutboxMessage after = message("agg-3");
            IllegalArgumentException boom = new IllegalArgumentException("planted failure");

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                storage.outbox().append(List.of(outer));
                try {
                    storage.transactions().run(() -> {
                        storage.outbox().append(List.of(inner));
                        throw boom;
                    });
                } catch (IllegalArgumentException swallowed) {
                    // the outer work goes on as if nothing happened
                }
                storage.outbox().append(List.of(after));
            })).isInstanceOf(InvalidStateException.class).hasRootCause(boom);

            assertThat(entry(outer.eventId())).isEmpty();
            assertThat(entry(inner.eventId())).isEmpty();
            assertThat(entry(after.eventId())).isEmpty();
        }

        @Test
        void uncommittedChangesAreInvisibleToOtherThreads() throws Exception {
            OutboxMessage m = message("agg-1");

            whileAppendedUncommitted(m, () -> {
                assertThat(entry(m.eventId())).as("an uncommitted append, seen from another thread").isEmpty();
                assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 10)))
                        .isEmpty();
                Instant later = clock.instant().plusSeconds(60);
                List<OutboxClaim> claims = storage.transactions().execute(
                        () -> storage.outbox().claimDue(later, Set.of("recorder"), 10, later));
                assertThat(claims).as("claims must not see uncommitted entries").isEmpty();
            });

            assertThat(entry(m.eventId())).isPresent();
        }

        @Test
        void theOutboxOutsideATransactionIsRejected() {
            OutboxMessage m = message("agg-1");
            Instant now = clock.instant();
            EventId id = m.eventId();
            assertThatThrownBy(() -> storage.outbox().append(List.of(m))).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("transaction");
            assertThatThrownBy(() -> storage.outbox().find(id)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().list(DeliveryStatus.PENDING, 1)).isInstanceOf(InvalidStateException.class);
            OutboxClaim claim = new OutboxClaim(1, m, "recorder", 1, 0, now);
            assertThatThrownBy(() -> storage.outbox().claimDue(now, Set.of("recorder"), 1, now))
                    .isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().renew(claim, now)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().markDelivered(claim, now)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().markFailed(claim, now, "x")).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().markDeadLetter(claim, now, "x")).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().markAll(List.of(OutboxMark.delivered(claim, now))))
                    .isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().requeue(id, "recorder", now)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().deadLetters("recorder", 1)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> storage.outbox().purgeDelivered(now, 1)).isInstanceOf(InvalidStateException.class);
        }

        @Test
        void appendsGetIncreasingSequencesInListAndCommitOrder() {
            OutboxMessage first = message("agg-1");
            OutboxMessage second = message("agg-1");
            OutboxMessage third = message("agg-2");
            storage.transactions().run(() -> storage.outbox().append(List.of(first, second)));
            storage.transactions().run(() -> storage.outbox().append(List.of(third)));

            long s1 = entry(first.eventId()).orElseThrow().sequence();
            long s2 = entry(second.eventId()).orElseThrow().sequence();
            long s3 = entry(third.eventId()).orElseThrow().sequence();
            assertThat(s1).isLessThan(s2);
            assertThat(s2).isLessThan(s3);
        }

        @Test
        void appendingAnEventIdTwiceFailsAndWritesNothingOfTheBatch() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));
            OutboxMessage fresh = message("agg-2");

            assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().append(List.of(fresh, m))))
                    .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(m.eventId().toString());

            assertThat(entry(fresh.eventId())).isEmpty();
            assertThat(entry(m.eventId()).orElseThrow().message()).isEqualTo(m);
        }

        @Test
        void requeueNamesWhatIsWrong() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));
            Instant now = clock.instant();

            assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().requeue(m.eventId(), "recorder", now)))
                    .as("no delivery to that sink yet").isInstanceOf(NotFoundException.class).hasMessageContaining("recorder");
            storage.transactions().execute(() -> storage.outbox().claimDue(now, Set.of("recorder"), 1, now.plusSeconds(60)));
            assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().requeue(m.eventId(), "recorder", now)))
                    .isInstanceOf(InvalidStateException.class).hasMessageContaining("IN_FLIGHT");
            EventId unknown = EventId.random();
            assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().requeue(unknown, "recorder", now)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.toString());
        }

        @Test
        void aClaimGivesEveryOneOfTheRelaysSinksADeliveryAndClaimsEachUnderAToken() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));
            Instant now = clock.instant();
            Instant lease = now.plusSeconds(60);

            List<OutboxClaim> claims = storage.transactions().execute(
                    () -> storage.outbox().claimDue(now, Set.of("b", "a"), 10, lease));

            assertThat(claims).extracting(OutboxClaim::sink).containsExactly("a", "b");
            assertThat(claims).allSatisfy(c -> {
                assertThat(c.token()).isEqualTo(1);
                assertThat(c.attempts()).isZero();
                assertThat(c.leaseUntil()).isEqualTo(lease);
                assertThat(c.message()).isEqualTo(m);
            });
            OutboxEntry entry = entry(m.eventId()).orElseThrow();
            assertThat(entry.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
            assertThat(entry.deliveries()).extracting(SinkDelivery::sink).containsExactly("a", "b");
            assertThat(entry.deliveries()).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
                assertThat(d.nextAttemptAt()).isEqualTo(lease);
                assertThat(d.claim()).isEqualTo(1);
            });
        }

        @Test
        void aClaimWhoseSequenceIsNotItsEventsEntryHoldsNothingAndItsMarksChangeNoEntry() {
            OutboxMessage m1 = message("agg-1");
            OutboxMessage m2 = message("agg-2");
            storage.transactions().run(() -> storage.outbox().append(List.of(m1, m2)));
            Instant t0 = clock.instant();
            List<OutboxClaim> claims = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t0, Set.of("recorder"), 2, t0.plusSeconds(60)));
            assertThat(claims).hasSize(2);
            OutboxClaim first = claims.get(0);
            OutboxClaim second = claims.get(1);
            OutboxEntry firstBefore = entry(m1.eventId()).orElseThrow();
            OutboxEntry secondBefore = entry(m2.eventId()).orElseThrow();
            // the first entry's event under the second entry's sequence, and the other way round
            OutboxClaim crossedEvent = new OutboxClaim(second.sequence(), first.message(), "recorder", first.token(),
                    first.attempts(), first.leaseUntil());
            OutboxClaim crossedSequence = new OutboxClaim(first.sequence(), second.message(), "recorder", second.token(),
                    second.attempts(), second.leaseUntil());

            assertThat(storage.transactions().execute(() -> storage.outbox().markDelivered(crossedEvent, t0))).isFalse();
            assertThat(storage.transactions().execute(() -> storage.outbox().renew(crossedSequence, t0.plusSeconds(600))))
                    .isFalse();
            assertThat(storage.transactions().execute(() -> storage.outbox().markAll(List.of(
                    OutboxMark.delivered(crossedEvent, t0), OutboxMark.failed(crossedSequence, t0.plusSeconds(5), "x")))))
                    .containsExactly(false, false);
            assertThat(entry(m1.eventId())).as("no crossed claim changes the first entry").contains(firstBefore);
            assertThat(entry(m2.eventId())).as("nor the second").contains(secondBefore);

            assertThat(storage.transactions().execute(() -> storage.outbox().markAll(List.of(
                    OutboxMark.delivered(first, t0), OutboxMark.delivered(second, t0))))).containsExactly(true, true);
            assertThat(entry(m1.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(entry(m2.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void aMarkAppliesOnlyWhileItsClaimHoldsAndAStaleOneChangesNothing() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));
            Instant t0 = clock.instant();
            OutboxClaim first = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t0, Set.of("recorder"), 1, t0.plusSeconds(60))).get(0);
            Instant t1 = t0.plusSeconds(61);
            OutboxClaim second = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t1, Set.of("recorder"), 1, t1.plusSeconds(60))).get(0);
            assertThat(second.token()).as("a new claim gets a new token").isGreaterThan(first.token());

            assertThat(storage.transactions().execute(() -> storage.outbox().renew(first, t1.plusSeconds(600)))).isFalse();
            assertThat(storage.transactions().execute(() -> storage.outbox().markFailed(first, t1, "late"))).isFalse();
            assertThat(entry(m.eventId()).orElseThrow().delivery("recorder").orElseThrow())
                    .as("a stale mark and a stale renewal change nothing")
                    .isEqualTo(new SinkDelivery("recorder", DeliveryStatus.IN_FLIGHT, 0, t1.plusSeconds(60), null, null, 2));

            assertThat(storage.transactions().execute(() -> storage.outbox().markDelivered(second, t1))).isTrue();
            SinkDelivery delivered = entry(m.eventId()).orElseThrow().delivery("recorder").orElseThrow();
            assertThat(storage.transactions().execute(() -> storage.outbox().markFailed(first, t1, "late"))).isFalse();
            assertThat(storage.transactions().execute(() -> storage.outbox().markDeadLetter(first, t1, "late"))).isFalse();
            assertThat(storage.transactions().execute(() -> storage.outbox().markDelivered(second, t1)))
                    .as("a claim ends with its mark").isFalse();

            OutboxEntry after = entry(m.eventId()).orElseThrow();
            assertThat(after.status()).as("a DELIVERED entry never goes back").isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(after.delivery("recorder").orElseThrow()).isEqualTo(delivered);
            assertThat(delivered.attempts()).isEqualTo(1);
        }

        @Test
        void aListByStatusHasExactlyTheEntriesOfThatStatusWhateverClaimedOrMarkedThemInSequenceOrder() {
            List<OutboxMessage> messages = java.util.stream.IntStream.range(0, 7).mapToObj(i -> message("agg-" + i)).toList();
            storage.transactions().run(() -> storage.outbox().append(messages));
            Instant t0 = clock.instant();
            // the first six claimed, the seventh left pending; of the six, two delivered, one failed,
            // one given up, two still in flight (one of them past its lease and claimed again)
            List<OutboxClaim> claims = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t0, Set.of("recorder"), 6, t0.plusSeconds(60)));
            assertThat(claims).hasSize(6);
            storage.transactions().run(() -> storage.outbox().markAll(List.of(
                    OutboxMark.delivered(claims.get(0), t0),
                    OutboxMark.failed(claims.get(1), t0.plusSeconds(600), "busy"),
                    OutboxMark.deadLetter(claims.get(2), t0, "gone"),
                    OutboxMark.delivered(claims.get(4), t0))));
            Instant t1 = t0.plusSeconds(61);
            assertThat(storage.transactions().execute(
                    () -> storage.outbox().claimDue(t1, Set.of("recorder"), 2, t1.plusSeconds(60))))
                    .extracting(OutboxClaim::message).containsExactly(messages.get(3), messages.get(5));

            Map<DeliveryStatus, List<OutboxMessage>> expected = Map.of(
                    DeliveryStatus.PENDING, List.of(messages.get(6)),
                    DeliveryStatus.IN_FLIGHT, List.of(messages.get(3), messages.get(5)),
                    DeliveryStatus.FAILED, List.of(messages.get(1)),
                    DeliveryStatus.DELIVERED, List.of(messages.get(0), messages.get(4)),
                    DeliveryStatus.DEAD_LETTER, List.of(messages.get(2)));
            for (DeliveryStatus status : DeliveryStatus.values()) {
                List<OutboxEntry> listed = storage.transactions().execute(() -> storage.outbox().list(status, 10));
                assertThat(listed).as("%s", status).extracting(OutboxEntry::message).containsExactlyElementsOf(
                        expected.get(status));
                assertThat(listed).as("%s", status).allSatisfy(e -> assertThat(e.status()).isEqualTo(status));
                List<OutboxEntry> first = storage.transactions().execute(() -> storage.outbox().list(status, 1));
                assertThat(first).as("%s, the first only", status).extracting(OutboxEntry::message)
                        .containsExactly(expected.get(status).get(0));
            }
        }

        @Test
        void markAllRecordsEveryOutcomeWhoseClaimHoldsAsTheSingleMarksWouldAndLeavesAStaleOneAlone() {
            OutboxMessage first = message("agg-1");
            OutboxMessage second = message("agg-2");
            OutboxMessage third = message("agg-3");
            OutboxMessage untouched = message("agg-4");
            storage.transactions().run(() -> storage.outbox().append(List.of(first, second, third, untouched)));
            Instant t0 = clock.instant();
            List<OutboxClaim> claims = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t0, Set.of("a", "b"), 10, t0.plusSeconds(60)));
            assertThat(claims).hasSize(8);
            Instant t1 = t0.plusSeconds(61);
            OutboxClaim takenOver = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t1, Set.of("a"), 1, t1.plusSeconds(60))).get(0);
            assertThat(takenOver.message()).isEqualTo(first);
            Instant retry = t1.plusSeconds(5);

            List<Boolean> held = storage.transactions().execute(() -> storage.outbox().markAll(List.of(
                    OutboxMark.delivered(claim(claims, first, "a"), t1),
                    OutboxMark.delivered(claim(claims, first, "b"), t1),
                    OutboxMark.failed(claim(claims, second, "a"), retry, "a: busy"),
                    OutboxMark.deadLetter(claim(claims, second, "b"), t1, "b: gone"),
                    OutboxMark.delivered(claim(claims, third, "b"), t1),
                    OutboxMark.delivered(claim(claims, third, "a"), t1))));

            assertThat(held).containsExactly(false, true, true, true, true, true);
            OutboxEntry one = entry(first.eventId()).orElseThrow();
            assertThat(one.delivery("a").orElseThrow()).as("the stale mark changed nothing")
                    .isEqualTo(new SinkDelivery("a", DeliveryStatus.IN_FLIGHT, 0, t1.plusSeconds(60), null, null, 2));
            assertThat(one.delivery("b").orElseThrow())
                    .isEqualTo(new SinkDelivery("b", DeliveryStatus.DELIVERED, 1, t1, null, t1, 1));
            assertThat(one.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
            OutboxEntry two = entry(second.eventId()).orElseThrow();
            assertThat(two.deliveries()).containsExactly(
                    new SinkDelivery("a", DeliveryStatus.FAILED, 1, retry, "a: busy", null, 1),
                    new SinkDelivery("b", DeliveryStatus.DEAD_LETTER, 1, t1, "b: gone", null, 1));
            assertThat(two.status()).isEqualTo(DeliveryStatus.FAILED);
            OutboxEntry three = entry(third.eventId()).orElseThrow();
            assertThat(three.status()).as("both sinks of one entry in one batch").isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(three.deliveredAt()).isEqualTo(t1);
            assertThat(entry(untouched.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
            assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.DELIVERED, 10)))
                    .extracting(e -> e.message().eventId()).containsExactly(third.eventId());

            assertThat(storage.transactions().execute(() -> storage.outbox().markAll(List.of(
                    OutboxMark.delivered(claim(claims, third, "a"), t1), OutboxMark.delivered(takenOver, t1)))))
                    .as("a claim ends with its mark; the claim that took over still holds").containsExactly(false, true);
            assertThat(entry(first.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(storage.transactions().execute(() -> storage.outbox().markAll(List.of()))).isEmpty();
        }

        @Test
        void markAllRejectsTwoMarksOfOneDeliveryAndChangesNothing() {
            OutboxMessage m = message("agg-1");
            storage.transactions().run(() -> storage.outbox().append(List.of(m)));
            Instant t0 = clock.instant();
            List<OutboxClaim> claims = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t0, Set.of("a", "b"), 10, t0.plusSeconds(60)));
            OutboxEntry before = entry(m.eventId()).orElseThrow();
            List<OutboxMark> twice = List.of(OutboxMark.delivered(claims.get(1), t0), OutboxMark.delivered(claims.get(0), t0),
                    OutboxMark.failed(claims.get(0), t0.plusSeconds(1), "a: busy"));

            assertThatThrownBy(() -> storage.transactions().execute(() -> storage.outbox().markAll(twice)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("marks")
                    .hasMessageContaining(m.eventId().toString()).hasMessageContaining("'a'");
            List<OutboxMark> withNull = new ArrayList<>();
            withNull.add(OutboxMark.delivered(claims.get(0), t0));
            withNull.add(null);
            assertThatThrownBy(() -> storage.transactions().execute(() -> storage.outbox().markAll(withNull)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("marks");
            assertThat(entry(m.eventId()).orElseThrow()).isEqualTo(before);
        }

        @Test
        void purgeDeletesOnlyEntriesEverySinkAcceptedBeforeTheCutOff() {
            OutboxMessage done = message("agg-1");
            OutboxMessage failing = message("agg-2");
            OutboxMessage dead = message("agg-3");
            OutboxMessage fresh = message("agg-4");
            storage.transactions().run(() -> storage.outbox().append(List.of(done, failing, dead, fresh)));
            Instant t0 = clock.instant();
            List<OutboxClaim> claims = storage.transactions().execute(
                    () -> storage.outbox().claimDue(t0, Set.of("a", "b"), 10, t0.plusSeconds(60)));
            storage.transactions().run(() -> {
                for (OutboxClaim c : claims) {
                    EventId id = c.message().eventId();
                    if (id.equals(done.eventId()) || c.sink().equals("a")) {
                        storage.outbox().markDelivered(c, t0);
                    } else if (id.equals(failing.eventId())) {
                        storage.outbox().markFailed(c, t0.plusSeconds(5), "b: busy");
                    } else if (id.equals(dead.eventId())) {
                        storage.outbox().markDeadLetter(c, t0, "b: gone");
                    }
                }
            });
            assertThat(storage.transactions().execute(() -> storage.outbox().purgeDelivered(t0, 100)))
                    .as("nothing delivered before the cut-off").isZero();

            Instant later = t0.plusSeconds(3600);
            assertThat(storage.transactions().execute(() -> storage.outbox().purgeDelivered(later, 100))).isEqualTo(1);

            assertThat(entry(done.eventId())).isEmpty();
            assertThat(entry(failing.eventId())).as("sink b has not received it").isPresent();
            assertThat(entry(dead.eventId())).as("a dead letter stays until it is replayed").isPresent();
            assertThat(entry(fresh.eventId())).as("b's delivery is still in flight").isPresent();
            assertThat(storage.transactions().execute(() -> storage.outbox().purgeDelivered(later, 100))).isZero();
        }
    }

    /** Delivery of committed events through the relay: at least once, in order per aggregate, with retries and dead letters. */
    @Nested
    class OutboxAndRelay {

        private final RecordingSink sink = new RecordingSink("recorder");

        @Test
        void committedEventsAreDeliveredExactlyOnceToAWellBehavedSinkWithStableIds() {
            Keyline keyline = keyline(sink);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-2", "agg-1");

            RelayReport report = keyline.relay().pumpUntilIdle(10);
            assertThat(keyline.relay().pumpUntilIdle(10).attempted()).as("a second run finds nothing").isZero();

            assertThat(report).isEqualTo(new RelayReport(3, 0, 0));
            assertThat(sink.acceptedIds()).containsExactlyInAnyOrderElementsOf(events.stream().map(FixtureEvent::eventId).toList());
            for (FixtureEvent e : events) {
                var n = sink.accepted().stream().filter(x -> x.eventId().equals(e.eventId())).findFirst().orElseThrow();
                assertThat(n.attempt()).isEqualTo(1);
                assertThat(n.type()).isEqualTo(FixtureEvent.TYPE);
                assertThat(n.aggregateId()).isEqualTo(e.aggregateId());
                assertThat(n.occurredAt()).isEqualTo(e.occurredAt());
                assertThat(n.audience()).isEqualTo(e.audience());
                assertThat(keyline.json().readEvent(n.type(), n.payload())).isEqualTo(e);
                OutboxEntry stored = entry(e.eventId()).orElseThrow();
                assertThat(stored.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(stored.attempts()).isEqualTo(1);
                assertThat(stored.deliveredAt()).isEqualTo(clock.instant());
            }
        }

        @Test
        void everySinkReceivesEveryEvent() {
            RecordingSink second = new RecordingSink("second");
            Keyline keyline = keyline(sink, second);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-2");

            keyline.relay().pumpUntilIdle(10);

            List<EventId> ids = events.stream().map(FixtureEvent::eventId).toList();
            assertThat(sink.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(second.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids);
        }

        @Test
        void anEntryIsNotDeliveredUntilEverySinkAcceptedIt() {
            RecordingSink second = new RecordingSink("second").failNext(1, n -> new IOException("connection reset"));
            Keyline keyline = keyline(sink, second);
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(1, 1, 0));
            assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(entry(e.eventId()).orElseThrow().delivery("recorder").orElseThrow().status())
                    .isEqualTo(DeliveryStatus.DELIVERED);
            clock.advance(Duration.ofSeconds(1));
            assertThat(keyline.relay().pumpOnce()).as("only the failed sink is retried").isEqualTo(new RelayReport(1, 0, 0));

            assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(second.acceptedIds()).containsExactly(e.eventId());
            assertThat(sink.offeredIds()).as("the sink that accepted is not offered the event again").containsExactly(e.eventId());
        }

        @Test
        void eventsOfARolledBackCommandAreNeverDelivered() {
            Keyline keyline = keyline(sink);
            FixtureEvent e = FixtureEvent.about("agg-1", clock.instant(), "doomed");
            IllegalStateException boom = new IllegalStateException("command failed");

            assertThatThrownBy(() -> keyline.run(ctx -> {
                ctx.publish(e);
                throw boom;
            })).isSameAs(boom);
            clock.advance(Duration.ofHours(1));
            keyline.relay().pumpUntilIdle(10);

            assertThat(sink.offered()).isEmpty();
            assertThat(entry(e.eventId())).isEmpty();
        }

        @Test
        void aThrowingSinkNeverLosesAnEventAndIsRetriedWithBackoffFromTheClock() {
            sink.failWith(n -> new IllegalStateException("receiver down"));
            Keyline keyline = keyline(sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);
            Instant start = clock.instant();

            assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(0, 1, 0));
            OutboxEntry afterFirst = entry(e.eventId()).orElseThrow();
            assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(afterFirst.attempts()).isEqualTo(1);
            assertThat(afterFirst.nextAttemptAt()).isEqualTo(start.plusSeconds(1));
            assertThat(afterFirst.lastError()).contains("recorder").contains("receiver down");
            assertThat(keyline.relay().pumpOnce().attempted()).as("not due before its backoff ends").isZero();

            clock.advance(Duration.ofSeconds(1));
            keyline.relay().pumpOnce();
            assertThat(entry(e.eventId()).orElseThrow().nextAttemptAt()).isEqualTo(start.plusSeconds(1 + 2));
            clock.advance(Duration.ofSeconds(2));
            keyline.relay().pumpOnce();
            OutboxEntry afterThird = entry(e.eventId()).orElseThrow();
            assertThat(afterThird.attempts()).isEqualTo(3);
            assertThat(afterThird.nextAttemptAt()).isEqualTo(start.plusSeconds(1 + 2 + 4));

            sink.recover();
            clock.advance(Duration.ofSeconds(4));
            assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(1, 0, 0));
            OutboxEntry delivered = entry(e.eventId()).orElseThrow();
            assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(4);
            assertThat(sink.offered()).extracting(n -> n.attempt()).containsExactly(1, 2, 3, 4);
            assertThat(sink.acceptedIds()).containsExactly(e.eventId());
        }

        @Test
        void checkedExceptionsAndErrorsFromASinkNeverMarkAnEventDelivered() {
            List<Throwable> failures = List.of(new IOException("io"), new AssertionError("assertion"),
                    new NoClassDefFoundError("missing"), new RuntimeException((String) null));
            Keyline keyline = keyline(sink);
            for (Throwable failure : failures) {
                sink.failNext(1, n -> failure);
                FixtureEvent e = publish(keyline, "agg-" + failures.indexOf(failure)).get(0);

                keyline.relay().pumpOnce();

                OutboxEntry stored = entry(e.eventId()).orElseThrow();
                assertThat(stored.status()).as("after %s", failure).isEqualTo(DeliveryStatus.FAILED);
                assertThat(stored.lastError()).startsWith("recorder: ");
                clock.advance(Duration.ofSeconds(1));
                keyline.relay().pumpOnce();
                assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
            }
            assertThat(sink.accepted()).hasSize(failures.size());
        }

        @Test
        void anEntryIsDeadLetteredAfterMaxAttemptsWithTheSinkAndTheReason() {
            sink.failWith(n -> new RetryableDeliveryException("HTTP 503 from receiver", null, null));
            Keyline keyline = keyline(RetryPolicy.defaults().withMaxAttempts(3), sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            RelayReport total = RelayReport.NOTHING;
            for (int i = 0; i < 5; i++) {
                total = total.plus(keyline.relay().pumpOnce());
                clock.advance(Duration.ofMinutes(10));
            }

            assertThat(total).isEqualTo(new RelayReport(0, 2, 1));
            OutboxEntry dead = entry(e.eventId()).orElseThrow();
            assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(dead.lastError()).contains("recorder").contains("HTTP 503 from receiver");
            assertThat(sink.offered()).hasSize(3);
            assertThat(keyline.relay().deadLetters(10)).extracting(x -> x.message().eventId()).containsExactly(e.eventId());
        }

        @Test
        void aPermanentFailureDeadLettersAtOnce() {
            sink.failWith(n -> new PermanentDeliveryException("HTTP 410 Gone"));
            Keyline keyline = keyline(sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(0, 0, 1));

            OutboxEntry dead = entry(e.eventId()).orElseThrow();
            assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
            assertThat(dead.attempts()).isEqualTo(1);
            assertThat(dead.lastError()).contains("recorder").contains("HTTP 410 Gone");
            clock.advance(Duration.ofDays(1));
            assertThat(keyline.relay().pumpUntilIdle(5).attempted()).isZero();
        }

        @Test
        void aRetryAfterHintIsHonouredWhenLongerThanTheBackoff() {
            sink.failNext(1, n -> new RetryableDeliveryException("HTTP 429", Duration.ofMinutes(5), null));
            Keyline keyline = keyline(sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);
            Instant start = clock.instant();

            keyline.relay().pumpOnce();
            assertThat(entry(e.eventId()).orElseThrow().nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(5)));

            clock.advance(Duration.ofMinutes(5).minusSeconds(1));
            assertThat(keyline.relay().pumpOnce().attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);
        }

        @Test
        void aRetryAfterHintShorterThanTheBackoffDoesNotShortenIt() {
            sink.failNext(1, n -> new RetryableDeliveryException("HTTP 503", Duration.ofMillis(10), null));
            Keyline keyline = keyline(RetryPolicy.defaults().withInitialBackoff(Duration.ofSeconds(30)), sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            keyline.relay().pumpOnce();

            assertThat(entry(e.eventId()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        }

        @Test
        void orderPerAggregateIsKeptWhenAnEarlierEventIsRetried() {
            Keyline keyline = keyline(sink);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-1", "agg-1");
            EventId first = events.get(0).eventId();
            sink.failNext(1, n -> n.eventId().equals(first) ? new IllegalStateException("first fails once") : null);

            keyline.relay().pumpUntilIdle(10);
            assertThat(sink.acceptedIds()).as("nothing overtakes the failed first event").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            keyline.relay().pumpUntilIdle(10);

            assertThat(sink.acceptedIds()).containsExactlyElementsOf(events.stream().map(FixtureEvent::eventId).toList());
        }

        @Test
        void independentAggregatesDoNotBlockEachOther() {
            sink.failWith(n -> n.aggregateId().equals("stuck") ? new IllegalStateException("stuck receiver") : null);
            Keyline keyline = keyline(sink);
            List<FixtureEvent> events = publish(keyline, "stuck", "free", "stuck", "free");

            keyline.relay().pumpUntilIdle(10);

            assertThat(sink.acceptedIds()).containsExactly(events.get(1).eventId(), events.get(3).eventId());
            assertThat(entry(events.get(0).eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(entry(events.get(2).eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        }

        @Test
        void aBatchClaimsAtMostTheBatchSize() {
            Keyline keyline = keyline(RetryPolicy.defaults().withBatchSize(2), sink);
            publish(keyline, "a", "b", "c", "d", "e");

            assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(2);
            assertThat(keyline.relay().pumpUntilIdle(10).delivered()).isEqualTo(3);
        }

        @Test
        void anExpiredLeaseIsReclaimedAfterARelayDiedMidDelivery() {
            Keyline keyline = keyline(sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);
            Instant now = clock.instant();
            Instant leaseEnd = now.plus(keyline.retryPolicy().lease());
            List<OutboxClaim> claimedByTheDeadRelay = storage.transactions().execute(
                    () -> storage.outbox().claimDue(now, Set.of(sink.name()), 10, leaseEnd));
            assertThat(claimedByTheDeadRelay).extracting(x -> x.message().eventId()).containsExactly(e.eventId());
            assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);

            clock.advance(keyline.retryPolicy().lease().minusSeconds(1));
            assertThat(keyline.relay().pumpOnce().attempted()).as("still leased").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);

            assertThat(sink.acceptedIds()).containsExactly(e.eventId());
            assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void twoConcurrentClaimsNeverTakeTheSameEntry() throws Exception {
            Keyline keyline = keyline(sink);
            publish(keyline, "a", "b", "c", "d");
            Instant now = clock.instant();
            AtomicReference<List<OutboxClaim>> first = new AtomicReference<>();
            AtomicReference<List<OutboxClaim>> second = new AtomicReference<>();

            whileHeldOpen(() -> first.set(storage.outbox().claimDue(now, Set.of("recorder"), 2, now.plusSeconds(60))),
                    () -> second.set(storage.transactions().execute(
                            () -> storage.outbox().claimDue(now, Set.of("recorder"), 10, now.plusSeconds(60)))));

            assertThat(first.get()).hasSize(2);
            assertThat(second.get()).hasSize(2);
            assertThat(second.get()).extracting(x -> x.message().eventId())
                    .doesNotContainAnyElementsOf(first.get().stream().map(x -> x.message().eventId()).toList());
        }

        @Test
        void aDeadLetterCanBeRequeuedAndIsThenDelivered() {
            sink.failNext(1, n -> new PermanentDeliveryException("HTTP 404 while the receiver was misconfigured"));
            Keyline keyline = keyline(sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);
            keyline.relay().pumpOnce();
            assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD_LETTER);

            clock.advance(Duration.ofHours(2));
            keyline.relay().requeue(e.eventId());
            OutboxEntry requeued = entry(e.eventId()).orElseThrow();
            assertThat(requeued.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(requeued.nextAttemptAt()).isEqualTo(clock.instant());
            assertThat(requeued.attempts()).isEqualTo(1);
            keyline.relay().pumpOnce();

            OutboxEntry delivered = entry(e.eventId()).orElseThrow();
            assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(sink.acceptedIds()).containsExactly(e.eventId());
            assertThat(keyline.relay().deadLetters(10)).isEmpty();
        }

        @Test
        void aDeadLetterDoesNotBlockLaterEventsOfItsAggregate() {
            Keyline keyline = keyline(sink);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-1");
            EventId first = events.get(0).eventId();
            sink.failNext(1, n -> n.eventId().equals(first) ? new PermanentDeliveryException("rejected") : null);

            keyline.relay().pumpUntilIdle(10);

            assertThat(entry(first).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
            assertThat(sink.acceptedIds()).containsExactly(events.get(1).eventId());
        }

        @Test
        void withoutSinksOrReactionsNothingIsClaimedAndEventsWait() {
            Keyline keyline = keyline();
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            assertThat(keyline.relay().pumpUntilIdle(5).attempted()).isZero();

            assertThat(entry(e.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        }

        @Test
        void aRetryAfterHintIsCappedAtOneHourByDefault() {
            sink.failNext(1, n -> new RetryableDeliveryException("HTTP 503", Duration.ofDays(30), null));
            Keyline keyline = keyline(sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            keyline.relay().pumpOnce();

            assertThat(keyline.retryPolicy().maxRetryAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(entry(e.eventId()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
            clock.advance(Duration.ofHours(1));
            assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);
        }

        @Test
        void theRetryAfterCapIsConfigurable() {
            sink.failNext(1, n -> new RetryableDeliveryException("HTTP 429", Duration.ofHours(2), null));
            Keyline keyline = keyline(RetryPolicy.defaults().withMaxRetryAfter(Duration.ofMinutes(5)), sink);
            FixtureEvent e = publish(keyline, "agg-1").get(0);

            keyline.relay().pumpOnce();

            assertThat(entry(e.eventId()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        }

        @Test
        void aBrokenSinkDelaysOnlyItselfAndItsDeadLettersHoldEveryEvent() {
            RecordingSink second = new RecordingSink("second");
            RecordingSink broken = new RecordingSink("broken")
                    .failWith(n -> new RetryableDeliveryException("HTTP 503 from the pager", null, null));
            Keyline keyline = keyline(RetryPolicy.defaults().withMaxAttempts(3), sink, broken, second);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-2", "agg-1", "agg-1", "agg-2");
            List<EventId> ids = events.stream().map(FixtureEvent::eventId).toList();

            keyline.relay().pumpUntilIdle(10);

            assertThat(sink.acceptedIds()).as("on time: without any clock move").containsExactlyInAnyOrderElementsOf(ids);
            assertThat(second.acceptedIds()).as("on time: without any clock move").containsExactlyInAnyOrderElementsOf(ids);
            for (RecordingSink healthy : List.of(sink, second)) {
                assertThat(healthy.acceptedIds()).as("order per aggregate for %s", healthy.name())
                        .filteredOn(id -> aggregateOf(events, id).equals("agg-1"))
                        .containsExactly(ids.get(0), ids.get(2), ids.get(3));
            }
            assertThat(broken.offeredIds()).as("the broken sink gets each aggregate's first event only")
                    .containsExactly(ids.get(0), ids.get(1));

            for (int round = 0; round < 30; round++) {
                clock.advance(Duration.ofMinutes(1));
                keyline.relay().pumpUntilIdle(10);
            }

            assertThat(keyline.relay().deadLetters("broken", 100)).extracting(x -> x.message().eventId())
                    .containsExactlyElementsOf(ids);
            assertThat(keyline.relay().deadLetters(sink.name(), 100)).isEmpty();
            assertThat(keyline.relay().deadLetters("second", 100)).isEmpty();
            for (EventId id : ids) {
                OutboxEntry stored = entry(id).orElseThrow();
                assertThat(stored.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
                SinkDelivery dead = stored.delivery("broken").orElseThrow();
                assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
                assertThat(dead.attempts()).isEqualTo(3);
                assertThat(dead.lastError()).startsWith("broken: ").contains("HTTP 503 from the pager");
                for (String healthy : List.of(sink.name(), "second")) {
                    assertThat(stored.delivery(healthy).orElseThrow())
                            .extracting(SinkDelivery::status, SinkDelivery::attempts).containsExactly(DeliveryStatus.DELIVERED, 1);
                }
            }
            List<EventId> brokenOrder = broken.offeredIds().stream().distinct().toList();
            assertThat(brokenOrder).as("the broken sink, too, was offered each aggregate in order")
                    .filteredOn(id -> aggregateOf(events, id).equals("agg-1")).containsExactly(ids.get(0), ids.get(2), ids.get(3));
            assertThat(sink.offered()).as("healthy sinks are never offered an event twice").hasSize(ids.size());
        }

        @Test
        void aSinksDeadLettersCanBeReplayedWithoutTouchingTheOtherSinks() {
            RecordingSink broken = new RecordingSink("broken").failWith(n -> new PermanentDeliveryException("HTTP 404"));
            Keyline keyline = keyline(sink, broken);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-1", "agg-2");
            List<EventId> ids = events.stream().map(FixtureEvent::eventId).toList();
            keyline.relay().pumpUntilIdle(10);
            assertThat(keyline.relay().deadLetters("broken", 10)).extracting(x -> x.message().eventId())
                    .containsExactlyElementsOf(ids);

            broken.recover();
            assertThat(keyline.relay().replayDeadLetters("broken", 10)).isEqualTo(3);
            assertThat(entry(ids.get(0)).orElseThrow().delivery("broken").orElseThrow().status())
                    .isEqualTo(DeliveryStatus.PENDING);
            keyline.relay().pumpUntilIdle(10);

            assertThat(keyline.relay().deadLetters("broken", 10)).isEmpty();
            assertThat(broken.acceptedIds()).filteredOn(id -> !id.equals(ids.get(2))).containsExactly(ids.get(0), ids.get(1));
            assertThat(broken.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(sink.offeredIds()).as("the healthy sink is not offered the replay").hasSize(3);
            assertThat(ids).allSatisfy(id -> assertThat(entry(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED));
            assertThatThrownBy(() -> keyline.relay().requeue(ids.get(0), "broken")).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("DELIVERED");
        }

        @Test
        void theRelayPurgesWhatEverySinkAcceptedAndKeepsTheRest() {
            RecordingSink flaky = new RecordingSink("flaky");
            Keyline keyline = keyline(sink, flaky);
            List<FixtureEvent> events = publish(keyline, "agg-1", "agg-2");
            flaky.failWith(n -> n.eventId().equals(events.get(1).eventId()) ? new IllegalStateException("busy") : null);
            keyline.relay().pumpUntilIdle(10);
            clock.advance(Duration.ofDays(8));

            assertThat(keyline.relay().purgeDelivered(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);

            assertThat(entry(events.get(0).eventId())).isEmpty();
            assertThat(entry(events.get(1).eventId())).as("flaky has not received it").isPresent();
            flaky.recover();
            assertThat(keyline.relay().pumpUntilIdle(10).delivered()).isEqualTo(1);
            assertThat(flaky.acceptedIds()).containsExactly(events.get(0).eventId(), events.get(1).eventId());
        }

        @Test
        void randomInterleavingsLoseNothingSendNothingRolledBackAndKeepOrderPerAggregate() {
            OutboxProperty.check(StorageProviderContract.this);
        }
    }

    private static String aggregateOf(List<FixtureEvent> events, EventId id) {
        return events.stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow().aggregateId();
    }

    /** Two relays on the storage, one of them stalled past its lease: see {@link RelayLeaseContract}. */
    @Nested
    class RelayLeases extends RelayLeaseContract {

        @Override
        protected StorageProvider storage() {
            return storage;
        }

        @Override
        protected TestClock clock() {
            return clock;
        }
    }

    /** In-process reactions on the storage: see {@link ReactionContract}. */
    @Nested
    class Reactions extends ReactionContract {

        @Override
        protected StorageProvider storage() {
            return storage;
        }

        @Override
        protected TestClock clock() {
            return clock;
        }
    }

    /** Timers in the outbox: see {@link OutboxTimerContract}. */
    @Nested
    class Timers extends OutboxTimerContract {

        @Override
        protected StorageProvider storage() {
            return storage;
        }

        @Override
        protected TestClock clock() {
            return clock;
        }
    }

    /** Makes a fresh storage for one property example; used by {@link OutboxProperty}. */
    StorageProvider freshStorage() {
        return newStorage();
    }

    /** Releases a storage of one property example. */
    void release(StorageProvider used) {
        discard(used);
    }
}
