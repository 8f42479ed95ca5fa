package dev.keyline.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationEnvelope;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.RetryableDeliveryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink against one real KRaft broker: topics, keys, headers and envelope as a consumer reads
 * them, a record over the broker's size limit dead-lettered with the reason while the events after
 * it still flow, and a topic that does not exist refused for now.
 */
class KafkaSinkBrokerTest {

    private static final int BROKER_LIMIT = 64 * 1024;
    private static KafkaTestCluster cluster;

    @BeforeAll
    static void startBroker() {
        cluster = KafkaTestCluster.start(1, Map.of("message.max.bytes", Integer.toString(BROKER_LIMIT)));
        cluster.createTopics(Set.of("t1.account", "t1.authority", "t2-all", "t3-limit"), 2, (short) 1, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static KafkaSink sink(TopicMapping topics) {
        return KafkaSink.builder().bootstrapServers(cluster.bootstrapServers()).topics(topics).build();
    }

    private static Keyline runtime(InMemoryStorage storage, KafkaSink sink) {
        return Keyline.builder().storage(storage).sink(sink).areaReactions(false)
                .retryPolicy(RetryPolicy.defaults().withInitialBackoff(Duration.ofMillis(50))
                        .withMaxBackoff(Duration.ofMillis(200)))
                .build();
    }

    private static void append(InMemoryStorage storage, List<OutboxMessage> messages) {
        storage.transactions().run(() -> storage.outbox().append(messages));
    }

    @Test
    void eachEventGoesToItsAreasTopicKeyedByItsAggregateWithTheEnvelopeAndTheHeaders() {
        InMemoryStorage storage = new InMemoryStorage();
        List<OutboxMessage> messages = List.of(
                OutboxEvents.event("account.registered", "KA-1", 1),
                OutboxEvents.event("authority.price-requested", "PA-7", 1),
                OutboxEvents.event("account.tier-changed", "KA-1", 2));
        append(storage, messages);
        try (KafkaSink sink = sink(TopicMapping.perArea("t1."))) {
            RelayReport report = runtime(storage, sink).relay().pumpUntilIdle(10);
            assertThat(report.delivered()).isEqualTo(3);
        }
        List<TopicReader.Read> read = TopicReader.readUntil(cluster, List.of("t1.account", "t1.authority"),
                r -> r.size() >= 3, Duration.ofSeconds(30));
        assertThat(read).hasSize(3);
        for (OutboxMessage message : messages) {
            TopicReader.Read record = read.stream().filter(r -> r.eventId().equals(message.eventId().toString()))
                    .findFirst().orElseThrow();
            assertThat(record.topic()).isEqualTo(message.type().startsWith("account.") ? "t1.account" : "t1.authority");
            assertThat(record.key()).isEqualTo(message.aggregateId());
            assertThat(record.type()).isEqualTo(message.type());
            assertThat(record.occurredAt()).isEqualTo(message.occurredAt().toString());
            assertThat(record.value()).isEqualTo(new String(
                    NotificationEnvelope.toJson(Notification.of(message, 1)), StandardCharsets.UTF_8));
        }
        List<TopicReader.Read> ka1 = read.stream().filter(r -> r.key().equals("KA-1")).toList();
        assertThat(ka1).extracting(TopicReader.Read::partition).containsOnly(ka1.get(0).partition());
        assertThat(ka1).extracting(r -> OutboxEvents.sequenceOf(r.value())).containsExactly(1, 2);
    }

    @Test
    void oneTopicTakesEveryArea() {
        InMemoryStorage storage = new InMemoryStorage();
        append(storage, List.of(OutboxEvents.event("account.registered", "KA-2", 1),
                OutboxEvents.event("sla.breached", "SLA-1", 1)));
        try (KafkaSink sink = sink(TopicMapping.single("t2-all"))) {
            assertThat(runtime(storage, sink).relay().pumpUntilIdle(10).delivered()).isEqualTo(2);
        }
        List<TopicReader.Read> read = TopicReader.readUntil(cluster, List.of("t2-all"), r -> r.size() >= 2,
                Duration.ofSeconds(30));
        assertThat(read).extracting(TopicReader.Read::type).containsExactlyInAnyOrder("account.registered", "sla.breached");
    }

    @Test
    void aRecordOverTheBrokersLimitIsDeadLetteredWithTheReasonAndTheEventsAfterItStillFlow() {
        InMemoryStorage storage = new InMemoryStorage();
        OutboxMessage before = OutboxEvents.event("account.noted", "KA-3", 1);
        OutboxMessage tooLarge = OutboxEvents.event("account.noted", "KA-3", 2, "x".repeat(2 * BROKER_LIMIT));
        OutboxMessage after = OutboxEvents.event("account.noted", "KA-3", 3);
        append(storage, List.of(before, tooLarge, after));
        try (KafkaSink sink = sink(TopicMapping.single("t3-limit"))) {
            RelayReport report = runtime(storage, sink).relay().pumpUntilIdle(10);
            assertThat(report.delivered()).isEqualTo(2);
            assertThat(report.deadLettered()).isEqualTo(1);
            assertThat(report.retried()).isZero();
        }
        OutboxEntry dead = storage.transactions().execute(() -> storage.outbox().find(tooLarge.eventId())).orElseThrow();
        assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
        assertThat(dead.lastError()).contains("kafka").contains("RecordTooLargeException");
        List<TopicReader.Read> read = TopicReader.readUntil(cluster, List.of("t3-limit"), r -> r.size() >= 2,
                Duration.ofSeconds(30));
        assertThat(read).extracting(TopicReader.Read::eventId)
                .containsExactly(before.eventId().toString(), after.eventId().toString());
    }

    @Test
    void aConsumerThatDeduplicatesByEventIdHandlesARepublishedEventOnce() {
        OutboxMessage message = OutboxEvents.event("account.registered", "KA-5", 1);
        Notification first = Notification.of(message, 1);
        try (KafkaSink sink = sink(TopicMapping.single("t5-dedup"))) {
            cluster.createTopics(Set.of("t5-dedup"), 1, (short) 1, Map.of());
            // the same event twice, as when an acknowledgement was lost and the relay sent it again
            sink.deliver(first);
            sink.deliver(Notification.of(message, 2));
            sink.deliver(Notification.of(OutboxEvents.event("account.activated", "KA-5", 2), 1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("group.id", "dedup-example");
        p.put("auto.offset.reset", "earliest");
        List<String> handled = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(p,
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of("t5-dedup"));
            DeduplicatingConsumer events = new DeduplicatingConsumer(consumer, 10_000);
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            while (handled.size() + events.skipped() < 3 && java.time.Instant.now().isBefore(deadline)) {
                events.pollOnce(Duration.ofMillis(200), (id, envelope) -> handled.add(id));
            }
            assertThat(events.skipped()).isEqualTo(1);
        }
        assertThat(handled).hasSize(2).startsWith(message.eventId().toString());
    }

    @Test
    void aTopicThatDoesNotExistIsRetryableAndNamed() {
        try (KafkaSink sink = KafkaSink.builder().bootstrapServers(cluster.bootstrapServers())
                .topics(TopicMapping.single("t4-missing")).producerConfig(Map.of("max.block.ms", "500")).build()) {
            Notification n = Notification.of(OutboxEvents.event("account.noted", "KA-4", 1), 1);
            assertThatThrownBy(() -> sink.deliver(n)).isInstanceOf(RetryableDeliveryException.class)
                    .hasMessageContaining("t4-missing");
        }
    }
}
