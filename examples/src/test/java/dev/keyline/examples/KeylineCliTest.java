package dev.keyline.examples;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeylineCliTest {

    @Test
    void helpListsEveryCommandOnOneLine() {
        CliRun run = CliRun.of("--help");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.err()).isEmpty();
        List<String> lines = Arrays.asList(run.out().split("\n"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("  classify +\\S.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("  demo +\\S.*"));
    }

    @Test
    void aCommandsHelpShowsItsUsage() {
        CliRun run = CliRun.of("classify", "--help");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains("--spend FILE.csv", "--share", "--minimum NETWORK=AMOUNT");
    }

    @Test
    void noCommandIsBadInput() {
        CliRun run = CliRun.of();

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no command given", "classify");
    }

    @Test
    void unknownCommandIsBadInput() {
        CliRun run = CliRun.of("classfy", "--spend", "x.csv");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown command 'classfy'");
    }

    @Test
    void unknownTopLevelOptionIsBadInput() {
        CliRun run = CliRun.of("--verbose");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown option '--verbose'");
    }
}
