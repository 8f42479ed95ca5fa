package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.FixtureEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the relay batches its writes: the outcomes of a batch are recorded together in one
 * transaction, a claim is renewed only when less than nine tenths of the lease is left when its turn
 * comes, and the outcomes kept are recorded early, with such a renewal, once their claims' leases
 * run short. The storage's outbox is wrapped to log the calls the relay makes.
 */
class RelayBatchTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final TestClock clock = TestClock.standard();
    private final InMemoryStorage memory = new InMemoryStorage();
    private final LoggingStorage storage = new LoggingStorage(memory);

    private Keyline keyline(NotificationSink sink) {
        return Keyline.builder().storage(storage).clock(clock).retryPolicy(RetryPolicy.defaults().withLease(LEASE))
                .sink(sink).areaReactions(false).build();
    }

    private List<FixtureEvent> publish(Keyline keyline, int count) {
        List<FixtureEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(FixtureEvent.about("agg-" + i, clock.instant(), "n" + i));
        }
        keyline.run(ctx -> events.forEach(ctx::publish));
        storage.calls.clear();
        storage.transactionsRun.set(0);
        return events;
    }

    private DeliveryStatus status(FixtureEvent e) {
        return memory.transactions().execute(() -> memory.outbox().find(e.eventId())).map(OutboxEntry::status).orElseThrow();
    }

    @Test
    void aBatchToAFastSinkIsClaimedInOneTransactionAndRecordedInOneWithoutRenewals() {
        Keyline keyline = keyline(new Sink(clock, Duration.ZERO));
        List<FixtureEvent> events = publish(keyline, 5);

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report).isEqualTo(new RelayReport(5, 0, 0));
        assertThat(storage.calls).containsExactly("claimDue", "markAll 5");
        assertThat(storage.transactionsRun).hasValue(2);
        assertThat(events).allSatisfy(e -> assertThat(status(e)).isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void aClaimIsRenewedOnlyWhenLessThanNineTenthsOfTheLeaseIsLeftAndTheKeptOutcomesGoWithTheRenewal() {
        // 3 s per delivery: the third starts 6 s after the claim with 54 s of the 60 s lease left, the
        // fourth with 51 s and the fifth with 48 s: each of these two is renewed, the outcomes so far recorded with it
        Keyline keyline = keyline(new Sink(clock, Duration.ofSeconds(3)));
        List<FixtureEvent> events = publish(keyline, 5);

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report).isEqualTo(new RelayReport(5, 0, 0));
        assertThat(storage.calls).containsExactly("claimDue", "markAll 3", "renew", "markAll 1", "renew", "markAll 1");
        assertThat(events).allSatisfy(e -> assertThat(status(e)).isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void withASlowSinkEachClaimIsRenewedWhenItsTurnComesTogetherWithTheOutcomesSoFar() {
        Keyline keyline = keyline(new Sink(clock, Duration.ofSeconds(10)));
        publish(keyline, 3);

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report).isEqualTo(new RelayReport(3, 0, 0));
        assertThat(storage.calls).containsExactly("claimDue", "markAll 1", "renew", "markAll 1", "renew", "markAll 1");
        assertThat(storage.transactionsRun).as("the claim, two renewals with the outcomes so far, the last outcome")
                .hasValue(4);
    }

    @Test
    void outcomesOfFailuresAndDeadLettersAreRecordedWithTheBatchAndCounted() {
        Sink sink = new Sink(clock, Duration.ZERO);
        sink.failing.add("agg-1");
        sink.permanent.add("agg-2");
        Keyline keyline = keyline(sink);
        List<FixtureEvent> events = publish(keyline, 4);

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report).isEqualTo(new RelayReport(2, 1, 1));
        assertThat(storage.calls).containsExactly("claimDue", "markAll 4");
        assertThat(status(events.get(1))).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status(events.get(2))).isEqualTo(DeliveryStatus.DEAD_LETTER);
    }

    @Test
    void aFailedRecordingFailsThePumpAndItsDeliveriesAreMadeAgainAfterTheLease() {
        Keyline keyline = keyline(new Sink(clock, Duration.ZERO));
        List<FixtureEvent> events = publish(keyline, 2);
        storage.failMarks = true;

        assertThatThrownBy(() -> keyline.relay().pumpOnce()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recording failed");
        assertThat(events).allSatisfy(e -> assertThat(status(e)).isEqualTo(DeliveryStatus.IN_FLIGHT));

        storage.failMarks = false;
        assertThat(keyline.relay().pumpOnce().attempted()).as("nothing due before the lease ends").isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(keyline.relay().pumpOnce()).isEqualTo(new RelayReport(2, 0, 0));
        assertThat(events).allSatisfy(e -> assertThat(status(e)).isEqualTo(DeliveryStatus.DELIVERED));
    }

    /** A sink that takes {@code each} on the test clock per delivery and fails the events of the aggregates it is told. */
    private static final class Sink implements NotificationSink {
        private final TestClock clock;
        private final Duration each;
        final List<String> failing = new ArrayList<>();
        final List<String> permanent = new ArrayList<>();

        Sink(TestClock clock, Duration each) {
            this.clock = clock;
            this.each = each;
        }

        @Override
        public void deliver(Notification n) {
            clock.advance(each);
            if (failing.contains(n.aggregateId())) {
                throw new IllegalStateException("busy");
            }
            if (permanent.contains(n.aggregateId())) {
                throw new dev.keyline.spi.PermanentDeliveryException("gone");
            }
        }

        @Override
        public String name() {
            return "recorder";
        }
    }

    /** The in-memory storage with an outbox that logs the calls to claim, renew and mark, and counts transactions. */
    private static final class LoggingStorage implements StorageProvider {
        private final StorageProvider delegate;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicInteger transactionsRun = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean failMarks;
        private final Outbox outbox;
        private final Transactions transactions;

        LoggingStorage(StorageProvider delegate) {
            this.delegate = delegate;
            Outbox real = delegate.outbox();
            this.outbox = (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "markAll" -> {
                                if (failMarks) {
                                    throw new IllegalStateException("recording failed");
                                }
                                calls.add("markAll " + ((List<?>) args[0]).size());
                            }
                            case "claimDue", "renew", "markDelivered", "markFailed", "markDeadLetter" ->
                                    calls.add(method.getName());
                            default -> {
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            this.transactions = new Transactions() {
                @Override
                public <T> T execute(dev.keyline.spi.TransactionalWork<T> work) {
                    if (!delegate.transactions().isActive()) {
                        transactionsRun.incrementAndGet();
                    }
                    return delegate.transactions().execute(work);
                }

                @Override
                public <T> T read(dev.keyline.spi.TransactionalWork<T> work) {
                    return delegate.transactions().read(work);
                }

                @Override
                public boolean isActive() {
                    return delegate.transactions().isActive();
                }
            };
        }

        @Override
        public Transactions transactions() {
            return transactions;
        }

        @Override
        public Outbox outbox() {
            return outbox;
        }

        @Override
        public String name() {
            return delegate.name() + " (logged)";
        }

        @Override
        public <P> Optional<P> findPort(Class<P> type) {
            return delegate.findPort(type);
        }

        @Override
        public List<Area> areas() {
            return delegate.areas();
        }
    }
}
