package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.EventId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.fixture.FixtureEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Two relays on one storage, one of them stalled past its lease, on the storage of
 * {@link StorageProviderContract} (which runs this contract for every provider): each event is
 * delivered, no DELIVERED entry ever goes back, and the order per aggregate holds. The stalled
 * relay's late marks change nothing and are reported as stale; a claim it lost before delivering
 * is not delivered by it; a relay renews a claim just before delivering it when less than nine
 * tenths of the lease is left, so a slow batch does not lose the delivery in hand; and a batch whose
 * outcomes are recorded together, one of its claims taken over meanwhile, records the others.
 *
 * <p>Both relays deliver to a sink of the same name ({@value #SINK}), as two hosts with the same
 * configuration would; what reaches the receiver is recorded in one shared log.
 */
public abstract class RelayLeaseContract {

    private static final String SINK = "crm";
    private static final long WAIT_SECONDS = 30;
    private static final RetryPolicy POLICY = RetryPolicy.defaults().withLease(Duration.ofMinutes(1));

    /** The storage of the current test. */
    protected abstract StorageProvider storage();

    /** The clock of the current test. */
    protected abstract TestClock clock();

    private Keyline relayWith(NotificationSink sink) {
        return Keyline.builder().storage(storage()).clock(clock()).retryPolicy(POLICY).sink(sink).build();
    }

    private List<FixtureEvent> publish(Keyline keyline, String... aggregates) {
        List<FixtureEvent> events = new ArrayList<>();
        for (String a : aggregates) {
            events.add(FixtureEvent.about(a, clock().instant(), "n" + events.size()));
        }
        keyline.run(ctx -> events.forEach(ctx::publish));
        return events;
    }

    private Map<EventId, DeliveryStatus> statuses(List<FixtureEvent> events) {
        Map<EventId, DeliveryStatus> statuses = new TreeMap<>(java.util.Comparator.comparing(EventId::toString));
        for (FixtureEvent e : events) {
            statuses.put(e.eventId(), storage().transactions().execute(() -> storage().outbox().find(e.eventId()))
                    .map(OutboxEntry::status).orElseThrow());
        }
        return statuses;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the other relay did not reach the expected point; the storage may be dead-locked");
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static List<EventId> ids(List<FixtureEvent> events, String aggregate) {
        return events.stream().filter(e -> e.aggregateId().equals(aggregate)).map(FixtureEvent::eventId).toList();
    }

    @Test
    void aRelayStalledPastItsLeaseCannotTurnAnotherRelaysDeliveryBack() throws Exception {
        List<Notification> received = new ArrayList<>();
        StallingSink stalled = new StallingSink(received, true);
        Keyline first = relayWith(stalled);
        Keyline second = relayWith(new StallingSink(received, false));
        List<FixtureEvent> events = publish(first, "agg-1", "agg-1", "agg-2", "agg-1");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<RelayReport> firstRun = thread.submit(() -> first.relay().pumpOnce());
            await(stalled.entered);

            clock().advance(POLICY.lease().plusSeconds(1));
            RelayReport secondRun = second.relay().pumpUntilIdle(10);
            Map<EventId, DeliveryStatus> delivered = statuses(events);
            stalled.release.countDown();
            RelayReport firstReport = await(firstRun);

            assertThat(secondRun.delivered()).as("the second relay took over every event").isEqualTo(events.size());
            assertThat(delivered.values()).containsOnly(DeliveryStatus.DELIVERED);
            assertThat(firstReport.stale()).as("the stalled relay's failure mark and its lost second claim").isEqualTo(2);
            assertThat(firstReport.retried()).as("its failure was not recorded").isZero();
            assertThat(statuses(events)).as("no DELIVERED entry goes back").isEqualTo(delivered);
            clock().advance(Duration.ofHours(1));
            assertThat(first.relay().pumpUntilIdle(5).attempted()).isZero();
            assertThat(second.relay().pumpUntilIdle(5).attempted()).isZero();
            for (FixtureEvent e : events) {
                OutboxEntry entry = storage().transactions().execute(() -> storage().outbox().find(e.eventId())).orElseThrow();
                assertThat(entry.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(entry.delivery(SINK).orElseThrow().attempts()).as("attempts recorded for %s", e.eventId())
                        .isEqualTo(1);
            }
            List<EventId> accepted = received.stream().map(Notification::eventId).toList();
            assertThat(accepted).as("each event delivered once").containsExactlyInAnyOrderElementsOf(
                    events.stream().map(FixtureEvent::eventId).toList());
            for (String aggregate : List.of("agg-1", "agg-2")) {
                assertThat(accepted).as("order of %s", aggregate).filteredOn(ids(events, aggregate)::contains)
                        .containsExactlyElementsOf(ids(events, aggregate));
            }
            assertThat(stalled.offered).as("the stalled relay offered only the event it was stalled on")
                    .containsExactly(events.get(0).eventId());
        } finally {
            stalled.release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void aRelayStalledPastItsLeaseWhileTheSinkAcceptsRecordsNothingAndDeliversNothingMore() throws Exception {
        List<Notification> received = new ArrayList<>();
        StallingSink stalled = new StallingSink(received, false);
        stalled.stallFirst = true;
        Keyline first = relayWith(stalled);
        Keyline second = relayWith(new StallingSink(received, false));
        List<FixtureEvent> events = publish(first, "agg-1", "agg-2", "agg-1");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<RelayReport> firstRun = thread.submit(() -> first.relay().pumpOnce());
            await(stalled.entered);

            clock().advance(POLICY.lease().plusSeconds(1));
            second.relay().pumpUntilIdle(10);
            Map<EventId, DeliveryStatus> delivered = statuses(events);
            stalled.release.countDown();
            RelayReport firstReport = await(firstRun);

            assertThat(delivered.values()).containsOnly(DeliveryStatus.DELIVERED);
            assertThat(firstReport).isEqualTo(new RelayReport(0, 0, 0, 2));
            assertThat(statuses(events)).isEqualTo(delivered);
            assertThat(stalled.offered).containsExactly(events.get(0).eventId());
            List<EventId> firstAcceptances = received.stream().map(Notification::eventId).distinct().toList();
            assertThat(firstAcceptances).filteredOn(ids(events, "agg-1")::contains)
                    .containsExactlyElementsOf(ids(events, "agg-1"));
            assertThat(received).as("at least once: the stalled delivery arrives as a duplicate")
                    .hasSize(events.size() + 1);
        } finally {
            stalled.release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void aRelayRenewsEachClaimBeforeDeliveringSoASlowBatchKeepsTheDeliveryInHand() {
        List<Notification> received = new ArrayList<>();
        List<RelayReport> secondRuns = new ArrayList<>();
        Keyline[] second = new Keyline[1];
        // each delivery takes 50 s of the 60 s lease; during the second one the other relay pumps
        SlowSink slow = new SlowSink(received, Duration.ofSeconds(50),
                n -> secondRuns.add(second[0].relay().pumpOnce()));
        Keyline first = relayWith(slow);
        second[0] = relayWith(new StallingSink(received, false));
        List<FixtureEvent> events = publish(first, "agg-1", "agg-2", "agg-3");

        RelayReport firstReport = first.relay().pumpOnce();

        assertThat(secondRuns).hasSize(1);
        assertThat(secondRuns.get(0)).as("the other relay takes over only the delivery not yet in hand")
                .isEqualTo(new RelayReport(1, 0, 0));
        assertThat(firstReport).isEqualTo(new RelayReport(2, 0, 0, 1));
        assertThat(received).extracting(Notification::eventId).as("each event delivered once")
                .containsExactlyInAnyOrderElementsOf(events.stream().map(FixtureEvent::eventId).toList());
        assertThat(statuses(events).values()).containsOnly(DeliveryStatus.DELIVERED);
    }

    @Test
    void aBatchWhoseOneClaimWentStaleRecordsTheOtherOutcomesAndCountsOneStale() {
        List<Notification> received = new ArrayList<>();
        List<RelayReport> secondRuns = new ArrayList<>();
        Keyline[] second = new Keyline[1];
        // while the batch's last event is delivered, its lease runs out and another relay, claiming
        // one delivery at a time, takes over the batch's first one, whose outcome is kept unrecorded
        SlowSink slow = new SlowSink(received, Duration.ZERO, n -> { });
        slow.onCall(3, n -> {
            clock().advance(POLICY.lease().plusSeconds(1));
            secondRuns.add(second[0].relay().pumpOnce());
        });
        Keyline first = Keyline.builder().storage(storage()).clock(clock()).retryPolicy(POLICY).sink(slow)
                .areaReactions(false).build();
        second[0] = Keyline.builder().storage(storage()).clock(clock()).retryPolicy(POLICY.withBatchSize(1))
                .sink(new StallingSink(received, false)).areaReactions(false).build();
        List<FixtureEvent> events = publish(first, "agg-1", "agg-2", "agg-3");

        RelayReport firstReport = first.relay().pumpOnce();

        assertThat(secondRuns).as("the other relay took over the first delivery").containsExactly(new RelayReport(1, 0, 0));
        assertThat(firstReport).as("the batch's two other outcomes recorded, the taken-over one stale")
                .isEqualTo(new RelayReport(2, 0, 0, 1));
        assertThat(statuses(events).values()).containsOnly(DeliveryStatus.DELIVERED);
        for (FixtureEvent e : events) {
            OutboxEntry entry = storage().transactions().execute(() -> storage().outbox().find(e.eventId())).orElseThrow();
            assertThat(entry.delivery(SINK).orElseThrow().attempts()).as("attempts recorded for %s", e.eventId()).isEqualTo(1);
        }
        assertThat(received).extracting(Notification::eventId).as("at least once: the taken-over event twice")
                .containsExactlyInAnyOrder(events.get(0).eventId(), events.get(0).eventId(), events.get(1).eventId(),
                        events.get(2).eventId());
    }

    /**
     * A sink named {@value #SINK} that records what it accepts in a shared log; when told to, it
     * stalls on its first delivery until released and then fails (or accepts).
     */
    private static final class StallingSink implements NotificationSink {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<EventId> offered = new ArrayList<>();
        private final List<Notification> received;
        private final boolean failAfterStall;
        boolean stallFirst;

        StallingSink(List<Notification> received, boolean failAfterStall) {
            this.received = received;
            this.failAfterStall = failAfterStall;
            this.stallFirst = failAfterStall;
        }

        @Override
        public void deliver(Notification n) throws Exception {
            boolean stall;
            synchronized (this) {
                offered.add(n.eventId());
                stall = stallFirst && offered.size() == 1;
            }
            if (stall) {
                entered.countDown();
                await(release);
                if (failAfterStall) {
                    throw new IOException("connection reset after a long stall");
                }
            }
            synchronized (received) {
                received.add(n);
            }
        }

        @Override
        public String name() {
            return SINK;
        }
    }

    /** A sink named {@value #SINK} whose every delivery takes a while on the test clock, running hooks during given calls. */
    private final class SlowSink implements NotificationSink {

        private final List<Notification> received;
        private final Duration each;
        private final Map<Integer, Consumer<Notification>> hooks = new TreeMap<>();
        private int calls;

        SlowSink(List<Notification> received, Duration each, Consumer<Notification> duringSecond) {
            this.received = received;
            this.each = each;
            hooks.put(2, duringSecond);
        }

        /** Runs {@code hook} during the {@code call}-th delivery (counting from 1) instead. */
        void onCall(int call, Consumer<Notification> hook) {
            hooks.put(call, hook);
        }

        @Override
        public void deliver(Notification n) {
            clock().advance(each);
            Consumer<Notification> hook = hooks.get(++calls);
            if (hook != null) {
                hook.accept(n);
            }
            synchronized (received) {
                received.add(n);
            }
        }

        @Override
        public String name() {
            return SINK;
        }
    }
}
