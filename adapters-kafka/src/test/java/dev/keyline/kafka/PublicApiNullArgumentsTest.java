package dev.keyline.kafka;

import dev.keyline.tck.KeylineSamples;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the Kafka sink rejects a null argument with an
 * {@link dev.keyline.domain.common.InvalidArgumentException} naming it, before anything is sent.
 * The sinks point at a loopback port nobody listens on.
 */
class PublicApiNullArgumentsTest {

    private static final String NOBODY = "127.0.0.1:9";

    @Test
    void everyPublicConstructorAndMethodRejectsNullNamingTheArgument() {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", NOBODY);
        properties.setProperty(KafkaSink.TOPIC, "events");
        KeylineSamples.tester()
                .value(Map.class, () -> Map.of("bootstrap.servers", NOBODY, KafkaSink.TOPIC, "events"))
                .value(Properties.class, () -> properties)
                .value(TopicMapping.class, () -> TopicMapping.single("events"))
                .instance(TopicMapping.class, () -> TopicMapping.perArea("keyline."))
                .instance(KafkaSink.class, () -> KafkaSink.builder().bootstrapServers(NOBODY)
                        .topics(TopicMapping.single("events")).build())
                .instance(KafkaSink.Builder.class, KafkaSink::builder)
                .check("dev.keyline.kafka")
                .assertClean();
    }
}
