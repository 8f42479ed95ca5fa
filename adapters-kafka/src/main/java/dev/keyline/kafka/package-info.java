/**
 * A notification sink that publishes Keyline's events to Apache Kafka: {@link dev.keyline.kafka.KafkaSink},
 * with its mapping of event types to topics, {@link dev.keyline.kafka.TopicMapping}.
 */
package dev.keyline.kafka;
