package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.StorageException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.TransactionalWork;
import dev.keyline.spi.Transactions;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.FixtureEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayScheduleTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    /** A real in-memory storage whose transactions fail a given number of times, like a database that is briefly down. */
    private static final class BrieflyDownStorage implements StorageProvider {
        private final InMemoryStorage delegate = new InMemoryStorage();
        private final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public Transactions transactions() {
            Transactions real = delegate.transactions();
            return new Transactions() {
                @Override
                public <T> T execute(TransactionalWork<T> work) {
                    if (!real.isActive() && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new StorageException("connection refused", "08001", null);
                    }
                    return real.execute(work);
                }

                @Override
                public <T> T read(TransactionalWork<T> work) {
                    return real.read(work);
                }

                @Override
                public boolean isActive() {
                    return real.isActive();
                }
            };
        }

        @Override
        public Outbox outbox() {
            return delegate.outbox();
        }

        @Override
        public String name() {
            return "briefly-down";
        }
    }

    @Test
    void aFailingRunNeitherStopsTheScheduleNorLosesTheEvent() throws InterruptedException {
        BrieflyDownStorage storage = new BrieflyDownStorage();
        TestClock clock = TestClock.standard();
        CountDownLatch delivered = new CountDownLatch(1);
        NotificationSink sink = (Notification n) -> delivered.countDown();
        Keyline keyline = Keyline.builder().storage(storage).clock(clock).sink(sink).build();
        keyline.run(ctx -> ctx.publish(FixtureEvent.about("a", clock.instant(), "x")));
        storage.failuresLeft.set(3);

        keyline.relay().start(executor, Duration.ofMillis(5));

        assertThat(delivered.await(30, TimeUnit.SECONDS)).as("delivered after the storage came back").isTrue();
        assertThat(keyline.relay().isRunning()).isTrue();
        assertThat(keyline.relay().lastFailure()).get().isInstanceOf(StorageException.class);
        keyline.relay().stop();
        assertThat(keyline.relay().isRunning()).isFalse();
    }

    @Test
    void aRelayCannotBeStartedTwiceButCanBeRestartedAfterStop() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).build();
        keyline.relay().start(executor, Duration.ofSeconds(1));

        assertThatThrownBy(() -> keyline.relay().start(executor, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("already started");
        keyline.relay().stop();
        keyline.relay().start(executor, Duration.ofSeconds(1));
        assertThat(keyline.relay().isRunning()).isTrue();
        keyline.relay().stop();
    }

    @Test
    void invalidScheduleArgumentsAreRejectedByName() {
        Relay relay = Keyline.builder().storage(new InMemoryStorage()).build().relay();
        assertThatThrownBy(() -> relay.start(null, Duration.ofSeconds(1))).hasMessageContaining("executor");
        assertThatThrownBy(() -> relay.start(executor, Duration.ZERO)).hasMessageContaining("interval");
        assertThatThrownBy(() -> relay.pumpUntilIdle(0)).hasMessageContaining("maxRounds");
        assertThatThrownBy(() -> relay.deadLetters(0)).hasMessageContaining("limit");
    }
}
