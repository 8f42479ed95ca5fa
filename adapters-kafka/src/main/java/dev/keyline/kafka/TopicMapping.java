package dev.keyline.kafka;

import dev.keyline.domain.common.Require;
import java.util.regex.Pattern;

/**
 * Which Kafka topic an event type goes to: every type to one topic, or a topic per area, named by
 * a prefix followed by the area (the part of the type before its first dot:
 * {@code account.churn-warning-raised} is of area {@code account}, and with the prefix
 * {@code keyline.} goes to {@code keyline.account}). A type without a dot is its own area.
 *
 * <p>Topic names follow Kafka's rules: at most {@value #MAX_TOPIC_LENGTH} characters of
 * {@code a-z A-Z 0-9 . _ -}, not {@code .} or {@code ..}. Instances are immutable.
 */
public final class TopicMapping {

    /** The longest topic name Kafka accepts. */
    public static final int MAX_TOPIC_LENGTH = 249;

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    private final String topic;
    private final String prefix;

    private TopicMapping(String topic, String prefix) {
        this.topic = topic;
        this.prefix = prefix;
    }

    /**
     * Every event type to one topic.
     *
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code topic} when it is
     *         no legal topic name
     */
    public static TopicMapping single(String topic) {
        Require.nonBlank(topic, "topic");
        requireLegal(topic, "topic");
        return new TopicMapping(topic, null);
    }

    /**
     * A topic per area: the prefix followed by the area of the event type.
     *
     * @param prefix the start of every topic name, for example {@code keyline.}
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code prefix} when it
     *         holds a character Kafka does not allow in a topic name
     */
    public static TopicMapping perArea(String prefix) {
        Require.nonBlank(prefix, "prefix");
        Require.that(LEGAL.matcher(prefix).matches(), "prefix",
                () -> "may hold only a-z, A-Z, 0-9, '.', '_' and '-', was '" + prefix + "'");
        Require.that(prefix.length() < MAX_TOPIC_LENGTH, "prefix",
                () -> "must be shorter than " + MAX_TOPIC_LENGTH + " characters, was " + prefix.length());
        return new TopicMapping(null, prefix);
    }

    /**
     * The topic for an event type.
     *
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code type} when the
     *         topic it maps to is no legal topic name
     */
    public String topicFor(String type) {
        Require.nonBlank(type, "type");
        if (topic != null) {
            return topic;
        }
        int dot = type.indexOf('.');
        String area = dot < 0 ? type : type.substring(0, dot);
        String name = prefix + area;
        requireLegal(name, "type");
        return name;
    }

    /** Whether every event type goes to one topic. */
    public boolean isSingleTopic() {
        return topic != null;
    }

    private static void requireLegal(String name, String argument) {
        Require.that(LEGAL.matcher(name).matches(), argument,
                () -> "maps to the topic '" + name + "', but a topic name may hold only a-z, A-Z, 0-9, '.', '_' and '-'");
        Require.that(name.length() <= MAX_TOPIC_LENGTH, argument,
                () -> "maps to a topic name of " + name.length() + " characters, more than Kafka's " + MAX_TOPIC_LENGTH);
        Require.that(!name.equals(".") && !name.equals(".."), argument, () -> "maps to the illegal topic name '" + name + "'");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicMapping that && java.util.Objects.equals(topic, that.topic)
                && java.util.Objects.equals(prefix, that.prefix);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(topic, prefix);
    }

    @Override
    public String toString() {
        return topic != null ? "TopicMapping[topic=" + topic + "]" : "TopicMapping[prefix=" + prefix + "]";
    }
}
