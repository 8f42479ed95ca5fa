package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.EventId;
import dev.keyline.json.KeylineJson;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import dev.keyline.tck.fixture.FixtureEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * In-process reactions on the storage of {@link StorageProviderContract} (which runs this contract
 * for every provider): a reaction is delivered like a sink, runs in a transaction of its own that
 * rolls back only its own effects, keeps the order per aggregate, is retried, dead-lettered and
 * replayed, runs without any sink, and applies an event once even when the relay died between the
 * reaction's commit and its mark.
 *
 * <p>The test reaction's effect is transactional state: it publishes an echo event (about
 * {@code echo-<aggregate>}, its note the original event's id) through its {@link CommandContext},
 * so an effect exists exactly when the reaction's transaction committed.
 */
public abstract class ReactionContract {

    private static final String NAME = "tck.echo";
    private static final String ECHO = "echo-";
    private static final RetryPolicy POLICY = RetryPolicy.defaults().withLease(Duration.ofMinutes(1));

    /** The storage of the current test. */
    protected abstract StorageProvider storage();

    /** The clock of the current test. */
    protected abstract TestClock clock();

    /** What the test reaction does besides echoing; it may throw to make the attempt fail. */
    private interface Before {
        void check(FixtureEvent event);
    }

    private final KeylineJson json = KeylineJson.create();
    private final List<EventId> applied = Collections.synchronizedList(new ArrayList<>());

    private Reaction echo(Before before) {
        return Reaction.of(NAME, (event, ctx) -> {
            FixtureEvent e = (FixtureEvent) event;
            if (e.aggregateId().startsWith(ECHO)) {
                return;
            }
            ctx.publish(FixtureEvent.about(ECHO + e.aggregateId(), ctx.now(), e.eventId().toString()));
            before.check(e);
            applied.add(e.eventId());
        }, FixtureEvent.TYPE);
    }

    private Keyline keyline(StorageProvider storage, RetryPolicy policy, Reaction reaction) {
        // one JSON for every runtime of a test, as one host's: it knows the fixture's events once one has written them
        return Keyline.builder().storage(storage).clock(clock()).retryPolicy(policy).json(json).reaction(reaction).build();
    }

    private Keyline keyline(Reaction reaction) {
        return keyline(storage(), POLICY, reaction);
    }

    private List<FixtureEvent> publish(Keyline keyline, String... aggregates) {
        List<FixtureEvent> events = new ArrayList<>();
        for (String a : aggregates) {
            events.add(FixtureEvent.about(a, clock().instant(), "n" + events.size()));
        }
        keyline.run(ctx -> events.forEach(ctx::publish));
        return events;
    }

    /** The ids of the events echoed so far (committed echo events), in outbox order, as a fresh transaction sees them. */
    private List<String> echoed(Keyline keyline) {
        List<OutboxEntry> all = new ArrayList<>();
        storage().transactions().run(() -> {
            for (DeliveryStatus s : DeliveryStatus.values()) {
                all.addAll(storage().outbox().list(s, 10_000));
            }
        });
        return all.stream().sorted(java.util.Comparator.comparingLong(OutboxEntry::sequence))
                .filter(e -> e.message().aggregateId().startsWith(ECHO))
                .map(e -> ((FixtureEvent) keyline.json().readEvent(e.message().type(), e.message().payload())).note())
                .toList();
    }

    private SinkDelivery delivery(EventId id) {
        return storage().transactions().execute(() -> storage().outbox().find(id)).orElseThrow().delivery(NAME)
                .orElseThrow();
    }

    private boolean receipt(EventId id) {
        return storage().transactions().execute(() -> storage().outbox().hasReceipt(NAME, id));
    }

    private static List<String> ids(List<FixtureEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).toList();
    }

    @Test
    void aReactionTakesEveryEventOfItsTypesWithNoSinkConfigured() {
        Keyline keyline = keyline(echo(e -> { }));
        List<FixtureEvent> events = publish(keyline, "agg-1", "agg-2", "agg-1");

        RelayReport report = keyline.relay().pumpUntilIdle(10);

        assertThat(keyline.sinks()).isEmpty();
        assertThat(echoed(keyline)).containsExactlyInAnyOrderElementsOf(ids(events));
        assertThat(report.delivered()).as("three events and their three echoes").isEqualTo(6);
        for (FixtureEvent e : events) {
            assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivery(e.eventId()).attempts()).isEqualTo(1);
            assertThat(receipt(e.eventId())).isTrue();
        }
        assertThat(keyline.relay().pumpUntilIdle(10).attempted()).as("a second run finds nothing").isZero();
        assertThat(echoed(keyline)).hasSize(3);
    }

    @Test
    void anEventOfAnotherTypeIsMarkedDeliveredForTheReactionWithoutRunningIt() {
        AtomicInteger runs = new AtomicInteger();
        Keyline keyline = keyline(Reaction.of(NAME, (event, ctx) -> runs.incrementAndGet(), "tck.other.*"));
        FixtureEvent e = publish(keyline, "agg-1").get(0);

        RelayReport report = keyline.relay().pumpUntilIdle(10);

        assertThat(runs).hasValue(0);
        assertThat(report.attempted()).as("passed-over deliveries are not counted").isZero();
        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(receipt(e.eventId())).as("no receipt for an event not taken").isFalse();
    }

    @Test
    void aFailingReactionRollsBackOnlyItsOwnEffectsAndIsRetried() {
        RecordingSink sink = new RecordingSink("recorder");
        AtomicInteger attempts = new AtomicInteger();
        Reaction reaction = echo(e -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("projection store busy");
            }
        });
        Keyline keyline = Keyline.builder().storage(storage()).clock(clock()).retryPolicy(POLICY).sink(sink)
                .reaction(reaction).build();
        FixtureEvent e = publish(keyline, "agg-1").get(0);

        assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(1, 1, 0));

        assertThat(echoed(keyline)).as("the failed attempt's echo was rolled back").isEmpty();
        assertThat(receipt(e.eventId())).as("and so was its receipt").isFalse();
        assertThat(sink.acceptedIds()).as("the sink is not held back").containsExactly(e.eventId());
        SinkDelivery failed = delivery(e.eventId());
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo(NAME + ": projection store busy");
        assertThat(keyline.relay().pumpOnce().attempted()).as("not due before its backoff").isZero();

        clock().advance(POLICY.backoffAfter(1));
        keyline.relay().pumpUntilIdle(10);

        assertThat(echoed(keyline)).containsExactly(e.eventId().toString());
        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery(e.eventId()).attempts()).isEqualTo(2);
        assertThat(receipt(e.eventId())).isTrue();
    }

    @Test
    void aFailingEventHoldsBackOnlyTheLaterEventsOfItsAggregateForTheReaction() {
        List<EventId> failOnce = Collections.synchronizedList(new ArrayList<>());
        Keyline keyline = keyline(echo(e -> {
            if (failOnce.remove(e.eventId())) {
                throw new IllegalStateException("not yet");
            }
        }));
        List<FixtureEvent> events = publish(keyline, "agg-1", "agg-2", "agg-1");
        failOnce.add(events.get(0).eventId());

        keyline.relay().pumpUntilIdle(10);

        assertThat(applied).as("agg-2 goes on; agg-1's second event waits for its first")
                .containsExactly(events.get(1).eventId());
        assertThat(receipt(events.get(2).eventId())).isFalse();

        clock().advance(POLICY.backoffAfter(1));
        keyline.relay().pumpUntilIdle(10);

        assertThat(applied).containsExactly(events.get(1).eventId(), events.get(0).eventId(), events.get(2).eventId());
        assertThat(echoed(keyline)).hasSize(3);
    }

    @Test
    void aReactionThatKeepsFailingIsDeadLetteredWithItsReasonAndCanBeReplayed() {
        AtomicInteger healthy = new AtomicInteger();
        Keyline keyline = keyline(storage(), POLICY.withMaxAttempts(2), echo(e -> {
            if (healthy.get() == 0) {
                throw new IllegalArgumentException("unknown tariff zone");
            }
        }));
        FixtureEvent e = publish(keyline, "agg-1").get(0);

        keyline.relay().pumpOnce();
        clock().advance(Duration.ofHours(1));
        RelayReport second = keyline.relay().pumpOnce();

        assertThat(second.deadLettered()).isEqualTo(1);
        SinkDelivery dead = delivery(e.eventId());
        assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
        assertThat(dead.lastError()).isEqualTo(NAME + ": unknown tariff zone");
        assertThat(keyline.relay().deadLetters(NAME, 10)).extracting(d -> d.message().eventId()).containsExactly(e.eventId());
        assertThat(echoed(keyline)).isEmpty();

        healthy.set(1);
        assertThat(keyline.relay().replayDeadLetters(NAME, 10)).isEqualTo(1);
        keyline.relay().pumpUntilIdle(10);

        assertThat(echoed(keyline)).containsExactly(e.eventId().toString());
        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aPermanentFailureIsDeadLetteredAtOnce() {
        Keyline keyline = keyline(echo(e -> {
            throw new PermanentDeliveryException("account unknown to this area");
        }));
        FixtureEvent e = publish(keyline, "agg-1").get(0);

        assertThat(keyline.relay().pumpOnce().deadLettered()).isEqualTo(1);

        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
        assertThat(delivery(e.eventId()).attempts()).isEqualTo(1);
        assertThat(echoed(keyline)).isEmpty();
    }

    @Test
    void anEventRedeliveredAfterTheRelayDiedBetweenCommitAndMarkIsAppliedOnce() {
        Reaction reaction = echo(e -> { });
        CrashingStorage crashing = new CrashingStorage(storage());
        Keyline dying = keyline(crashing, POLICY, reaction);
        Keyline survivor = keyline(reaction);
        FixtureEvent e = publish(survivor, "agg-1").get(0);

        assertThatThrownBy(() -> dying.relay().pumpOnce()).isInstanceOf(RelayDied.class);

        assertThat(echoed(survivor)).as("the reaction committed").containsExactly(e.eventId().toString());
        assertThat(delivery(e.eventId()).status()).as("but its mark was lost").isEqualTo(DeliveryStatus.IN_FLIGHT);
        assertThat(survivor.relay().pumpUntilIdle(10).delivered()).as("only the echo: the event waits for its lease")
                .isEqualTo(1);
        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.IN_FLIGHT);

        clock().advance(POLICY.lease().plusSeconds(1));
        RelayReport report = survivor.relay().pumpUntilIdle(10);

        assertThat(report.delivered()).as("the redelivered event").isEqualTo(1);
        assertThat(echoed(survivor)).as("applied once").containsExactly(e.eventId().toString());
        assertThat(applied).containsExactly(e.eventId());
        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery(e.eventId()).attempts()).as("an attempt counts when it is marked; the lost one never was")
                .isEqualTo(1);
    }

    @Test
    void aRelayStalledInsideAReactionPastItsLeaseKeepsTheEventFromASecondRelayAndAppliesItOnce() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Reaction stalling = echo(e -> {
            entered.countDown();
            try {
                if (!release.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the reaction");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        });
        Keyline first = keyline(stalling);
        Keyline second = keyline(echo(e -> { }));
        FixtureEvent e = publish(first, "agg-1").get(0);
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<RelayReport> firstRun = thread.submit(() -> first.relay().pumpOnce());
            if (!entered.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the first relay never reached the reaction");
            }
            clock().advance(POLICY.lease().plusSeconds(1));

            RelayReport secondRun = second.relay().pumpUntilIdle(5);
            release.countDown();
            RelayReport firstReport = firstRun.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(secondRun.attempted()).as("the event is locked by the reaction's open transaction").isZero();
            assertThat(firstReport.delivered()).as("the first relay's claim still held").isEqualTo(1);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
        second.relay().pumpUntilIdle(10);
        assertThat(echoed(second)).as("applied once").containsExactly(e.eventId().toString());
        assertThat(delivery(e.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aReceiptIsRecordedOncePerReactionAndEvent() {
        FixtureEvent e = publish(keyline(echo(x -> { })), "agg-1").get(0);
        Instant at = clock().instant();

        assertThat(storage().transactions().execute(() -> storage().outbox().recordReceipt(NAME, e.eventId(), at))).isTrue();
        assertThat(storage().transactions().execute(() -> storage().outbox().recordReceipt(NAME, e.eventId(), at))).isFalse();
        assertThat(storage().transactions().execute(() -> storage().outbox().recordReceipt("other", e.eventId(), at)))
                .as("receipts are per reaction").isTrue();
        assertThat(storage().transactions().execute(() -> storage().outbox().hasReceipt("third", e.eventId()))).isFalse();
        assertThatThrownBy(() -> storage().transactions().execute(
                () -> storage().outbox().recordReceipt(NAME, EventId.random(), at)))
                .isInstanceOf(dev.keyline.domain.common.NotFoundException.class).hasMessageContaining("no outbox entry");
    }

    /** What the dying relay throws when it would have marked a delivery: it "died" after the reaction committed. */
    static final class RelayDied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RelayDied() {
            super("the relay died before marking the delivery");
        }
    }

    /** The test's storage, but its outbox dies on every mark: as a relay process that crashed right after a reaction committed. */
    static final class CrashingStorage implements StorageProvider {

        private final StorageProvider storage;
        private final Outbox outbox;

        CrashingStorage(StorageProvider storage) {
            this.storage = storage;
            Outbox real = storage.outbox();
            this.outbox = new Outbox() {
                @Override
                public void append(List<OutboxMessage> messages) {
                    real.append(messages);
                }

                @Override
                public boolean schedule(OutboxMessage message, String timerKey) {
                    return real.schedule(message, timerKey);
                }

                @Override
                public boolean cancelTimer(String timerKey) {
                    return real.cancelTimer(timerKey);
                }

                @Override
                public Optional<OutboxEntry> pendingTimer(String timerKey) {
                    return real.pendingTimer(timerKey);
                }
                @Override
                public List<OutboxClaim> claimDue(Instant now, Set<String> sinks, int limit, Instant leaseUntil) {
                    return real.claimDue(now, sinks, limit, leaseUntil);
                }

                @Override
                public boolean renew(OutboxClaim claim, Instant leaseUntil) {
                    return real.renew(claim, leaseUntil);
                }

                @Override
                public boolean markDelivered(OutboxClaim claim, Instant at) {
                    throw new RelayDied();
                }

                @Override
                public boolean markFailed(OutboxClaim claim, Instant nextAttemptAt, String error) {
                    throw new AssertionError("the delivery was meant to succeed but failed: " + error);
                }

                @Override
                public boolean markDeadLetter(OutboxClaim claim, Instant at, String error) {
                    throw new AssertionError("the delivery was meant to succeed but failed: " + error);
                }

                @Override
                public void requeue(EventId eventId, String sink, Instant at) {
                    real.requeue(eventId, sink, at);
                }

                @Override
                public Optional<OutboxEntry> find(EventId eventId) {
                    return real.find(eventId);
                }

                @Override
                public List<OutboxEntry> list(DeliveryStatus status, int limit) {
                    return real.list(status, limit);
                }

                @Override
                public List<OutboxEntry> deadLetters(String sink, int limit) {
                    return real.deadLetters(sink, limit);
                }

                @Override
                public int purgeDelivered(Instant olderThan, int limit) {
                    return real.purgeDelivered(olderThan, limit);
                }

                @Override
                public boolean recordReceipt(String reaction, EventId eventId, Instant at) {
                    return real.recordReceipt(reaction, eventId, at);
                }

                @Override
                public boolean hasReceipt(String reaction, EventId eventId) {
                    return real.hasReceipt(reaction, eventId);
                }
            };
        }

        @Override
        public Transactions transactions() {
            return storage.transactions();
        }

        @Override
        public Outbox outbox() {
            return outbox;
        }

        @Override
        public String name() {
            return storage.name() + " (dying relay)";
        }

        @Override
        public <P> Optional<P> findPort(Class<P> type) {
            return storage.findPort(type);
        }

        @Override
        public List<dev.keyline.spi.Area> areas() {
            return storage.areas();
        }
    }
}
