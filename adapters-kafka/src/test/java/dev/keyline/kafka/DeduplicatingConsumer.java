package dev.keyline.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The consumer the notifications guide shows: Keyline publishes at least once, so a consumer
 * handles each event id once and skips the copies. It remembers the last {@code capacity} ids it
 * handled; copies arrive close to the original (a retried send lands right after it in the same
 * partition), so a window of ids is enough. A consumer whose handling writes to a database keeps
 * the handled ids there instead, in the same transaction as its effects.
 */
final class DeduplicatingConsumer {

    private final Consumer<byte[], byte[]> consumer;
    private final Map<String, Boolean> handled;
    private long skipped;

    DeduplicatingConsumer(Consumer<byte[], byte[]> consumer, int capacity) {
        this.consumer = consumer;
        this.handled = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Polls once and hands each event not handled before to {@code handler} as (event id, envelope JSON). */
    void pollOnce(Duration timeout, BiConsumer<String, String> handler) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            Header id = record.headers().lastHeader(KafkaSink.EVENT_ID_HEADER);
            String eventId = new String(id.value(), StandardCharsets.UTF_8);
            if (handled.putIfAbsent(eventId, Boolean.TRUE) != null) {
                skipped++;
                continue;
            }
            handler.accept(eventId, new String(record.value(), StandardCharsets.UTF_8));
        }
    }

    /** How many copies were skipped so far. */
    long skipped() {
        return skipped;
    }
}
