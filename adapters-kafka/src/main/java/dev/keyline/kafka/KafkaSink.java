package dev.keyline.kafka;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationEnvelope;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A sink that publishes each notification as a record to Apache Kafka.
 *
 * <h2>Record</h2>
 * <ul>
 *   <li>Key: the aggregate id (UTF-8), so the events of one aggregate land in one partition and
 *       keep their order there.</li>
 *   <li>Value: the JSON envelope the webhook sends too ({@link NotificationEnvelope}).</li>
 *   <li>Headers: {@value #EVENT_ID_HEADER} (the event id, the same on every attempt),
 *       {@value #EVENT_TYPE_HEADER} and {@value #OCCURRED_AT_HEADER} (ISO-8601), as UTF-8 text.</li>
 *   <li>Topic: from the {@link TopicMapping}: one topic, or a prefix followed by the event's area.</li>
 * </ul>
 *
 * <h2>Producer</h2>
 * The sink owns one {@link KafkaProducer} and sends one record at a time, waiting for the
 * broker's acknowledgement before it returns. Unless the configuration says otherwise it is a
 * safe producer: {@code acks=all}, {@code enable.idempotence=true}, {@code linger.ms=0} (the relay
 * waits for every record, so lingering only adds latency), {@code request.timeout.ms=10000},
 * {@code delivery.timeout.ms=30000} and {@code max.block.ms=10000}. One delivery therefore takes at
 * most {@code max.block.ms + delivery.timeout.ms} and a little more; the relay's lease must be
 * longer (its default of one minute is). Key and value serialisers are the sink's own and cannot be
 * configured.
 *
 * <h2>Outcome</h2>
 * <ul>
 *   <li>Acknowledged: delivered; {@link #deliver(Notification)} returns.</li>
 *   <li>Authorisation refused, a record or batch over the size limit, a serialisation failure, an
 *       invalid topic or record: {@link PermanentDeliveryException} naming the Kafka error and its
 *       message; the entry goes to this sink's dead letters.</li>
 *   <li>Every other failure (time-outs, not enough in-sync replicas, a leader that moved, a lost
 *       connection, a topic that does not exist (yet), failed authentication, a closed sink):
 *       {@link RetryableDeliveryException} with the cause; the relay tries again later.</li>
 * </ul>
 *
 * <p>Delivery is at least once: a record whose acknowledgement was lost is sent again, so a
 * consumer de-duplicates by the {@value #EVENT_ID_HEADER} header (or the envelope's
 * {@code eventId}).
 *
 * <p>Configuration is a plain map of Kafka producer settings plus the sink's own keys
 * ({@value #TOPIC}, {@value #TOPIC_PREFIX}, {@value #NAME}):
 * <pre>{@code
 * Properties config = new Properties();
 * config.setProperty("bootstrap.servers", "kafka-1:9092,kafka-2:9092");
 * config.setProperty("keyline.topic.prefix", "keyline.");
 * try (KafkaSink sink = KafkaSink.fromProperties(config)) {
 *     Keyline keyline = Keyline.builder().storage(storage).sink(sink).build();
 *     ...
 * }
 * }</pre>
 * Instances are thread-safe; {@link #close()} closes the producer.
 */
public final class KafkaSink implements NotificationSink, AutoCloseable {

    /** The header holding the event id, by which consumers de-duplicate. */
    public static final String EVENT_ID_HEADER = "keyline-event-id";
    /** The header holding the event type. */
    public static final String EVENT_TYPE_HEADER = "keyline-event-type";
    /** The header holding when the event occurred, ISO-8601 in UTC. */
    public static final String OCCURRED_AT_HEADER = "keyline-occurred-at";

    /** Configuration key: every event to this one topic. */
    public static final String TOPIC = "keyline.topic";
    /** Configuration key: a topic per area, named by this prefix followed by the area. */
    public static final String TOPIC_PREFIX = "keyline.topic.prefix";
    /** Configuration key: the sink's name (default {@value #DEFAULT_NAME}). */
    public static final String NAME = "keyline.sink.name";

    /** The sink's name unless configured. */
    public static final String DEFAULT_NAME = "kafka";

    private static final Map<String, Object> SAFE_DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.LINGER_MS_CONFIG, "0",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<byte[], byte[]> producer;
    private final TopicMapping topics;
    private final String name;
    private final Map<String, Object> producerConfig;
    private final Duration longestWait;
    private volatile boolean closed;

    private KafkaSink(Map<String, Object> producerConfig, TopicMapping topics, String name) {
        this.producerConfig = Map.copyOf(producerConfig);
        this.topics = topics;
        this.name = name;
        this.longestWait = Duration.ofMillis(millis(producerConfig, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)
                + millis(producerConfig, ProducerConfig.MAX_BLOCK_MS_CONFIG)).plus(WAIT_MARGIN);
        try {
            this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (ConfigException e) {
            throw new InvalidArgumentException("config", "is no valid Kafka producer configuration: " + e.getMessage());
        } catch (KafkaException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new InvalidArgumentException("config", "cannot start a Kafka producer: " + e.getMessage()
                    + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")"));
        }
    }

    /**
     * A sink configured by a map: Kafka producer settings ({@code bootstrap.servers} is required)
     * together with the sink's own keys {@value #TOPIC} or {@value #TOPIC_PREFIX} (exactly one)
     * and, optionally, {@value #NAME}. Values are text or what the Kafka client accepts for the key.
     *
     * @throws InvalidArgumentException naming {@code config} when a key is missing, both topic
     *         keys are given, a serialiser is configured, or Kafka refuses the settings
     */
    public static KafkaSink fromConfig(Map<String, ?> config) {
        Require.nonNull(config, "config");
        Builder builder = builder();
        Map<String, Object> producer = new LinkedHashMap<>();
        Object topic = null;
        Object prefix = null;
        for (Map.Entry<String, ?> entry : config.entrySet()) {
            Require.that(entry.getKey() != null && entry.getValue() != null, "config",
                    () -> "must not hold null keys or values, held " + entry.getKey() + "=" + entry.getValue());
            switch (entry.getKey()) {
                case TOPIC -> topic = entry.getValue();
                case TOPIC_PREFIX -> prefix = entry.getValue();
                case NAME -> builder.name(entry.getValue().toString());
                default -> {
                    Require.that(!entry.getKey().startsWith("keyline."), "config",
                            () -> "holds the unknown sink key '" + entry.getKey() + "'; the sink knows " + List.of(TOPIC, TOPIC_PREFIX, NAME));
                    producer.put(entry.getKey(), entry.getValue());
                }
            }
        }
        Require.that(topic == null || prefix == null, "config", () -> "must give either " + TOPIC + " or " + TOPIC_PREFIX + ", not both");
        Require.that(topic != null || prefix != null, "config", () -> "must give " + TOPIC + " (one topic) or " + TOPIC_PREFIX
                + " (a topic per area)");
        builder.topics(topic != null ? TopicMapping.single(topic.toString()) : TopicMapping.perArea(prefix.toString()));
        return builder.producerConfig(producer).build();
    }

    /** A sink configured by properties; see {@link #fromConfig(Map)}. */
    public static KafkaSink fromProperties(Properties properties) {
        Require.nonNull(properties, "properties");
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            config.put(key, properties.getProperty(key));
        }
        return fromConfig(config);
    }

    /** A builder; the bootstrap servers and the topic mapping are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes the notification and returns once Kafka acknowledged it.
     *
     * @throws PermanentDeliveryException when Kafka refused it for good (authorisation, size,
     *         serialisation, an invalid topic or record) or the payload is not JSON
     * @throws RetryableDeliveryException when it may succeed later (time-outs, replicas, leaders,
     *         connections; a closed sink)
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    @Override
    public void deliver(Notification notification)
            throws PermanentDeliveryException, RetryableDeliveryException, InterruptedException {
        Require.nonNull(notification, "notification");
        if (closed) {
            throw new RetryableDeliveryException("the Kafka sink '" + name + "' is closed; event "
                    + notification.eventId() + " waits for an open one", null, null);
        }
        ProducerRecord<byte[], byte[]> record = record(notification);
        Future<RecordMetadata> sent;
        try {
            sent = producer.send(record);
        } catch (InterruptException e) {
            // the client has set the thread's interrupt flag again; hand the interrupt on as the JDK's
            Thread.interrupted();
            InterruptedException interrupted = new InterruptedException("interrupted while sending event "
                    + notification.eventId() + " to Kafka");
            interrupted.initCause(e);
            throw interrupted;
        } catch (KafkaException | IllegalStateException e) {
            throw failure(e, notification, record.topic());
        }
        try {
            sent.get(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause() != null ? e.getCause() : e, notification, record.topic());
        } catch (TimeoutException e) {
            throw new RetryableDeliveryException("no acknowledgement from Kafka within " + longestWait.toMillis()
                    + " ms for event " + notification.eventId() + " to topic " + record.topic(), null, e);
        }
    }

    /** The record for a notification: topic, key, envelope and headers. */
    ProducerRecord<byte[], byte[]> record(Notification notification) throws PermanentDeliveryException {
        String topic;
        try {
            topic = topics.topicFor(notification.type());
        } catch (InvalidArgumentException e) {
            throw new PermanentDeliveryException("event " + notification.eventId() + " of type '" + notification.type()
                    + "' has no valid topic: " + e.getMessage(), e);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                notification.aggregateId().getBytes(StandardCharsets.UTF_8), NotificationEnvelope.toJson(notification));
        record.headers()
                .add(new RecordHeader(EVENT_ID_HEADER, utf8(notification.eventId().toString())))
                .add(new RecordHeader(EVENT_TYPE_HEADER, utf8(notification.type())))
                .add(new RecordHeader(OCCURRED_AT_HEADER, utf8(notification.occurredAt().toString())));
        return record;
    }

    private KeylineException failure(Throwable cause, Notification notification, String topic) {
        String message = "Kafka refused event " + notification.eventId() + " of type '" + notification.type()
                + "' for topic " + topic + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (isPermanent(cause)) {
            return new PermanentDeliveryException(message, cause);
        }
        return new RetryableDeliveryException(message, null, cause);
    }

    /**
     * Whether a send failure is for good: authorisation refused, a record or batch too large,
     * serialisation, an invalid topic or record. Everything else may pass on another attempt.
     */
    static boolean isPermanent(Throwable cause) {
        return cause instanceof AuthorizationException
                || cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException
                || cause instanceof SerializationException
                || cause instanceof InvalidTopicException
                || cause instanceof InvalidRecordException;
    }

    /** The sink's name in logs, dead-letter reasons and the outbox's delivery state. */
    @Override
    public String name() {
        return name;
    }

    /** How event types map to topics. */
    public TopicMapping topics() {
        return topics;
    }

    /** The producer settings in effect: the safe defaults overlaid with the configured ones. */
    public Map<String, Object> producerConfig() {
        return producerConfig;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the producer, waiting up to ten seconds for records in flight; later deliveries fail
     * as retryable. Closing again does nothing.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            producer.close(CLOSE_TIMEOUT);
        }
    }

    @Override
    public String toString() {
        return "KafkaSink[" + name + " -> " + producerConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ", " + topics + "]";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long millis(Map<String, Object> config, String key) {
        Object value = config.get(key);
        try {
            return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("config", key + " must be a number of milliseconds, was '" + value + "'");
        }
    }

    /** Settings of a {@link KafkaSink}; {@link #build()} starts its producer. */
    public static final class Builder {

        private final Map<String, Object> config = new LinkedHashMap<>(SAFE_DEFAULTS);
        private TopicMapping topics;
        private String name = DEFAULT_NAME;

        private Builder() {
        }

        /** The brokers to bootstrap from, {@code host:port[,host:port...]}. Required. */
        public Builder bootstrapServers(String servers) {
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Require.nonBlank(servers, "servers").strip());
            return this;
        }

        /**
         * Kafka producer settings, laid over the safe defaults and any given before. Serialisers
         * are the sink's own and may not be given.
         *
         * @throws InvalidArgumentException naming {@code config} when a key or value is null or a
         *         serialiser is configured
         */
        public Builder producerConfig(Map<String, ?> producerConfig) {
            Require.nonNull(producerConfig, "producerConfig");
            for (Map.Entry<String, ?> entry : producerConfig.entrySet()) {
                Require.that(entry.getKey() != null && entry.getValue() != null, "config",
                        () -> "must not hold null keys or values, held " + entry.getKey() + "=" + entry.getValue());
                Require.that(!entry.getKey().equals(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
                        && !entry.getKey().equals(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG), "config",
                        () -> "must not set " + entry.getKey() + ": the sink writes keys and values as bytes itself");
                config.put(entry.getKey(), entry.getValue());
            }
            return this;
        }

        /** How event types map to topics. Required. */
        public Builder topics(TopicMapping topics) {
            this.topics = Require.nonNull(topics, "topics");
            return this;
        }

        /**
         * The sink's name; default {@value KafkaSink#DEFAULT_NAME}. It keys the sink's delivery
         * state in the outbox, so keep it stable, and give each of several Kafka sinks its own.
         */
        public Builder name(String name) {
            Require.nonBlank(name, "name");
            Require.that(name.length() <= 255, "name", () -> "must be at most 255 characters, was " + name.length());
            this.name = name;
            return this;
        }

        /**
         * Builds the sink and its producer.
         *
         * @throws InvalidArgumentException naming {@code config} when the bootstrap servers are
         *         missing or Kafka refuses the settings, or {@code topics} when no mapping is given
         */
        public KafkaSink build() {
            Require.that(config.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG), "config",
                    () -> "must give " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
            Require.nonNull(topics, "topics");
            return new KafkaSink(config, topics, name);
        }
    }
}
