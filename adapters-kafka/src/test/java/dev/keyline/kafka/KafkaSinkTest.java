package dev.keyline.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationEnvelope;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * What the sink decides without a broker: its configuration, its topics, the record it builds and
 * how it sorts Kafka's errors. The producers here point at a loopback port nobody listens on; the
 * Kafka client connects only when it sends, and these tests send only through a closed sink.
 */
class KafkaSinkTest {

    private static final String NOBODY = "127.0.0.1:9";

    private static Notification notification(String type) {
        return new Notification(EventId.random(), type, Instant.parse("2025-03-01T08:00:00Z"), "KA-0042",
                Audience.of("Churn warning for KA-0042").withAccount("KA-0042"), "{\"accountId\":\"KA-0042\",\"n\":1.50}", 1);
    }

    @Test
    void theProducerIsSafeByDefault() {
        try (KafkaSink sink = KafkaSink.builder().bootstrapServers(NOBODY).topics(TopicMapping.single("events")).build()) {
            assertThat(sink.producerConfig())
                    .containsEntry("acks", "all")
                    .containsEntry("enable.idempotence", "true")
                    .containsEntry("delivery.timeout.ms", "30000")
                    .containsEntry("linger.ms", "0")
                    .containsEntry("bootstrap.servers", NOBODY);
            assertThat(sink.name()).isEqualTo(KafkaSink.DEFAULT_NAME);
        }
    }

    @Test
    void aPlainPropertiesFileConfiguresTheSinkAndOverridesTheDefaults() {
        Properties config = new Properties();
        config.setProperty("bootstrap.servers", NOBODY);
        config.setProperty(KafkaSink.TOPIC_PREFIX, "keyline.");
        config.setProperty(KafkaSink.NAME, "kafka-events");
        config.setProperty("delivery.timeout.ms", "20000");
        config.setProperty("compression.type", "lz4");
        try (KafkaSink sink = KafkaSink.fromProperties(config)) {
            assertThat(sink.name()).isEqualTo("kafka-events");
            assertThat(sink.topics()).isEqualTo(TopicMapping.perArea("keyline."));
            assertThat(sink.producerConfig())
                    .containsEntry("delivery.timeout.ms", "20000")
                    .containsEntry("compression.type", "lz4")
                    .containsEntry("acks", "all")
                    .doesNotContainKeys(KafkaSink.TOPIC_PREFIX, KafkaSink.NAME);
        }
    }

    @Test
    void aConfigurationWithoutTopicsOrWithBothFormsOrWithSerialisersIsRefusedByName() {
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of("bootstrap.servers", NOBODY)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(KafkaSink.TOPIC);
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of("bootstrap.servers", NOBODY, KafkaSink.TOPIC, "a",
                KafkaSink.TOPIC_PREFIX, "b.")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of(KafkaSink.TOPIC, "a")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("bootstrap.servers");
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of("bootstrap.servers", NOBODY, KafkaSink.TOPIC, "a",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("value.serializer");
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of("bootstrap.servers", NOBODY, KafkaSink.TOPIC, "a",
                "keyline.topics", "b")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("keyline.topics");
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of("bootstrap.servers", NOBODY, KafkaSink.TOPIC, "a",
                "delivery.timeout.ms", "1000", "request.timeout.ms", "5000")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("delivery.timeout.ms");
        assertThatThrownBy(() -> KafkaSink.fromConfig(Map.of("bootstrap.servers", NOBODY, KafkaSink.TOPIC, "a b")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("topic");
    }

    @Test
    void typesMapToOneTopicOrToATopicPerArea() {
        assertThat(TopicMapping.single("keyline-events").topicFor("account.churn-warning-raised")).isEqualTo("keyline-events");
        TopicMapping perArea = TopicMapping.perArea("keyline.");
        assertThat(perArea.topicFor("account.churn-warning-raised")).isEqualTo("keyline.account");
        assertThat(perArea.topicFor("authority.price-approved")).isEqualTo("keyline.authority");
        assertThat(perArea.topicFor("heartbeat")).isEqualTo("keyline.heartbeat");
        assertThatThrownBy(() -> perArea.topicFor("bad area.x")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("keyline.bad area");
        assertThatThrownBy(() -> TopicMapping.perArea("a/b")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> TopicMapping.single("x".repeat(250))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("249");
    }

    @Test
    void theRecordIsKeyedByTheAggregateAndCarriesTheEnvelopeAndTheHeaders() throws Exception {
        Notification n = notification("account.churn-warning-raised");
        try (KafkaSink sink = KafkaSink.builder().bootstrapServers(NOBODY).topics(TopicMapping.perArea("k.")).build()) {
            ProducerRecord<byte[], byte[]> record = sink.record(n);
            assertThat(record.topic()).isEqualTo("k.account");
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("KA-0042");
            assertThat(record.value()).isEqualTo(NotificationEnvelope.toJson(n));
            assertThat(new String(record.headers().lastHeader(KafkaSink.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(n.eventId().toString());
            assertThat(new String(record.headers().lastHeader(KafkaSink.EVENT_TYPE_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("account.churn-warning-raised");
            assertThat(new String(record.headers().lastHeader(KafkaSink.OCCURRED_AT_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("2025-03-01T08:00:00Z");
        }
    }

    @Test
    void aPayloadThatIsNotJsonOrATypeWithoutAValidTopicIsPermanent() {
        Notification notJson = new Notification(EventId.random(), "account.x", Instant.EPOCH, "KA-1",
                Audience.of("s"), "{not json", 1);
        try (KafkaSink sink = KafkaSink.builder().bootstrapServers(NOBODY).topics(TopicMapping.perArea("k.")).build()) {
            assertThatThrownBy(() -> sink.deliver(notJson)).isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("not one valid JSON value");
            assertThatThrownBy(() -> sink.deliver(notification("bad area.x"))).isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("no valid topic");
        }
    }

    @Test
    void authorisationSizeAndSerialisationErrorsArePermanentAndTheRestRetryable() {
        assertThat(KafkaSink.isPermanent(new TopicAuthorizationException("denied"))).isTrue();
        assertThat(KafkaSink.isPermanent(new RecordTooLargeException("too large"))).isTrue();
        assertThat(KafkaSink.isPermanent(new SerializationException("bad"))).isTrue();
        assertThat(KafkaSink.isPermanent(new TimeoutException("slow"))).isFalse();
        assertThat(KafkaSink.isPermanent(new NotEnoughReplicasException("isr"))).isFalse();
        assertThat(KafkaSink.isPermanent(new NotLeaderOrFollowerException("moved"))).isFalse();
        assertThat(KafkaSink.isPermanent(new IllegalStateException("closed"))).isFalse();
    }

    @Test
    void aClosedSinkRefusesForNowSoTheRelayKeepsTheEvent() {
        KafkaSink sink = KafkaSink.builder().bootstrapServers(NOBODY).topics(TopicMapping.single("events")).build();
        sink.close();
        sink.close();
        assertThat(sink.isClosed()).isTrue();
        assertThatThrownBy(() -> sink.deliver(notification("account.x"))).isInstanceOf(RetryableDeliveryException.class)
                .hasMessageContaining("closed");
    }
}
