package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.json.KeylineJson;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.fixture.FixtureEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Timers in the outbox on the storage of {@link StorageProviderContract} (which runs this contract
 * for every provider): a timer is invisible to claims until it is due, holds back none of its
 * aggregate's other entries while it waits, is then delivered like any entry (retries, dead letters,
 * replays, reactions with receipts); one timer per key is pending, a later schedule replaces it and a
 * cancel deletes it, but neither touches a timer a relay has claimed; a rolled-back schedule leaves
 * nothing.
 */
public abstract class OutboxTimerContract {

    private static final String KEY = "tck.expiry/R-17";
    private static final Duration WEEK = Duration.ofDays(7);
    private static final RetryPolicy POLICY = RetryPolicy.defaults().withLease(Duration.ofMinutes(1));

    /** The storage of the current test. */
    protected abstract StorageProvider storage();

    /** The clock of the current test. */
    protected abstract TestClock clock();

    private final RecordingSink sink = new RecordingSink("recorder");
    private final KeylineJson json = KeylineJson.create();

    private Keyline keyline() {
        return Keyline.builder().storage(storage()).clock(clock()).retryPolicy(POLICY).json(json).sink(sink)
                .areaReactions(false).build();
    }

    /** A fixture event about {@code aggregate}, due {@code after} from now. */
    private FixtureEvent dueIn(String aggregate, Duration after, String note) {
        return FixtureEvent.about(aggregate, clock().instant().plus(after), note);
    }

    /** Schedules {@code event} under {@code key} in a committed command; whether it replaced one. */
    private boolean schedule(Keyline keyline, String key, FixtureEvent event) {
        return keyline.execute(ctx -> ctx.schedule(key, event));
    }

    /** Cancels the timer under {@code key} in a committed command; whether one was pending. */
    private boolean cancel(Keyline keyline, String key) {
        return keyline.execute(ctx -> ctx.cancelTimer(key));
    }

    private Optional<OutboxEntry> entry(EventId id) {
        return storage().transactions().execute(() -> storage().outbox().find(id));
    }

    private Optional<OutboxEntry> pending(String key) {
        return storage().transactions().execute(() -> storage().outbox().pendingTimer(key));
    }

    private List<OutboxClaim> claim(Instant now) {
        return storage().transactions().execute(
                () -> storage().outbox().claimDue(now, Set.of(sink.name()), 10, now.plus(POLICY.lease())));
    }

    @Test
    void aTimerIsNotClaimedBeforeItIsDueAndIsDeliveredOnceItIs() {
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", WEEK, "expire");
        assertThat(schedule(keyline, KEY, expiry)).as("nothing was pending under the key").isFalse();

        assertThat(claim(clock().instant().plus(WEEK).minusNanos(1_000))).as("a microsecond before it is due").isEmpty();
        assertThat(keyline.relay().pumpUntilIdle(10)).isEqualTo(RelayReport.NOTHING);
        OutboxEntry waiting = entry(expiry.eventId()).orElseThrow();
        assertThat(waiting.isTimer()).isTrue();
        assertThat(waiting.isPendingTimer()).isTrue();
        assertThat(waiting.timerKey()).isEqualTo(KEY);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(expiry.occurredAt());
        assertThat(sink.offered()).isEmpty();

        clock().advance(WEEK);
        assertThat(keyline.relay().pumpUntilIdle(10)).as("due exactly at its time").isEqualTo(new RelayReport(1, 0, 0));

        assertThat(sink.acceptedIds()).containsExactly(expiry.eventId());
        assertThat(keyline.json().readEvent(FixtureEvent.TYPE, sink.accepted().get(0).payload())).isEqualTo(expiry);
        OutboxEntry delivered = entry(expiry.eventId()).orElseThrow();
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.timerKey()).as("a claimed timer keeps its key for listing").isEqualTo(KEY);
        assertThat(delivered.isPendingTimer()).isFalse();
        assertThat(pending(KEY)).as("no longer pending once claimed").isEmpty();
    }

    @Test
    void aTimerDueInThePastIsDueAtOnce() {
        Keyline keyline = keyline();
        FixtureEvent late = FixtureEvent.about("R-17", clock().instant().minus(Duration.ofHours(2)), "late");
        schedule(keyline, KEY, late);

        assertThat(keyline.relay().pumpUntilIdle(10).delivered()).isEqualTo(1);
        assertThat(sink.acceptedIds()).containsExactly(late.eventId());
    }

    @Test
    void aWaitingTimerDoesNotHoldBackItsAggregatesLaterEventsAndTakesItsTurnWhenDue() {
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", WEEK, "expire");
        schedule(keyline, KEY, expiry);
        FixtureEvent first = FixtureEvent.about("R-17", clock().instant(), "reserved");
        FixtureEvent second = FixtureEvent.about("R-17", clock().instant(), "extended");
        keyline.run(ctx -> {
            ctx.publish(first);
            ctx.publish(second);
        });

        assertThat(keyline.relay().pumpUntilIdle(10).delivered()).isEqualTo(2);
        assertThat(sink.acceptedIds()).containsExactly(first.eventId(), second.eventId());

        clock().advance(WEEK);
        FixtureEvent after = FixtureEvent.about("R-17", clock().instant(), "after expiry");
        keyline.run(ctx -> ctx.publish(after));
        assertThat(claim(clock().instant())).as("once due the timer is the aggregate's oldest open entry")
                .extracting(c -> c.message().eventId()).containsExactly(expiry.eventId());
    }

    @Test
    void aDueTimerHoldsBackItsAggregatesLaterEntriesWhileItIsRetried() {
        sink.failNext(1, n -> new IllegalStateException("receiver down"));
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", Duration.ZERO, "expire");
        schedule(keyline, KEY, expiry);
        FixtureEvent later = FixtureEvent.about("R-17", clock().instant(), "later");
        keyline.run(ctx -> ctx.publish(later));

        assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(0, 1, 0));
        assertThat(keyline.relay().pumpOnce().attempted()).as("the later event waits behind the failed timer").isZero();
        clock().advance(Duration.ofSeconds(1));
        keyline.relay().pumpUntilIdle(10);

        assertThat(sink.acceptedIds()).containsExactly(expiry.eventId(), later.eventId());
    }

    @Test
    void schedulingAgainUnderTheKeyReplacesThePendingTimerSoOneIsPending() {
        Keyline keyline = keyline();
        FixtureEvent first = dueIn("R-17", WEEK, "first");
        FixtureEvent second = dueIn("R-17", WEEK.plusDays(1), "extended");
        FixtureEvent other = dueIn("R-18", WEEK, "other key");
        schedule(keyline, KEY, first);
        schedule(keyline, "tck.expiry/R-18", other);

        assertThat(schedule(keyline, KEY, second)).as("the first was pending and is replaced").isTrue();

        assertThat(entry(first.eventId())).as("the replaced timer is gone").isEmpty();
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(second.eventId());
        assertThat(pending("tck.expiry/R-18").map(e -> e.message().eventId())).as("another key is untouched")
                .contains(other.eventId());
        clock().advance(WEEK.plusDays(2));
        keyline.relay().pumpUntilIdle(10);
        assertThat(sink.acceptedIds()).containsExactlyInAnyOrder(second.eventId(), other.eventId());
    }

    @Test
    void schedulingTwiceInOneCommandLeavesTheLastOnly() {
        Keyline keyline = keyline();
        FixtureEvent first = dueIn("R-17", WEEK, "first");
        FixtureEvent second = dueIn("R-17", WEEK, "second");

        List<Boolean> replaced = keyline.execute(ctx -> List.of(ctx.schedule(KEY, first), ctx.schedule(KEY, second)));

        assertThat(replaced).containsExactly(false, true);
        assertThat(entry(first.eventId())).isEmpty();
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(second.eventId());
    }

    @Test
    void aCancelledTimerIsGoneAndNeverDelivered() {
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", WEEK, "expire");
        schedule(keyline, KEY, expiry);

        assertThat(cancel(keyline, KEY)).isTrue();
        assertThat(cancel(keyline, KEY)).as("nothing left to cancel").isFalse();

        assertThat(entry(expiry.eventId())).isEmpty();
        clock().advance(WEEK);
        assertThat(keyline.relay().pumpUntilIdle(10)).isEqualTo(RelayReport.NOTHING);
        assertThat(sink.offered()).isEmpty();
    }

    @Test
    void aClaimedTimerIsNeitherReplacedNorCancelledAndIsDelivered() {
        sink.failNext(1, n -> new IllegalStateException("receiver down"));
        Keyline keyline = keyline();
        FixtureEvent fired = dueIn("R-17", Duration.ZERO, "fired");
        schedule(keyline, KEY, fired);
        assertThat(keyline.relay().pumpOnce().retried()).as("claimed, then failed").isEqualTo(1);

        FixtureEvent next = dueIn("R-17", WEEK, "next");
        assertThat(cancel(keyline, KEY)).as("a claimed timer is not cancelled").isFalse();
        assertThat(schedule(keyline, KEY, next)).as("a claimed timer is not replaced").isFalse();

        assertThat(entry(fired.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(next.eventId());
        clock().advance(Duration.ofSeconds(1));
        keyline.relay().pumpUntilIdle(10);
        assertThat(sink.acceptedIds()).as("the claimed timer is delivered; the new one waits").containsExactly(fired.eventId());
    }

    @Test
    void aRolledBackScheduleLeavesNothingAndKeepsTheTimerItWouldHaveReplaced() {
        Keyline keyline = keyline();
        FixtureEvent kept = dueIn("R-17", WEEK, "kept");
        schedule(keyline, KEY, kept);
        FixtureEvent doomed = dueIn("R-17", WEEK, "doomed");
        FixtureEvent alsoDoomed = dueIn("R-19", WEEK, "doomed too");
        IllegalStateException boom = new IllegalStateException("command failed");

        assertThatThrownBy(() -> keyline.run(ctx -> {
            ctx.schedule(KEY, doomed);
            ctx.schedule("tck.expiry/R-19", alsoDoomed);
            throw boom;
        })).isSameAs(boom);
        assertThatThrownBy(() -> keyline.run(ctx -> {
            ctx.cancelTimer(KEY);
            throw boom;
        })).isSameAs(boom);

        assertThat(entry(doomed.eventId())).isEmpty();
        assertThat(entry(alsoDoomed.eventId())).isEmpty();
        assertThat(pending("tck.expiry/R-19")).isEmpty();
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(kept.eventId());
        clock().advance(WEEK);
        keyline.relay().pumpUntilIdle(10);
        assertThat(sink.acceptedIds()).containsExactly(kept.eventId());
    }

    @Test
    void aTimerThatKeepsFailingIsDeadLetteredAndCanBeReplayed() {
        sink.failWith(n -> new PermanentDeliveryException("rejected"));
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", Duration.ofHours(1), "expire");
        schedule(keyline, KEY, expiry);
        clock().advance(Duration.ofHours(1));

        assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(0, 0, 1));
        assertThat(keyline.relay().deadLetters(10)).extracting(e -> e.message().eventId()).containsExactly(expiry.eventId());
        assertThat(keyline.relay().deadLetters(10).get(0).timerKey()).isEqualTo(KEY);

        sink.recover();
        assertThat(keyline.relay().replayDeadLetters("recorder", 10)).isEqualTo(1);
        keyline.relay().pumpUntilIdle(10);
        assertThat(sink.acceptedIds()).containsExactly(expiry.eventId());
        assertThat(entry(expiry.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void deliveredTimersArePurgedLikeAnyEntry() {
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", Duration.ZERO, "expire");
        schedule(keyline, KEY, expiry);
        keyline.relay().pumpUntilIdle(10);
        clock().advance(Duration.ofDays(1));

        assertThat(keyline.relay().purgeDelivered(clock().instant())).isEqualTo(1);
        assertThat(entry(expiry.eventId())).isEmpty();
    }

    @Test
    void pendingTimersAreListedAsPendingEntriesWithTheirKeys() {
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", WEEK, "expire");
        schedule(keyline, KEY, expiry);
        FixtureEvent plain = FixtureEvent.about("R-17", clock().instant().plus(WEEK), "plain");
        keyline.run(ctx -> ctx.publish(plain));

        List<OutboxEntry> listed = storage().transactions().execute(() -> storage().outbox().list(DeliveryStatus.PENDING, 10));

        assertThat(listed).extracting(e -> e.message().eventId()).containsExactly(expiry.eventId(), plain.eventId());
        assertThat(listed).extracting(OutboxEntry::timerKey).containsExactly(KEY, null);
        assertThat(listed).extracting(OutboxEntry::isTimer).containsExactly(true, false);
    }

    @Test
    void anEventFutureOccurredAtWithoutAKeyStillHoldsBackItsAggregate() {
        // the order rule stays as it was for ordinary entries: only timers wait aside
        Keyline keyline = keyline();
        FixtureEvent future = FixtureEvent.about("R-17", clock().instant().plus(WEEK), "future");
        FixtureEvent now = FixtureEvent.about("R-17", clock().instant(), "now");
        keyline.run(ctx -> {
            ctx.publish(future);
            ctx.publish(now);
        });

        assertThat(keyline.relay().pumpUntilIdle(10)).isEqualTo(RelayReport.NOTHING);
    }

    @Test
    void badKeysAndDuplicateEventIdsAreRejectedNamingWhatIsWrong() {
        Keyline keyline = keyline();
        FixtureEvent expiry = dueIn("R-17", WEEK, "expire");
        keyline.run(ctx -> ctx.publish(expiry));

        assertThatThrownBy(() -> keyline.run(ctx -> ctx.schedule(" ", dueIn("R-17", WEEK, "x"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("timerKey");
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.schedule("k".repeat(Limits.TIMER_KEY_LENGTH + 1),
                dueIn("R-17", WEEK, "x")))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("timerKey");
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.cancelTimer(""))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("timerKey");
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.schedule(KEY, expiry))).isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining(expiry.eventId().toString());

        String longest = "k".repeat(Limits.TIMER_KEY_LENGTH);
        FixtureEvent atTheLimit = dueIn("R-17", WEEK, "long key");
        schedule(keyline, longest, atTheLimit);
        assertThat(pending(longest).map(OutboxEntry::timerKey)).contains(longest);
        assertThat(pending(KEY)).as("the failed schedules wrote nothing").isEmpty();
    }

    @Test
    void twoTransactionsSchedulingOneKeyConcurrentlyNeverLeaveTwoPending() throws Exception {
        twoTransactionsWritingOneKeyConcurrentlyNeverLeaveTwoPending((message, key) -> storage().outbox().schedule(message, key));
    }

    /**
     * Two transactions write a timer under {@link #KEY} with {@code write}, the first held open
     * after it (and after a read, so that a provider that queues writes sends them) until the
     * second has started: exactly one timer is pending after both, one that committed, and a
     * transaction that failed did so with {@link StaleVersionException} naming the key.
     */
    private void twoTransactionsWritingOneKeyConcurrentlyNeverLeaveTwoPending(
            java.util.function.BiConsumer<dev.keyline.spi.OutboxMessage, String> write) throws Exception {
        FixtureEvent a = dueIn("R-17", WEEK, "a");
        FixtureEvent b = dueIn("R-17", WEEK, "b");
        KeylineJson writer = KeylineJson.create();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> storage().transactions().execute(() -> {
                write.accept(message(writer, a), KEY);
                storage().outbox().pendingTimer("tck.expiry/other"); // a statement: queued writes go first
                written.countDown();
                hold(release);
                return true;
            }));
            await(written);
            Future<Boolean> second = threads.submit(() -> storage().transactions().execute(() -> {
                write.accept(message(writer, b), KEY);
                return true;
            }));
            release.countDown();
            List<EventId> committed = new ArrayList<>();
            for (var outcome : List.of(List.of(first, a), List.of(second, b))) {
                try {
                    ((Future<?>) outcome.get(0)).get(30, TimeUnit.SECONDS);
                    committed.add(((FixtureEvent) outcome.get(1)).eventId());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).as("the loser learns of the conflict").isInstanceOf(StaleVersionException.class)
                            .hasMessageContaining(KEY);
                }
            }

            List<OutboxEntry> pendingNow = storage().transactions().execute(
                    () -> storage().outbox().list(DeliveryStatus.PENDING, 10));
            assertThat(pendingNow).as("exactly one timer is pending under the key").hasSize(1);
            assertThat(committed).as("and it is one that committed").contains(pendingNow.get(0).message().eventId());
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aScheduleMeetingAClaimInProgressLeavesTheClaimedTimer() throws Exception {
        Keyline keyline = keyline();
        FixtureEvent fired = dueIn("R-17", Duration.ZERO, "fired");
        schedule(keyline, KEY, fired);
        FixtureEvent next = dueIn("R-17", WEEK, "next");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<OutboxClaim>> relay = threads.submit(() -> storage().transactions().execute(() -> {
                Instant now = clock().instant();
                List<OutboxClaim> claims = storage().outbox().claimDue(now, Set.of(sink.name()), 10,
                        now.plus(POLICY.lease()));
                claimed.countDown();
                hold(release);
                return claims;
            }));
            await(claimed);
            Future<Boolean> rescheduled = threads.submit(() -> schedule(keyline, KEY, next));
            release.countDown();

            assertThat(relay.get(30, TimeUnit.SECONDS)).extracting(c -> c.message().eventId())
                    .containsExactly(fired.eventId());
            assertThat(rescheduled.get(30, TimeUnit.SECONDS)).as("the claimed timer was not replaced").isFalse();
            assertThat(entry(fired.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
            assertThat(pending(KEY).map(e -> e.message().eventId())).contains(next.eventId());
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void settingATimerReplacesThePendingOneAsSchedulingDoesAndClearingDeletesIt() {
        Keyline keyline = keyline();
        FixtureEvent first = dueIn("R-17", WEEK, "first");
        FixtureEvent second = dueIn("R-17", WEEK.plusDays(1), "extended");
        FixtureEvent other = dueIn("R-18", WEEK, "other key");
        keyline.run(ctx -> ctx.setTimer(KEY, first));
        keyline.run(ctx -> ctx.setTimer("tck.expiry/R-18", other));

        keyline.run(ctx -> ctx.setTimer(KEY, second));

        assertThat(entry(first.eventId())).as("the replaced timer is gone").isEmpty();
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(second.eventId());
        keyline.run(ctx -> ctx.clearTimer("tck.expiry/R-18"));
        keyline.run(ctx -> ctx.clearTimer("tck.expiry/R-18")); // nothing left to clear: no failure
        assertThat(entry(other.eventId())).as("the cleared timer is gone").isEmpty();
        assertThat(pending("tck.expiry/R-18")).isEmpty();
        clock().advance(WEEK.plusDays(2));
        keyline.relay().pumpUntilIdle(10);
        assertThat(sink.acceptedIds()).containsExactly(second.eventId());
    }

    @Test
    void setAndClearInOneCommandLeaveWhatTheLastCallSaysAndItsLaterCallsAndReadsSeeThem() {
        Keyline keyline = keyline();
        FixtureEvent before = dueIn("R-17", WEEK, "before");
        FixtureEvent a = dueIn("R-17", WEEK, "a");
        FixtureEvent b = dueIn("R-17", WEEK, "b");
        FixtureEvent c = dueIn("R-17", WEEK, "c");
        FixtureEvent d = dueIn("R-17", WEEK, "d");
        keyline.run(ctx -> ctx.setTimer(KEY, before));

        // set twice: the last one is pending; the timer stored before is replaced
        keyline.run(ctx -> {
            ctx.setTimer(KEY, a);
            ctx.setTimer(KEY, b);
        });
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(b.eventId());
        assertThat(entry(before.eventId())).isEmpty();
        assertThat(entry(a.eventId())).isEmpty();

        // set, then cleared: nothing is pending, and a read of the same transaction sees it gone
        Optional<OutboxEntry> seen = storage().transactions().execute(() -> {
            storage().outbox().setTimer(message(json, c), KEY);
            storage().outbox().clearTimer(KEY);
            return storage().outbox().pendingTimer(KEY);
        });
        assertThat(seen).as("read after the clear, in its transaction").isEmpty();
        assertThat(pending(KEY)).isEmpty();
        assertThat(entry(b.eventId())).isEmpty();
        assertThat(entry(c.eventId())).isEmpty();

        // a schedule after them reports what they left: a set timer is replaced, a cleared one is not
        FixtureEvent a2 = dueIn("R-17", WEEK, "a2");
        FixtureEvent e = dueIn("R-17", WEEK, "e");
        List<Boolean> replaced = keyline.execute(ctx -> {
            ctx.setTimer(KEY, a2);
            boolean afterSet = ctx.schedule(KEY, d);
            ctx.clearTimer(KEY);
            boolean afterClear = ctx.schedule(KEY, e);
            return List.of(afterSet, afterClear);
        });
        assertThat(replaced).containsExactly(true, false);
        assertThat(pending(KEY).map(p -> p.message().eventId())).contains(e.eventId());
        assertThat(entry(a2.eventId())).isEmpty();
        assertThat(entry(d.eventId())).isEmpty();
    }

    @Test
    void settingOrClearingLeavesAClaimedTimerAndARolledBackOneLeavesTheStoredTimer() {
        sink.failNext(1, n -> new IllegalStateException("receiver down"));
        Keyline keyline = keyline();
        FixtureEvent fired = dueIn("R-17", Duration.ZERO, "fired");
        keyline.run(ctx -> ctx.setTimer(KEY, fired));
        assertThat(keyline.relay().pumpOnce().retried()).as("claimed, then failed").isEqualTo(1);

        keyline.run(ctx -> ctx.clearTimer(KEY));
        FixtureEvent next = dueIn("R-17", WEEK, "next");
        keyline.run(ctx -> ctx.setTimer(KEY, next));
        assertThat(entry(fired.eventId()).orElseThrow().status()).as("the claimed timer stays").isEqualTo(DeliveryStatus.FAILED);
        assertThat(pending(KEY).map(e -> e.message().eventId())).contains(next.eventId());

        IllegalStateException boom = new IllegalStateException("command failed");
        FixtureEvent doomed = dueIn("R-17", WEEK, "doomed");
        assertThatThrownBy(() -> keyline.run(ctx -> {
            ctx.setTimer(KEY, doomed);
            throw boom;
        })).isSameAs(boom);
        assertThatThrownBy(() -> keyline.run(ctx -> {
            ctx.clearTimer(KEY);
            throw boom;
        })).isSameAs(boom);
        assertThat(entry(doomed.eventId())).isEmpty();
        assertThat(pending(KEY).map(e -> e.message().eventId())).as("the stored timer is kept").contains(next.eventId());

        clock().advance(Duration.ofSeconds(1));
        keyline.relay().pumpUntilIdle(10);
        assertThat(sink.acceptedIds()).as("the claimed timer is delivered; the new one waits").containsExactly(fired.eventId());
    }

    @Test
    void setAndClearRejectBadKeysAndATakenEventIdNamingWhatIsWrongAndWriteNothing() {
        Keyline keyline = keyline();
        FixtureEvent published = dueIn("R-17", WEEK, "published");
        keyline.run(ctx -> ctx.publish(published));
        FixtureEvent kept = dueIn("R-17", WEEK, "kept");
        keyline.run(ctx -> ctx.setTimer(KEY, kept));

        assertThatThrownBy(() -> keyline.run(ctx -> ctx.setTimer(" ", dueIn("R-17", WEEK, "x"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("timerKey");
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.setTimer("k".repeat(Limits.TIMER_KEY_LENGTH + 1),
                dueIn("R-17", WEEK, "x")))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("timerKey");
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.clearTimer(""))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("timerKey");
        assertThatThrownBy(() -> storage().transactions().execute(() -> {
            storage().outbox().setTimer(message(json, kept), "");
            return null;
        })).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("timerKey");
        // the event id taken: reported by the command, at the latest at its commit, and the timer
        // the set would have replaced stays
        assertThatThrownBy(() -> keyline.run(ctx -> ctx.setTimer(KEY, published))).isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining(published.eventId().toString());
        assertThat(pending(KEY).map(e -> e.message().eventId())).as("the failed set wrote nothing").contains(kept.eventId());
    }

    @Test
    void twoTransactionsSettingOneKeyConcurrentlyNeverLeaveTwoPending() throws Exception {
        twoTransactionsWritingOneKeyConcurrentlyNeverLeaveTwoPending((message, key) -> storage().outbox().setTimer(message, key));
    }

    @Test
    void aReactionTakingATimersEventRunsOnlyOnceItIsDueInItsOwnTransactionAndOnce() {
        List<EventId> applied = Collections.synchronizedList(new ArrayList<>());
        Reaction expire = Reaction.of("tck.expire", (event, ctx) -> {
            FixtureEvent e = (FixtureEvent) event;
            if (!e.note().equals("expire")) {
                return;
            }
            ctx.publish(FixtureEvent.about("released-" + e.aggregateId(), ctx.now(), e.eventId().toString()));
            applied.add(e.eventId());
        }, FixtureEvent.TYPE);
        Keyline survivor = Keyline.builder().storage(storage()).clock(clock()).retryPolicy(POLICY).json(json)
                .reaction(expire).areaReactions(false).build();
        Keyline dying = Keyline.builder().storage(new ReactionContract.CrashingStorage(storage())).clock(clock())
                .retryPolicy(POLICY).json(json).reaction(expire).areaReactions(false).build();
        FixtureEvent expiry = dueIn("R-17", WEEK, "expire");
        schedule(survivor, KEY, expiry);

        clock().advance(WEEK.minusSeconds(1));
        assertThat(survivor.relay().pumpUntilIdle(10)).as("a second before it is due").isEqualTo(RelayReport.NOTHING);
        assertThat(applied).isEmpty();

        clock().advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> dying.relay().pumpOnce()).as("the reaction commits, then its relay dies")
                .isInstanceOf(ReactionContract.RelayDied.class);
        assertThat(applied).containsExactly(expiry.eventId());
        assertThat(storage().transactions().execute(() -> storage().outbox().hasReceipt("tck.expire", expiry.eventId())))
                .as("the receipt committed with the reaction's own transaction").isTrue();

        clock().advance(POLICY.lease().plusSeconds(1));
        survivor.relay().pumpUntilIdle(10);

        assertThat(applied).as("the redelivered timer is recognised by its receipt").containsExactly(expiry.eventId());
        assertThat(entry(expiry.eventId()).orElseThrow().delivery("tck.expire").orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
        List<OutboxEntry> released = storage().transactions().execute(
                () -> storage().outbox().list(DeliveryStatus.DELIVERED, 10)).stream()
                .filter(e -> e.message().aggregateId().equals("released-R-17")).toList();
        assertThat(released).as("the reaction's effect exists once").hasSize(1);
    }

    private static dev.keyline.spi.OutboxMessage message(KeylineJson writer, FixtureEvent e) {
        return new dev.keyline.spi.OutboxMessage(e.eventId(), e.aggregateId(), e.type(), e.occurredAt(), e.audience(),
                writer.writeEvent(e));
    }

    /** Waits inside a transaction's work, which cannot throw checked exceptions. */
    private static void hold(CountDownLatch latch) {
        try {
            await(latch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the transaction open", e);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("another thread did not reach the expected point; the storage may be dead-locked");
        }
    }
}
