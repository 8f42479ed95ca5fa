package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interleaving loop runs the raw side, each work and the two together in turns, and takes the works' extras; no timing is asserted. */
class InterleavedTimesTest {

    @Test
    void eachRoundRunsEverySideStartingFromTheNextOne() {
        List<InterleavedTimes.Period> periods = InterleavedTimes.measure(2, Duration.ofMillis(100));

        assertThat(periods).extracting(InterleavedTimes.Period::round, InterleavedTimes.Period::side).containsExactly(
                tuple(0, "raw"), tuple(0, "garbage"), tuple(0, "raw+garbage"), tuple(0, "keyline-memory"),
                tuple(0, "raw+keyline-memory"),
                tuple(1, "garbage"), tuple(1, "raw+garbage"), tuple(1, "keyline-memory"), tuple(1, "raw+keyline-memory"),
                tuple(1, "raw"));
        assertThat(periods).allSatisfy(p -> {
            assertThat(p.commands()).isPositive();
            assertThat(p.commands() % (20 * KeyAccountMix.COMMANDS)).as("whole batches of accounts").isZero();
            assertThat(p.cpuMicros()).isPositive();
            assertThat(p.toString()).startsWith("round " + p.round() + " " + p.side() + ": ");
        });
        // the garbage is allocated: its side alone allocates at least that much a command
        assertThat(periods).filteredOn(p -> p.side().equals("garbage"))
                .allSatisfy(p -> assertThat(p.allocatedBytes()).isGreaterThanOrEqualTo(InterleavedTimes.GARBAGE_BYTES));
    }

    @Test
    void theGarbageIsSmallArraysToTheBytesAsked() {
        assertThat(InterleavedTimes.garbage(48_000)).isEqualTo(1_000);
    }

    @Test
    void aWorksExtraIsTheInterleavedTimeLessBothAloneRoundByRoundWithoutTheFirstRound() {
        List<InterleavedTimes.Period> periods = List.of(
                period(0, "raw", 900), period(0, "garbage", 90), period(0, "raw+garbage", 2000),
                period(1, "raw", 25), period(1, "garbage", 1.5), period(1, "raw+garbage", 27.5),
                period(2, "raw+garbage", 30), period(2, "raw", 26), period(2, "garbage", 2),
                period(3, "garbage", 1.5), period(3, "raw", 30), period(3, "raw+garbage", 30.5));

        List<InterleavedTimes.Extra> extras = InterleavedTimes.extras(periods);

        // keyline-memory did not run, so it has no extra
        assertThat(extras).singleElement().satisfies(e -> {
            assertThat(e.work()).isEqualTo("garbage");
            assertThat(e.rounds()).isEqualTo(3);
            assertThat(e.extras()).containsExactly(1.0, 2.0, -1.0);
            assertThat(e.medianExtra()).isEqualTo(1.0);
            assertThat(e.raw()).isEqualTo(26);
            assertThat(e.alone()).isCloseTo(1.5, within(1e-9));
            assertThat(e.toString()).isEqualTo("garbage over 3 rounds: raw alone 26.00 us cpu/command, garbage alone 1.50;"
                    + " extra beside the raw side +1.00 us/command (median; 2 of 3 rounds above 0), 4 % of the raw side's time");
        });
    }

    @Test
    void tooFewRoundsAndAnEmptyPeriodAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> InterleavedTimes.measure(1, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> InterleavedTimes.measure(2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static InterleavedTimes.Period period(int round, String side, double cpuMicros) {
        return new InterleavedTimes.Period(round, side, 800, cpuMicros, 1_000);
    }
}
