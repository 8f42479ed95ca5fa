package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Notification;
import dev.keyline.tck.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The timer example of docs/notifications.md, run as written, so the guide stays true. */
class TimersGuideTest {

    /** The user guide's example event. */
    record NoticePosted(EventId eventId, Instant occurredAt, String aggregateId, String text) implements DomainEvent {
        @Override
        public String type() {
            return "host.notice-posted";
        }
    }

    private static final String CODE = """
            keyline.run(command -> command.schedule("host.reservation-expiry/R-17",
                    new NoticePosted(EventId.random(), command.now().plus(Duration.ofDays(7)), "R-17", "reservation R-17 expires")));
            """;

    @Test
    void theGuidesTimerIsDeliveredAfterSevenDaysAndNotBefore() {
        TestClock clock = TestClock.standard();
        List<Notification> received = new CopyOnWriteArrayList<>();
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).sink(received::add).build();

        keyline.run(command -> command.schedule("host.reservation-expiry/R-17",
                new NoticePosted(EventId.random(), command.now().plus(Duration.ofDays(7)), "R-17", "reservation R-17 expires")));

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(keyline.relay().pumpUntilIdle(10).delivered()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(keyline.relay().pumpUntilIdle(10).delivered()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(n -> assertThat(n.payload()).contains("reservation R-17 expires"));
    }

    @Test
    void theGuideShowsThisCodeWordForWord() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "notifications.md"), StandardCharsets.UTF_8);
        assertThat(guide).contains(CODE);
    }
}
