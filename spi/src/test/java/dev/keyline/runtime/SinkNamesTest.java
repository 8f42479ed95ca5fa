package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.tck.RecordingSink;
import org.junit.jupiter.api.Test;

/** The outbox keeps each sink's delivery state under the sink's name, so the builder requires usable, unique names. */
class SinkNamesTest {

    private static NotificationSink named(String name) {
        return new NotificationSink() {
            @Override
            public void deliver(Notification notification) {
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void twoSinksWithOneNameAreRefusedNamingTheName() {
        Keyline.Builder builder = Keyline.builder().storage(new InMemoryStorage())
                .sink(new RecordingSink("crm")).sink(new RecordingSink("pager")).sink(new RecordingSink("crm"));

        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two notification sinks are named 'crm'");
    }

    @Test
    void blankOrOverlongNamesAreRefused() {
        for (String bad : new String[] {null, "", "  ", "x".repeat(Keyline.Builder.MAX_SINK_NAME_LENGTH + 1)}) {
            Keyline.Builder builder = Keyline.builder().storage(new InMemoryStorage()).sink(named(bad));

            assertThatThrownBy(builder::build).as("name %s", bad).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("must be non-blank and at most " + Keyline.Builder.MAX_SINK_NAME_LENGTH);
        }
    }

    @Test
    void distinctNamesUpToTheLimitAreAccepted() {
        String longest = "x".repeat(Keyline.Builder.MAX_SINK_NAME_LENGTH);

        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).sink(named(longest)).sink(named("crm")).build();

        assertThat(keyline.sinks()).extracting(NotificationSink::name).containsExactly(longest, "crm");
    }
}
