package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-time loop runs the sides of each mix in turns, each period on a new database, and compares them; no timing is asserted. */
class CommandTimesTest {

    @Test
    void eachRoundRunsEveryMixsSidesInTurnsStartingFromTheNextSide() {
        List<CommandTimes.Period> periods = CommandTimes.measure(Database.H2, List.of("key-account", "provisioning"),
                List.of("keyline", "raw", "hibernate"), 2, Duration.ofMillis(100));

        assertThat(periods).extracting(CommandTimes.Period::mix, CommandTimes.Period::round, CommandTimes.Period::side)
                .containsExactly(
                        tuple("key-account", 0, "keyline"), tuple("key-account", 0, "raw"), tuple("key-account", 0, "hibernate"),
                        tuple("provisioning", 0, "keyline"), tuple("provisioning", 0, "raw"), tuple("provisioning", 0, "hibernate"),
                        tuple("key-account", 1, "raw"), tuple("key-account", 1, "hibernate"), tuple("key-account", 1, "keyline"),
                        tuple("provisioning", 1, "raw"), tuple("provisioning", 1, "hibernate"), tuple("provisioning", 1, "keyline"));
        assertThat(periods).allSatisfy(p -> {
            // whole units of the mix: four commands an account, three an order
            assertThat(p.commands()).isPositive();
            assertThat(p.commands() % (p.mix().equals("key-account") ? 4 : 3)).isZero();
            assertThat(p.cpuMicros()).isPositive();
            assertThat(p.wallMicros()).isPositive();
            // H2 allocates on the calling thread: every command builds rows and statements
            assertThat(p.allocatedBytes()).isGreaterThan(1_000);
            assertThat(p.toString()).startsWith(p.mix() + " round " + p.round() + " " + p.side() + ": ");
        });
    }

    @Test
    void theSummaryComparesEachRoundsPeriodsAndLeavesTheFirstRoundOut() {
        List<CommandTimes.Period> periods = List.of(
                period(0, "keyline", 500), period(0, "raw", 50),
                period(1, "keyline", 40), period(1, "raw", 30),
                period(2, "raw", 20), period(2, "keyline", 25),
                period(3, "keyline", 60), period(3, "raw", 30));
        // the bytes allocated per command: 100 times the CPU time, 4,000 and 3,000 in the middle

        List<CommandTimes.Summary> summaries = CommandTimes.summarize(periods);

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.mix()).isEqualTo("key-account");
            assertThat(s.rounds()).isEqualTo(3);
            assertThat(s.cpuMicros()).isEqualTo(Map.of("keyline", 40.0, "raw", 30.0));
            assertThat(s.wallMicros()).isEqualTo(Map.of("keyline", 45.0, "raw", 35.0));
            assertThat(s.allocatedBytes()).isEqualTo(Map.of("keyline", 4_000.0, "raw", 3_000.0));
            // each round's own ratio, 0.75, 0.8 and 0.5: the median 0.75, not 30 / 40 by chance
            assertThat(s.byCpu()).containsOnlyKeys("raw");
            assertThat(s.byCpu().get("raw")).isCloseTo(0.75, within(1e-9));
            // by the wall time 35 / 45, 25 / 30 and 35 / 65
            assertThat(s.byWall().get("raw")).isCloseTo(35.0 / 45, within(1e-9));
            assertThat(s.toString()).isEqualTo("key-account over 3 rounds: median us/command keyline 40.0 cpu 45.0 wall"
                    + " raw 30.0 cpu 35.0 wall; B allocated/command keyline 4,000 raw 3,000;"
                    + " Keyline / raw 0.75 x by cpu, 0.78 x by wall");
        });
    }

    @Test
    void hibernatesSideIsComparedWhenItRan() {
        List<CommandTimes.Period> periods = List.of(period(0, "keyline", 90), period(0, "raw", 60),
                period(0, "hibernate", 99), period(1, "raw", 30), period(1, "hibernate", 80), period(1, "keyline", 40));

        CommandTimes.Summary summary = CommandTimes.summarize(periods).get(0);

        assertThat(summary.byCpu()).containsOnlyKeys("raw", "hibernate");
        assertThat(summary.byCpu().get("hibernate")).isCloseTo(2.0, within(1e-9));
        assertThat(summary.byWall().get("hibernate")).isCloseTo(85.0 / 45, within(1e-9));
        assertThat(summary.toString()).endsWith("; Keyline / hibernate 2.00 x by cpu, 1.89 x by wall");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(CommandTimes.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(CommandTimes.median(new double[] {5, 1, 3})).isEqualTo(3);
    }

    @Test
    void unknownMixesSidesAndTooFewRoundsAreRefusedBeforeAnythingRuns() {
        Duration period = Duration.ofMillis(10);
        assertThatThrownBy(() -> CommandTimes.measure(Database.H2, List.of("billing"), List.of("keyline", "raw"), 2, period))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown mix 'billing'");
        assertThatThrownBy(() -> CommandTimes.measure(Database.H2, List.of("key-account"), List.of("keyline", "jpa"), 2,
                period)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[keyline, jpa]");
        assertThatThrownBy(() -> CommandTimes.measure(Database.H2, List.of("key-account"), List.of("raw"), 2, period))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyline and raw");
        assertThatThrownBy(() -> CommandTimes.measure(Database.H2, List.of("key-account"), List.of("keyline", "raw"), 1,
                period)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> CommandTimes.measure(Database.H2, List.of("key-account"), List.of("keyline", "raw"), 2,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static CommandTimes.Period period(int round, String side, double cpuMicros) {
        return new CommandTimes.Period("key-account", round, side, 400, cpuMicros, cpuMicros + 5, cpuMicros * 100);
    }
}
