package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A timed period runs whole batches until its time has passed, numbering their units; no timing is asserted beyond the period's length. */
class TimedPeriodTest {

    @Test
    void batchesRunUntilThePeriodHasPassedEachStartingWhereTheLastEnded() {
        List<Long> firsts = new ArrayList<>();

        TimedPeriod timed = TimedPeriod.run(Duration.ofMillis(30), first -> {
            firsts.add(first);
            return 3;
        });

        assertThat(firsts).isNotEmpty();
        for (int i = 0; i < firsts.size(); i++) {
            assertThat(firsts.get(i)).isEqualTo(3L * i);
        }
        assertThat(timed.units()).isEqualTo(3L * firsts.size());
        assertThat(timed.wallNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        assertThat(timed.cpuNanos()).isPositive();
        assertThat(timed.wallMicrosPerUnit()).isEqualTo(timed.wallNanos() / 1e3 / timed.units());
        assertThat(timed.cpuMicrosPerUnit()).isEqualTo(timed.cpuNanos() / 1e3 / timed.units());
        // HotSpot counts the thread's allocations; the batches boxed their numbers into a growing list
        assertThat(timed.allocatedBytes()).isPositive();
        assertThat(timed.allocatedBytesPerUnit()).isEqualTo((double) timed.allocatedBytes() / timed.units());
    }

    @Test
    void aFailingBatchEndsThePeriodWithItsException() {
        Exception failure = new java.sql.SQLException("database gone");

        assertThatThrownBy(() -> TimedPeriod.run(Duration.ofSeconds(10), first -> {
            throw failure;
        })).isSameAs(failure);
    }
}
