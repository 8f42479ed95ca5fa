package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two relays claiming from one outbox at the same time, on a real database: no delivery is
 * claimed twice, and an aggregate's entries are still handed out one at a time per sink, in order.
 */
abstract class OutboxConcurrencyContract {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant LEASE = T0.plus(Duration.ofHours(1));

    private JdbcStorage storage;
    private ExecutorService relays;

    /** The database to run on. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyOutbox() {
        storage = TestDatabases.emptyStorage(dataSource());
        relays = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopRelays() throws InterruptedException {
        relays.shutdownNow();
        assertThat(relays.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_relay_skips_what_another_relay_holds_and_the_rest_of_those_aggregates_without_waiting() throws Exception {
        append(message("A-1"), message("B-1"), message("A-2"), message("C-1"), message("B-2"));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);

        Future<List<OutboxClaim>> first = relays.submit(() -> storage.transactions().execute(() -> {
            List<OutboxClaim> claimed = storage.outbox().claimDue(T0, Set.of("crm"), 2, LEASE);
            firstClaimed.countDown();
            awaitQuietly(mayCommit);
            return claimed;
        }));
        awaitQuietly(firstClaimed);
        List<OutboxClaim> second = storage.transactions().execute(() -> storage.outbox().claimDue(T0, Set.of("crm"), 10, LEASE));
        mayCommit.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).extracting(c -> c.message().audience().subject())
                .containsExactly("A-1", "B-1");
        assertThat(second).extracting(c -> c.message().audience().subject()).containsExactly("C-1");
        List<OutboxEntry> inFlight = storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.IN_FLIGHT, 10));
        assertThat(inFlight).extracting(OutboxConcurrencyContract::name).containsExactly("A-1", "B-1", "C-1");
        assertThat(inFlight).allSatisfy(e -> assertThat(e.nextAttemptAt()).isEqualTo(LEASE));
    }

    @Test
    void two_relays_deliver_every_entry_exactly_once_to_each_sink_and_in_order_per_aggregate_and_sink() throws Exception {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            messages.add(message("AGG" + (i % 6) + "-" + i));
        }
        append(messages.toArray(OutboxMessage[]::new));
        List<OutboxClaim> claims = Collections.synchronizedList(new ArrayList<>());

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int relay = 0; relay < 2; relay++) {
            running.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                relayUntilEmpty(claims);
            }, relays));
        }
        start.countDown();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        for (String sink : SINKS) {
            List<OutboxClaim> ofSink = claims.stream().filter(c -> c.sink().equals(sink)).toList();
            assertThat(ofSink).extracting(e -> e.message().eventId()).as("claims for %s", sink).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(messages.stream().map(OutboxMessage::eventId).toList());
            Map<String, List<Long>> perAggregate = ofSink.stream().collect(Collectors.groupingBy(
                    e -> e.message().aggregateId(), Collectors.mapping(OutboxClaim::sequence, Collectors.toList())));
            assertThat(perAggregate).hasSize(6).allSatisfy((aggregate, sequences) -> assertThat(sequences).isSorted());
        }
        assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.DELIVERED, 100))).hasSize(60);
    }

    private void relayUntilEmpty(List<OutboxClaim> claims) {
        int idleRounds = 0;
        while (idleRounds < 3) {
            List<OutboxClaim> claimed = storage.transactions().execute(() -> storage.outbox().claimDue(T0, SINKS, 4, LEASE));
            if (claimed.isEmpty()) {
                idleRounds++;
                boolean anyOpen = storage.transactions().execute(() -> !storage.outbox().list(DeliveryStatus.PENDING, 1).isEmpty()
                        || !storage.outbox().list(DeliveryStatus.IN_FLIGHT, 1).isEmpty());
                if (!anyOpen) {
                    return;
                }
                Thread.onSpinWait();
                idleRounds = 0;
                continue;
            }
            claims.addAll(claimed);
            storage.transactions().run(() -> claimed.forEach(c -> assertThat(storage.outbox().markDelivered(c, T0.plusSeconds(1)))
                    .as("the claim holds").isTrue()));
        }
    }

    private void append(OutboxMessage... messages) {
        storage.transactions().run(() -> storage.outbox().append(List.of(messages)));
    }

    /** A message whose aggregate is the part of {@code name} before the dash. */
    private static OutboxMessage message(String name) {
        String aggregate = name.substring(0, name.indexOf('-'));
        return new OutboxMessage(EventId.random(), aggregate, "test.happened", T0, Audience.of(name), "{\"name\":\"" + name + "\"}");
    }

    private static String name(OutboxEntry entry) {
        return entry.message().audience().subject();
    }

    private static final Set<String> SINKS = Set.of("crm", "pager");

    private static void awaitQuietly(CountDownLatch latch) {
        Latches.await(latch, 60, "latch never opened");
    }
}
