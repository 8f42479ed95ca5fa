package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The find-time loop runs both sides in turns over stored orders and reports every period; no timing is asserted. */
class FindTimesTest {

    @Test
    void eachRoundTimesKeylinesFindsThenTheRawSidesOverTheStoredOrders() {
        Fixture fixture = StoredOrders.of(Database.H2, 200);

        List<FindTimes.Period> periods = FindTimes.measure(fixture, 200, 2, Duration.ofMillis(100));

        assertThat(periods).extracting(FindTimes.Period::round, FindTimes.Period::side).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "keyline"), org.assertj.core.groups.Tuple.tuple(0, "raw"),
                org.assertj.core.groups.Tuple.tuple(1, "keyline"), org.assertj.core.groups.Tuple.tuple(1, "raw"));
        assertThat(periods).allSatisfy(p -> {
            assertThat(p.finds()).isPositive();
            assertThat(p.wallMicros()).isPositive();
            assertThat(p.cpuMicros()).isPositive();
            assertThat(p.toString()).startsWith("round " + p.round() + " " + p.side() + ": ");
        });
    }
}
