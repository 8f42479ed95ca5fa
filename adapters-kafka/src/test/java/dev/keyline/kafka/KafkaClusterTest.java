package dev.keyline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Relay;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand events through the relay to a real three-broker KRaft cluster (replication factor
 * 3, {@code min.insync.replicas=2}), one broker killed with SIGKILL half-way and started again:
 * every event arrives at least once, and after de-duplication by event id each aggregate's events
 * arrive in the order they were written.
 */
class KafkaClusterTest {

    private static final int EVENTS = 10_000;
    private static final int AGGREGATES = 40;
    private static final String TOPIC = "keyline.events";
    private static KafkaTestCluster cluster;

    @BeforeAll
    static void startCluster() {
        // fence a dead broker after 3 s rather than 9 s, so its partitions' leadership moves quickly
        cluster = KafkaTestCluster.start(3, Map.of(
                "broker.session.timeout.ms", "3000",
                "broker.heartbeat.interval.ms", "500"));
        cluster.createTopics(Set.of(TOPIC), 6, (short) 3, Map.of("min.insync.replicas", "2"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyEventArrivesAtLeastOnceInOrderPerAggregateThoughABrokerIsKilledHalfWay() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        List<OutboxMessage> written = new ArrayList<>(EVENTS);
        int[] sequence = new int[AGGREGATES];
        for (int i = 0; i < EVENTS; i++) {
            int aggregate = (i * 7 + i / 13) % AGGREGATES;
            written.add(OutboxEvents.event("account.noted", "KA-" + aggregate, ++sequence[aggregate]));
        }
        for (int from = 0; from < EVENTS; from += 1_000) {
            List<OutboxMessage> chunk = written.subList(from, from + 1_000);
            storage.transactions().run(() -> storage.outbox().append(chunk));
        }

        try (KafkaSink sink = KafkaSink.builder().bootstrapServers(cluster.bootstrapServers())
                .topics(TopicMapping.single(TOPIC)).build()) {
            Keyline keyline = Keyline.builder().storage(storage).sink(sink).areaReactions(false)
                    .retryPolicy(new RetryPolicy(1_000, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1),
                            Duration.ofMinutes(2), 200))
                    .build();
            Relay relay = keyline.relay();
            int delivered = 0;
            boolean killed = false;
            boolean restarted = false;
            int deliveredAtKill = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (delivered < EVENTS && Instant.now().isBefore(deadline)) {
                RelayReport report = relay.pumpOnce();
                assertThat(report.deadLettered()).as("dead letters").isZero();
                delivered += report.delivered();
                if (!killed && delivered >= EVENTS / 2) {
                    cluster.kill(2);
                    killed = true;
                    deliveredAtKill = delivered;
                } else if (killed && !restarted && delivered >= deliveredAtKill + 1_500) {
                    cluster.restart(2);
                    restarted = true;
                }
                if (report.attempted() == 0) {
                    Thread.sleep(50);
                }
            }
            assertThat(killed).isTrue();
            assertThat(restarted).as("the killed broker was started again while events still flowed").isTrue();
            assertThat(delivered).isEqualTo(EVENTS);
            assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.DELIVERED, EVENTS + 1)))
                    .hasSize(EVENTS);
        }

        Set<String> expected = new java.util.HashSet<>();
        written.forEach(m -> expected.add(m.eventId().toString()));
        List<TopicReader.Read> read = TopicReader.readUntil(cluster, List.of(TOPIC),
                r -> r.stream().map(TopicReader.Read::eventId).distinct().count() >= EVENTS, Duration.ofSeconds(90));
        Map<String, TopicReader.Read> firstById = new LinkedHashMap<>();
        read.forEach(r -> firstById.putIfAbsent(r.eventId(), r));
        assertThat(firstById.keySet()).as("every event id, none lost and none foreign").isEqualTo(expected);

        // per partition in offset order, de-duplicated by event id: each aggregate's sequence is 1, 2, 3, ...
        Map<String, Integer> lastSeen = new HashMap<>();
        read.stream()
                .sorted(java.util.Comparator.comparing(TopicReader.Read::partition).thenComparing(TopicReader.Read::offset))
                .filter(r -> firstById.get(r.eventId()) == r)
                .forEach(r -> {
                    int seq = OutboxEvents.sequenceOf(r.value());
                    int previous = lastSeen.getOrDefault(r.key(), 0);
                    assertThat(seq).as("event %s of %s after %s", seq, r.key(), previous).isEqualTo(previous + 1);
                    lastSeen.put(r.key(), seq);
                });
        assertThat(lastSeen).hasSize(AGGREGATES);
    }
}
