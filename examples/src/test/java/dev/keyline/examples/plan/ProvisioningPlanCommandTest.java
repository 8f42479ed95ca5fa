package dev.keyline.examples.plan;

import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code plan} command run in-process. Expected times are worked out by hand beside each test,
 * on calendar days of 24 hours from the start.
 */
class ProvisioningPlanCommandTest {

    private static final String START = "2026-03-02T09:00:00Z";

    @TempDir
    Path dir;

    private CliRun plan(String json) {
        return plan(json, START);
    }

    private CliRun plan(String json, String start) {
        return CliRun.of("plan", "--stages", file(json).toString(), "--start", start);
    }

    private Path file(String json) {
        try {
            return Files.writeString(Files.createTempFile(dir, "stages", ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertBadInput(CliRun run, String... fragments) {
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("keyline plan: ").contains(fragments);
    }

    @Test
    void laysTheGuidesPlanOnCalendarDays() {
        CliRun run = plan("""
                {"stages":[
                  {"id":"order","days":0.5,"after":[]},
                  {"id":"local","days":1,"after":["order"]},
                  {"id":"provincial","days":4.5,"after":["local"]},
                  {"id":"far","days":2,"after":["local"]},
                  {"id":"test","days":0.5,"after":["provincial","far"]}]}
                """);

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        // order 2nd 09:00 → 21:00; local → 3rd 21:00; provincial +4.5 d → 8th 09:00; far +2 d → 5th 21:00;
        // test waits for provincial, 8th 09:00 → 21:00: 0.5 + 1 + 4.5 + 0.5 = 6.5 days
        assertThat(run.out()).isEqualTo("{\"start\":\"2026-03-02T09:00:00Z\",\"committedCompletion\":\"2026-03-08T21:00:00Z\","
                + "\"totalDays\":\"6.5\",\"criticalPath\":[\"order\",\"local\",\"provincial\",\"test\"],\"stages\":["
                + "{\"id\":\"order\",\"earliestStart\":\"2026-03-02T09:00:00Z\",\"earliestFinish\":\"2026-03-02T21:00:00Z\"},"
                + "{\"id\":\"local\",\"earliestStart\":\"2026-03-02T21:00:00Z\",\"earliestFinish\":\"2026-03-03T21:00:00Z\"},"
                + "{\"id\":\"provincial\",\"earliestStart\":\"2026-03-03T21:00:00Z\",\"earliestFinish\":\"2026-03-08T09:00:00Z\"},"
                + "{\"id\":\"far\",\"earliestStart\":\"2026-03-03T21:00:00Z\",\"earliestFinish\":\"2026-03-05T21:00:00Z\"},"
                + "{\"id\":\"test\",\"earliestStart\":\"2026-03-08T09:00:00Z\",\"earliestFinish\":\"2026-03-08T21:00:00Z\"}]}"
                + System.lineSeparator());
    }

    @Test
    void parallelStagesCountOnceAndTheOrderOfTheFileIsKept() {
        // b (3 days) and a (1 day) both wait for nothing; c waits for both: 3 + 0.25 = 3.25 days
        CliRun run = plan("{\"stages\":[{\"id\":\"c\",\"days\":0.25,\"after\":[\"a\",\"b\"]},"
                + "{\"id\":\"a\",\"days\":1,\"after\":[]},{\"id\":\"b\",\"days\":3,\"after\":[]}]}", "2026-01-01T00:00:00Z");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).isEqualTo("{\"start\":\"2026-01-01T00:00:00Z\",\"committedCompletion\":\"2026-01-04T06:00:00Z\","
                + "\"totalDays\":\"3.25\",\"criticalPath\":[\"b\",\"c\"],\"stages\":["
                + "{\"id\":\"c\",\"earliestStart\":\"2026-01-04T00:00:00Z\",\"earliestFinish\":\"2026-01-04T06:00:00Z\"},"
                + "{\"id\":\"a\",\"earliestStart\":\"2026-01-01T00:00:00Z\",\"earliestFinish\":\"2026-01-02T00:00:00Z\"},"
                + "{\"id\":\"b\",\"earliestStart\":\"2026-01-01T00:00:00Z\",\"earliestFinish\":\"2026-01-04T00:00:00Z\"}]}"
                + System.lineSeparator());
    }

    @Test
    void aCycleNamesItsStages() {
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[]},{\"id\":\"b\",\"days\":1,\"after\":[\"a\",\"d\"]},"
                + "{\"id\":\"c\",\"days\":1,\"after\":[\"b\"]},{\"id\":\"d\",\"days\":1,\"after\":[\"c\"]}]}"),
                "the stages b → c → d → b wait for each other in a cycle");
    }

    @Test
    void anUnknownPredecessorIsNamed() {
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[\"ghost\"]}]}"),
                "stage a comes after ghost, which is not a stage of the plan");
    }

    @Test
    void aDuplicateIdIsNamed() {
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[]},{\"id\":\"a\",\"days\":2,\"after\":[]}]}"),
                "stage id a is used more than once");
    }

    @Test
    void daysNotAboveZeroAreNamedWithTheirStage() {
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[]},{\"id\":\"b\",\"days\":0,\"after\":[\"a\"]}]}"),
                "stages[1] (stage b).days: must be above 0, was 0");
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":-0.5,\"after\":[]}]}"),
                "stages[0] (stage a).days: must be above 0, was -0.5");
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":\"1\",\"after\":[]}]}"),
                "stages[0] (stage a).days: must be a number");
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":3661,\"after\":[]}]}"), "stages[0] (stage a)", "at most 3660");
    }

    @Test
    void malformedJsonGivesItsPlace() {
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[]}"), "--stages: malformed JSON at line 1");
        assertBadInput(plan(""), "--stages: must hold a JSON object");
        assertBadInput(plan("[1]"), "--stages: must hold a JSON object");
        assertBadInput(plan("{\"stages\":[]} {}"), "--stages: malformed JSON");
        assertBadInput(plan("{\"stages\":[],\"stages\":[]}"), "--stages: malformed JSON", "stages");
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[],\"station\":\"x\"}]}"),
                "stages[0].station: unknown field in stages[0]; expected after, days, id");
        assertBadInput(plan("{\"stages\":[],\"start\":\"x\"}"), "start: unknown field in the top level");
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1}]}"), "stages[0].after: is missing");
        assertBadInput(plan("{\"stages\":[{\"days\":1,\"after\":[]}]}"), "stages[0].id: is missing");
        assertBadInput(plan("{}"), "stages: is missing");
        assertBadInput(plan("{\"stages\":{}}"), "stages: must be an array");
        assertBadInput(plan("{\"stages\":[]}"), "stages: must hold at least one stage");
        assertBadInput(plan("{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[7]}]}"), "stages[0] (stage a).after[0]: must be a stage id");
    }

    @Test
    void aBadStartOrFileIsNamed() {
        String json = "{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[]}]}";
        assertBadInput(plan(json, "2026-03-02"), "--start: must be an ISO-8601 instant in UTC");
        assertBadInput(plan(json, "2026-03-02T09:00:00+08:00"), "--start: must be an ISO-8601 instant in UTC");
        assertBadInput(CliRun.of("plan", "--stages", dir.resolve("none.json").toString(), "--start", START),
                "--stages: file", "does not exist");
        assertBadInput(CliRun.of("plan", "--start", START), "Missing required option: '--stages=FILE.json'");
        assertBadInput(CliRun.of("plan", "--stages", file(json).toString()), "Missing required option: '--start=INSTANT'");
    }

    @Test
    void helpDescribesTheFile() {
        CliRun run = CliRun.of("plan", "--help");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains("plan --stages FILE.json --start INSTANT", "\"after\"");
    }

    @Test
    void errorsNameTheFileAndTheLineOfTheFieldAtFault() {
        Path stages = file("""
                {"stages":[
                  {"id":"order","days":0.5,"after":[]},
                  {"id":"local",
                   "days":0,
                   "after":["order"]}]}
                """);
        CliRun run = CliRun.of("plan", "--stages", stages.toString(), "--start", START);
        assertBadInput(run, stages + " line 4, column 4: ", "stages[1] (stage local).days: must be above 0");

        Path unknown = file("""
                {"stages":[
                  {"id":"order","days":0.5,"after":[]},
                  {"id":"local","days":1,"after":["order",
                                                   "ghost"]}]}
                """);
        assertBadInput(CliRun.of("plan", "--stages", unknown.toString(), "--start", START),
                unknown + " line 4, column 36: ", "stage local comes after ghost, which is not a stage of the plan");

        Path duplicate = file("""
                {"stages":[
                  {"id":"a","days":1,"after":[]},
                  {"id":"a","days":2,"after":[]}]}
                """);
        assertBadInput(CliRun.of("plan", "--stages", duplicate.toString(), "--start", START),
                duplicate + " line 3, column 4: ", "stage id a is used more than once");

        Path missing = file("""
                {"stages":[
                  {"id":"a","days":1,"after":[]},
                  {"id":"b","days":2}]}
                """);
        assertBadInput(CliRun.of("plan", "--stages", missing.toString(), "--start", START),
                missing + " line 3, column 3: ", "stages[1].after: is missing");

        Path malformed = file("{\"stages\":[\n{\"id\":\"a\",\"days\":1,,\"after\":[]}]}");
        assertBadInput(CliRun.of("plan", "--stages", malformed.toString(), "--start", START),
                malformed + ": ", "--stages: malformed JSON at line 2, column 20");
    }
}
