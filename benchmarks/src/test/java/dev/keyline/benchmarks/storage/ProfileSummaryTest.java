package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The summary charges each sample to the leaf-most known library and counts the benchmark thread's alone. */
class ProfileSummaryTest {

    private static final String MIX = "dev/keyline/benchmarks/storage/KeyAccountMix.run";

    /** The markdown of a profile of these collapsed lines, titled {@code title}. */
    private static String summary(String title, String... lines) {
        ProfileSummary summary = new ProfileSummary();
        for (String line : lines) {
            summary.add(line);
        }
        return summary.markdown(title);
    }

    @Test
    void aSampleGoesToTheLeafMostKnownOwner() {
        String md = summary("KeyAccountMixBenchmark.mix-H2-keyline",
                MIX + ";dev/keyline/runtime/Keyline.execute;org/h2/command/Command.executeUpdate;java/util/HashMap.put 6",
                MIX + ";dev/keyline/runtime/Keyline.execute;java/util/HashMap.put 3",
                MIX + ";dev/keyline/runtime/Keyline.execute;com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString;"
                        + "java/lang/reflect/Method.invoke 1");

        assertThat(md).contains("##### KeyAccountMixBenchmark.mix-H2-keyline")
                .contains("10 samples of the benchmark's thread (of 10 in the profile)")
                .contains("| H2 (the database, in process) | 60.0 % |")
                .contains("| Keyline | 30.0 % |")
                .contains("| Jackson (events to JSON) | 10.0 % |")
                // Keyline's own work is its samples and Jackson's, 4 of 10; H2's are not
                .contains("its code, Jackson's and Guava's: 40.0 % of the samples")
                .contains("| `dev.keyline.runtime.Keyline.execute` | 100.0 % |");
    }

    @Test
    void otherThreadsAreLeftOutAndAFrameCountsOncePerSample() {
        String md = summary("t",
                "GCTaskThread::run;PSScavenge::invoke 50",
                MIX + ";dev/keyline/jdbc/Row.string;dev/keyline/jdbc/Row.string;java/lang/String.equals 4");

        assertThat(md).contains("4 samples of the benchmark's thread (of 54 in the profile)")
                .contains("| Keyline | 100.0 % |")
                .contains("| `dev.keyline.jdbc.Row.string` | 100.0 % |")
                .doesNotContain("PSScavenge");
    }

    @Test
    void theDatabasesSamplesAreNotKeylinesOwnWork() {
        String md = summary("t",
                MIX + ";dev/keyline/jdbc/PendingWrites.flush;org/h2/command/Command.executeUpdate 9",
                MIX + ";dev/keyline/jdbc/Row.string 1");

        assertThat(md).contains("| `dev.keyline.jdbc.Row.string` | 100.0 % |").doesNotContain("PendingWrites.flush");
    }

    @Test
    void methodsBelowTheLeastShareAreNotListed() {
        String md = summary("t",
                MIX + ";dev/keyline/runtime/Keyline.execute 99",
                MIX + ";dev/keyline/jdbc/Rare.call 1");

        assertThat(md).contains("`dev.keyline.runtime.Keyline.execute`").doesNotContain("Rare.call");
    }

    @Test
    void aLineWithoutACountIsRejectedNamingIt() {
        assertThatThrownBy(() -> new ProfileSummary().add(MIX + ";x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(MIX + ";x");
    }
}
