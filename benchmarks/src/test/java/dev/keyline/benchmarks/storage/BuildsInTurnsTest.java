package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Two builds taking turns in one JVM, here the same build twice (the test's own class path): each
 * round runs build A's sides, then build B's, each in classes of its own; no timing is asserted.
 */
class BuildsInTurnsTest {

    private static final String THIS_BUILD = System.getProperty("java.class.path");

    @Test
    void eachRoundTimesBothSidesOfBuildAThenOfBuildBInClassesOfTheirOwn() {
        List<BuildsInTurns.Period> periods = BuildsInTurns.measure("find", 3, 200, Duration.ofMillis(100),
                List.of(THIS_BUILD, THIS_BUILD));

        String a = periods.get(0).build();
        String b = periods.get(1).build();
        assertThat(a).startsWith("A ");
        assertThat(b).startsWith("B ");
        assertThat(periods).extracting(BuildsInTurns.Period::round, BuildsInTurns.Period::build).containsExactly(
                Tuple.tuple(0, a), Tuple.tuple(0, b), Tuple.tuple(1, a), Tuple.tuple(1, b), Tuple.tuple(2, a),
                Tuple.tuple(2, b));
        assertThat(periods).allSatisfy(p -> {
            assertThat(p.keylineMicros()).isPositive();
            assertThat(p.rawMicros()).isPositive();
            assertThat(p.ratio()).isEqualTo(p.rawMicros() / p.keylineMicros());
        });
        List<BuildsInTurns.Summary> summaries = BuildsInTurns.summarize(periods);
        assertThat(summaries).extracting(BuildsInTurns.Summary::build).containsExactly(a, b);
        // the rounds after the two of warm-up: the third only
        assertThat(summaries.get(0).ratios()).containsExactly(periods.get(4).ratio());
        assertThat(summaries.get(1).median()).isEqualTo(periods.get(5).ratio());
    }

    @Test
    void aCommandMixKeepsTheSecondOfItsTwoRoundsOnNewDatabases() {
        List<BuildsInTurns.Period> periods = BuildsInTurns.measure("reservation", 1, 0, Duration.ofMillis(100),
                List.of(THIS_BUILD, THIS_BUILD));

        assertThat(periods).hasSize(2).allSatisfy(p -> {
            assertThat(p.keylineMicros()).isPositive();
            assertThat(p.rawMicros()).isPositive();
        });
        assertThat(BuildsInTurns.summarize(periods)).as("no round after the warm-up").isEmpty();
    }

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        List<BuildsInTurns.Period> periods = List.of(new BuildsInTurns.Period(0, "A", 1, 1),
                new BuildsInTurns.Period(1, "A", 1, 1), new BuildsInTurns.Period(2, "A", 10, 8),
                new BuildsInTurns.Period(3, "A", 10, 6), new BuildsInTurns.Period(4, "A", 10, 9),
                new BuildsInTurns.Period(5, "A", 10, 7));

        BuildsInTurns.Summary summary = BuildsInTurns.summarize(periods).get(0);

        assertThat(summary.ratios()).containsExactly(0.8, 0.6, 0.9, 0.7);
        assertThat(summary.median()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(summary.mean()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anUnknownWorkloadOrAMissingBuildIsNamed() {
        assertThatThrownBy(() -> BuildsInTurns.measure("delete", 1, 0, Duration.ofMillis(100),
                List.of(THIS_BUILD, THIS_BUILD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown workload 'delete'")
                .hasMessageContaining("key-account");
        assertThatThrownBy(() -> BuildsInTurns.measure("find", 1, 200, Duration.ofMillis(100),
                List.of(THIS_BUILD, "no-such-build.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no build at no-such-build.jar");
        assertThatThrownBy(() -> BuildsInTurns.measure("find", 1, 200, Duration.ofMillis(100), List.of(THIS_BUILD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two builds are compared, got 1");
    }
}
