package dev.keyline.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads topics back from their beginning, without a consumer group, for the tests' checks. */
final class TopicReader {

    private TopicReader() {
    }

    /** One record as read: where it was and what it held, as text. */
    record Read(String topic, int partition, long offset, String key, String value, String eventId, String type,
                String occurredAt) {
    }

    /**
     * Reads every partition of the topics from the beginning until {@code done} holds for what was
     * read so far, or the time is up (then returns what it has).
     */
    static List<Read> readUntil(KafkaTestCluster cluster, Collection<String> topics, Predicate<List<Read>> done,
                                Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = cluster.admin()) {
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        } catch (Exception e) {
            throw new IllegalStateException("describing " + topics + " failed", e);
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Read> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(read) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    read.add(new Read(r.topic(), r.partition(), r.offset(), text(r.key()), text(r.value()),
                            header(r, KafkaSink.EVENT_ID_HEADER), header(r, KafkaSink.EVENT_TYPE_HEADER),
                            header(r, KafkaSink.OCCURRED_AT_HEADER)));
                }
            }
        }
        return read;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
