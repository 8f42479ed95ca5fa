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

    @Test
    void versionPrintsTheProjectsVersion() {
        String expected = System.getProperty("keyline.expected.version");
        assertThat(expected).as("the build passes the project's version").isNotBlank();
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"plan", "--version"})) {
            CliRun run = CliRun.of(args);

            assertThat(run.status()).isEqualTo(ExitStatus.OK);
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("keyline " + expected + System.lineSeparator());
        }
        assertThat(KeylineVersion.version()).isEqualTo(expected);
    }

    @Test
    void everyCommandAnswersHelpWithItsSynopsisAndExitStatuses() {
        for (String command : List.of("classify", "allocate", "plan", "kpi", "demo", "generate-completion")) {
            for (String help : List.of("--help", "-h")) {
                CliRun run = CliRun.of(command, help);

                assertThat(run.status()).as(command).isEqualTo(ExitStatus.OK);
                assertThat(run.err()).as(command).isEmpty();
                assertThat(run.out()).as(command).startsWith("Usage: " + KeylineCli.PROGRAM + " " + command)
                        .contains("Exit status: 0 done");
            }
        }
        assertThat(CliRun.of("demo", "--help").out()).contains("--scale", "--postgres", "--db-user", "--db-password",
                "--webhook", "a million spend facts");
    }

    @Test
    void usageErrorsGoToStderrWithNothingOnStdout() {
        for (String[] args : List.of(new String[] {"allocate", "--amount"}, new String[] {"plan", "--stages", "a.json"},
                new String[] {"kpi", "--facts", "a.json", "stray"}, new String[] {"demo", "--out", "d", "--scale"},
                new String[] {"classify", "--spend", "a.csv", "--spend", "b.csv"})) {
            CliRun run = CliRun.of(args);

            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).startsWith("keyline " + args[0] + ": ")
                    .contains("Run '" + KeylineCli.PROGRAM + " " + args[0] + " --help' for its options.");
        }
    }

    @Test
    void anAtSignIsAValueNotAFileToExpand() {
        CliRun run = CliRun.of("allocate", "--amount", "@amounts.txt", "--shares", "a=1");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("--amount: must be a plain decimal amount", "'@amounts.txt'");
    }

    @Test
    void completionScriptCoversEveryCommandAndOption() {
        CliRun run = CliRun.of("generate-completion");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_keyline", "classify", "allocate", "plan", "kpi", "demo",
                        "--spend", "--minimum", "--shares", "--stages", "--facts", "--scale", "--postgres");
    }
}
