package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.NotificationSink;
import dev.keyline.tck.RecordingSink;
import dev.keyline.tck.TestClock;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeylineBuilderTest {

    @Test
    void withoutAStorageProviderTheBuildFailsWithAConfigurationError() {
        assertThatThrownBy(() -> Keyline.builder().sink(new RecordingSink("s")).build())
                .isInstanceOf(ConfigurationException.class).isInstanceOf(KeylineException.class)
                .hasMessageContaining("storage")
                .satisfies(e -> assertThat(((KeylineException) e).reason()).isEqualTo(ReasonCode.CONFIGURATION));
    }

    @Test
    void aSecondStorageProviderIsRejected() {
        Keyline.Builder builder = Keyline.builder().storage(new InMemoryStorage());
        assertThatThrownBy(() -> builder.storage(new InMemoryStorage()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("exactly one");
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        Keyline.Builder builder = Keyline.builder();
        assertThatThrownBy(() -> builder.storage(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> builder.sink(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sink");
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> builder.retryPolicy(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("retryPolicy");
        assertThatThrownBy(() -> builder.sinks(java.util.Arrays.asList(new RecordingSink("a"), null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sinks[1]");
    }

    @Test
    void theRuntimeExposesWhatItWasBuiltWith() {
        InMemoryStorage storage = new InMemoryStorage();
        TestClock clock = TestClock.standard();
        RecordingSink first = new RecordingSink("first");
        RecordingSink second = new RecordingSink("second");
        RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(2);

        Keyline keyline = Keyline.builder().storage(storage).clock(clock).sink(first).sinks(List.of(second))
                .retryPolicy(policy).build();

        assertThat(keyline.storage()).isSameAs(storage);
        assertThat(keyline.transactions()).isSameAs(storage.transactions());
        assertThat(keyline.clock()).isSameAs(clock);
        assertThat(keyline.sinks()).containsExactly(first, second);
        assertThat(keyline.retryPolicy()).isEqualTo(policy);
        assertThat(keyline.json()).isNotNull();
        assertThat(keyline.relay()).isSameAs(keyline.relay());
    }

    @Test
    void theDefaultsAreTheSystemUtcClockInMicrosecondTicksAndTheDefaultPolicy() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).build();
        assertThat(keyline.clock()).isEqualTo(Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000)));
        assertThat(keyline.clock().instant().getNano() % 1_000).isZero();
        assertThat(keyline.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(keyline.sinks()).isEmpty();
    }

    @Test
    void sinksAreDiscoveredOnlyWhenTheHostOptsIn(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(NotificationSink.class.getName()), DiscoverableSink.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Keyline plain = Keyline.builder().storage(new InMemoryStorage()).build();
            Keyline discovering = Keyline.builder().storage(new InMemoryStorage()).discoverSinks(loader).build();

            assertThat(plain.sinks()).isEmpty();
            assertThat(discovering.sinks()).singleElement().isInstanceOf(DiscoverableSink.class);
        }
    }

    @Test
    void aListedSinkThatCannotBeLoadedIsAConfigurationError(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(NotificationSink.class.getName()), "no.such.Sink\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> Keyline.builder().storage(new InMemoryStorage()).discoverSinks(loader))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("no.such.Sink");
        }
    }

    /** A sink found through ServiceLoader in the discovery test. */
    public static final class DiscoverableSink implements NotificationSink {

        /** Required by ServiceLoader. */
        public DiscoverableSink() {
        }

        @Override
        public void deliver(dev.keyline.spi.Notification notification) {
            // accepts everything
        }
    }
}
