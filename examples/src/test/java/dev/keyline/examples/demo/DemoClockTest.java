package dev.keyline.examples.demo;

import dev.keyline.domain.common.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoClockTest {

    private static final Instant START = Instant.parse("2024-07-01T01:00:00Z");

    @Test
    void standsStillUntilMovedOn() {
        DemoClock clock = new DemoClock(START, ZoneId.of("Asia/Shanghai"));

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(START.plusSeconds(90));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void aZonedViewMovesTogether() {
        DemoClock clock = new DemoClock(START, ZoneId.of("Asia/Shanghai"));
        Clock utc = clock.withZone(ZoneOffset.UTC);

        clock.advance(Duration.ofHours(1));

        assertThat(utc.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void neverGoesBack() {
        DemoClock clock = new DemoClock(START, ZoneOffset.UTC);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("duration");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void movesOnToAGivenTimeButNotBack() {
        DemoClock clock = new DemoClock(START, ZoneOffset.UTC);
        Instant later = START.plus(Duration.ofDays(92));

        assertThat(clock.advanceTo(later)).isEqualTo(later);
        assertThat(clock.advanceTo(later)).isEqualTo(later);
        assertThatThrownBy(() -> clock.advanceTo(START))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("target");
        assertThat(clock.instant()).isEqualTo(later);
    }
}
