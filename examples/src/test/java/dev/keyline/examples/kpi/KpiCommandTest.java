package dev.keyline.examples.kpi;

import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kpi} command run in-process on files. The expected figures are worked out by hand in
 * the comments; the March file is the one the user guide shows.
 */
class KpiCommandTest {

    @TempDir
    Path dir;

    private CliRun kpi(String json) throws IOException {
        Path file = dir.resolve("facts.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return CliRun.of("kpi", "--facts", file.toString());
    }

    private static void assertOk(CliRun run, String json) {
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).isEqualTo(json + System.lineSeparator());
    }

    private static void assertBadInput(CliRun run, String... fragments) {
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("keyline kpi: ").contains(fragments);
    }

    static String march() throws IOException {
        try (InputStream in = KpiCommandTest.class.getResourceAsStream("march.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void computesMarchInShanghaiByHand() throws IOException {
        // March in Asia/Shanghai runs from 2026-02-28T16:00Z to 2026-03-31T16:00Z.
        // Work orders completed in it: WO-1 (on time), WO-2 (late), WO-3 (at the very first instant,
        // exactly on time); WO-4 a second before, WO-5 open, WO-6 at the first instant of April: 2 / 3.
        // Faults resolved in it: F-1 and F-4 (on the deadline) in time, F-2 and F-6 (a second before
        // April, after its deadline) late; F-3 open, F-5 in April: 2 / 4.
        // Accounts key on 1 March: C-1, C-2, C-5, C-6 (left on 1 March), C-7; C-3 became key later,
        // C-4 left before. Left in March: C-2, C-6 (C-5 left on 1 April): 2 / 5.
        // Forecasts of March: |90 − 100| + |65 − 50| = 25 over 150 agreed: 1 − 25/150 = 0.83333.
        // Pools: 105 / 160 = 0.65625, half-even to 0.6562. CAPEX: 875,000.50 / 1,000,000 = 0.87500050.
        assertOk(kpi(march()), "{\"period\":\"2026-03\",\"kpis\":["
                + "{\"id\":\"market-response-compliance\",\"value\":\"0.6667\",\"numerator\":\"2\",\"denominator\":\"3\"},"
                + "{\"id\":\"fault-handling-timeliness\",\"value\":\"0.5000\",\"numerator\":\"2\",\"denominator\":\"4\"},"
                + "{\"id\":\"churn-rate\",\"value\":\"0.4000\",\"numerator\":\"2\",\"denominator\":\"5\"},"
                + "{\"id\":\"forecast-accuracy\",\"value\":\"0.8333\",\"numerator\":\"25\",\"denominator\":\"150\"},"
                + "{\"id\":\"resource-utilization\",\"value\":\"0.6562\",\"numerator\":\"105\",\"denominator\":\"160\"},"
                + "{\"id\":\"capex-ratio\",\"value\":\"0.8750\",\"numerator\":\"875000.50\",\"denominator\":\"1000000.00\"}]}");
    }

    @Test
    void theSameFactsInUtcPlaceTheBoundaryInstantsElsewhere() throws IOException {
        // In UTC, March runs from 2026-03-01T00:00Z to 2026-04-01T00:00Z: WO-3 and WO-4 completed on
        // 28 February, WO-6 on 31 March (late? no: committed 5 April, so on time): WO-1, WO-2, WO-6: 2 / 3.
        // Faults: F-1, F-2, F-4, F-6 as before (F-6 at 15:59:59Z on 31 March): 2 / 4.
        String utc = march().replace("\"zone\": \"Asia/Shanghai\",", "");
        assertThat(utc).doesNotContain("zone");
        assertThat(kpi(utc).out()).startsWith("{\"period\":\"2026-03\",\"kpis\":["
                + "{\"id\":\"market-response-compliance\",\"value\":\"0.6667\",\"numerator\":\"2\",\"denominator\":\"3\"},"
                + "{\"id\":\"fault-handling-timeliness\",\"value\":\"0.5000\",\"numerator\":\"2\",\"denominator\":\"4\"},");
        // A quarter in UTC: all of WO-1..WO-4 and WO-6 (31 March), on time WO-1, WO-3, WO-4, WO-6: 4 / 5.
        String quarter = utc.replace("\"2026-03\",\n", "\"2026-Q1\",\n");
        // Forecasts of the quarter: 25 + |0 − 100| = 125 over 250: 1 − 0.5 = 0.5.
        assertThat(kpi(quarter).out()).startsWith("{\"period\":\"2026-Q1\",\"kpis\":["
                + "{\"id\":\"market-response-compliance\",\"value\":\"0.8000\",\"numerator\":\"4\",\"denominator\":\"5\"},")
                .contains("{\"id\":\"forecast-accuracy\",\"value\":\"0.5000\",\"numerator\":\"125\",\"denominator\":\"250\"}");
    }

    @Test
    void emptyDenominatorsGiveNullValuesAndForecastAccuracyItsOwnRule() throws IOException {
        // No facts: every ratio has 0 / 0 and no value; forecast accuracy is 1 when both sums are 0.
        assertOk(kpi("{\"period\":\"2026\",\"workOrders\":[],\"faults\":[],\"accounts\":[],\"forecasts\":[],\"pools\":[]}"),
                "{\"period\":\"2026\",\"kpis\":["
                + "{\"id\":\"market-response-compliance\",\"value\":null,\"numerator\":\"0\",\"denominator\":\"0\"},"
                + "{\"id\":\"fault-handling-timeliness\",\"value\":null,\"numerator\":\"0\",\"denominator\":\"0\"},"
                + "{\"id\":\"churn-rate\",\"value\":null,\"numerator\":\"0\",\"denominator\":\"0\"},"
                + "{\"id\":\"forecast-accuracy\",\"value\":\"1.0000\",\"numerator\":\"0\",\"denominator\":\"0\"},"
                + "{\"id\":\"resource-utilization\",\"value\":null,\"numerator\":\"0\",\"denominator\":\"0\"},"
                + "{\"id\":\"capex-ratio\",\"value\":null,\"numerator\":\"0\",\"denominator\":\"0\"}]}");
        // Only the agreed sum 0: accuracy 0, numerator the deviation 7.
        assertThat(kpi("{\"capex\":null,\"zone\":null,\"workOrders\":[],\"faults\":[],\"accounts\":[],\"pools\":[],"
                + "\"forecasts\":[{\"product\":\"P\",\"month\":\"2026-05\",\"agreed\":0,\"actual\":7}],\"period\":\"2026-Q2\"}").out())
                .contains("{\"id\":\"forecast-accuracy\",\"value\":\"0.0000\",\"numerator\":\"7\",\"denominator\":\"0\"}");
    }

    private static final String GOOD_ORDER = "{\"id\":\"WO-1\",\"committed\":\"2026-03-10T10:00:00Z\",\"completed\":null}";

    private static String file(String workOrder, String rest) {
        return "{\"period\":\"2026-03\",\"workOrders\":[" + GOOD_ORDER + "," + workOrder + "],"
                + "\"faults\":[],\"accounts\":[],\"forecasts\":[],\"pools\":[]" + rest + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // what | the file | fragments the message must contain, separated by ;
        "malformed JSON | {\"period\":\"2026-03\",\"workOrders\":[ | malformed JSON;line 1",
        "trailing garbage | {\"period\":\"2026-03\"} x | malformed JSON",
        "not an object | [] | expected a JSON object",
        "empty file | ` ` | the file is empty",
        "unknown period | {\"period\":\"2026-13\",\"workOrders\":[]} | period;2026-13;2026-Q1",
        "unknown quarter | {\"period\":\"2026-Q5\"} | period;2026-Q5",
        "period not a string | {\"period\":202603} | period;must be a string",
        "no period | {\"workOrders\":[],\"faults\":[],\"accounts\":[],\"forecasts\":[],\"pools\":[]} | missing field 'period'",
        "unknown zone | {\"period\":\"2026-03\",\"zone\":\"Mars/Olympus\"} | zone;Mars/Olympus",
        "unknown top-level field | {\"period\":\"2026-03\",\"workorders\":[]} | workorders: unknown field",
        "duplicate field | {\"period\":\"2026-03\",\"period\":\"2026-04\"} | Duplicate field 'period'",
        "a list not an array | {\"period\":\"2026-03\",\"faults\":{}} | faults: must be an array",
        "a missing list | {\"period\":\"2026-03\",\"workOrders\":[],\"faults\":[],\"accounts\":[],\"forecasts\":[]} | missing field 'pools'",
        "capex not an object | {\"period\":\"2026-03\",\"capex\":5} | capex: must be an object",
    })
    void refusesABadFileAsAWhole(String what, String json, String fragments) throws IOException {
        assertBadInput(kpi(json), fragments.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bad instant | {\"id\":\"WO-2\",\"committed\":\"2026-03-10T10:00:00Z\",\"completed\":\"2026-03-10 10:00\"} | "
            + "line 1, column;workOrders[1].completed: must be an ISO-8601 instant;2026-03-10 10:00",
        "instant without offset | {\"id\":\"WO-2\",\"committed\":\"2026-03-10T10:00:00\",\"completed\":null} | "
            + "workOrders[1].committed: must be an ISO-8601 instant",
        "instant a number | {\"id\":\"WO-2\",\"committed\":1772000000,\"completed\":null} | "
            + "workOrders[1].committed: must be an ISO-8601 instant;but was 1772000000",
        "missing field | {\"id\":\"WO-2\",\"completed\":null} | workOrders[1]: missing field 'committed'",
        "missing nullable field | {\"id\":\"WO-2\",\"committed\":\"2026-03-10T10:00:00Z\"} | workOrders[1]: missing field 'completed'",
        "unknown field | {\"id\":\"WO-2\",\"committed\":\"2026-03-10T10:00:00Z\",\"completed\":null,\"complted\":null} | "
            + "workOrders[1].complted: unknown field",
        "blank id | {\"id\":\" \",\"committed\":\"2026-03-10T10:00:00Z\",\"completed\":null} | workOrders[1].id: ",
        "id not a string | {\"id\":7,\"committed\":\"2026-03-10T10:00:00Z\",\"completed\":null} | workOrders[1].id: must be a string",
        "nested value | {\"id\":\"WO-2\",\"committed\":{},\"completed\":null} | workOrders[1].committed: must be a single value",
        "not an object | 5 | workOrders[1]: must be an object",
    })
    void refusesABadWorkOrderNamingIt(String what, String workOrder, String fragments) throws IOException {
        assertBadInput(kpi(file(workOrder, "")), fragments.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "negative volume | \"forecasts\":[{\"product\":\"P\",\"month\":\"2026-03\",\"agreed\":-5,\"actual\":1}] | "
            + "forecasts[0].agreed: must not be negative, but was -5",
        "volume a string | \"forecasts\":[{\"product\":\"P\",\"month\":\"2026-03\",\"agreed\":\"5\",\"actual\":1}] | "
            + "forecasts[0].agreed: must be a whole number;the string \"5\"",
        "volume a fraction | \"forecasts\":[{\"product\":\"P\",\"month\":\"2026-03\",\"agreed\":5.5,\"actual\":1}] | "
            + "forecasts[0].agreed: must be a whole number",
        "volume too large | \"forecasts\":[{\"product\":\"P\",\"month\":\"2026-03\",\"agreed\":99999999999999999999,\"actual\":1}] | "
            + "forecasts[0].agreed: must be a whole number up to",
        "bad month | \"forecasts\":[{\"product\":\"P\",\"month\":\"2026-3\",\"agreed\":5,\"actual\":1}] | "
            + "forecasts[0].month: must be a month YYYY-MM",
        "bad date | \"accounts\":[{\"id\":\"C\",\"keySince\":\"2026-02-30\",\"leftOn\":null}] | "
            + "accounts[0].keySince: must be a date YYYY-MM-DD;2026-02-30",
        "left before key | \"accounts\":[{\"id\":\"C\",\"keySince\":\"2026-02-10\",\"leftOn\":\"2026-02-01\"}] | "
            + "accounts[0].leftOn: must not be before keySince 2026-02-10",
        "over-allocated pool | \"pools\":[{\"id\":\"P\",\"capacity\":10,\"allocated\":11}] | "
            + "pools[0].allocated: must not exceed capacity 10",
        "negative capacity | \"pools\":[{\"id\":\"P\",\"capacity\":-10,\"allocated\":0}] | pools[0].capacity: must not be negative",
        "negative capex | \"capex\":{\"budget\":100,\"actual\":\"-1\"} | capex.actual: must not be negative",
        "capex too precise | \"capex\":{\"budget\":100.125,\"actual\":1} | capex.budget: must have at most 2 decimals",
        "capex missing actual | \"capex\":{\"budget\":100} | capex: missing field 'actual'",
        "capacities overflowing | \"pools\":[{\"id\":\"P\",\"capacity\":9223372036854775807,\"allocated\":0},"
            + "{\"id\":\"Q\",\"capacity\":1,\"allocated\":0}] | pools[1]: would make the period's sum of pool capacities overflow",
        "capex not a number | \"capex\":{\"budget\":\"lots\",\"actual\":1} | capex.budget: must be an amount",
    })
    void refusesABadFactNamingIt(String what, String list, String fragments) throws IOException {
        String json = "{\"period\":\"2026-03\",\"workOrders\":[],\"faults\":[],\"accounts\":[],\"forecasts\":[],\"pools\":[]}";
        String name = list.substring(0, list.indexOf(':'));
        String replaced = json.contains(name + ":[]") ? json.replace(name + ":[]", list) : json.replace("}", "," + list + "}");
        assertBadInput(kpi(replaced), fragments.split(";"));
    }

    @Test
    void namesTheLineAndColumnOfTheFaultyValue() throws IOException {
        // march.json with WO-2's completion spoiled: line 6, the value starts at column 70
        String spoiled = march().replace("\"completed\": \"2026-03-11T10:00:00Z\"", "\"completed\": \"tomorrow\"");
        assertBadInput(kpi(spoiled), "facts.json: KL-102 line 6, column 70: workOrders[1].completed: must be an ISO-8601",
                "but was \"tomorrow\"");
    }

    @Test
    void refusesAMissingFileAndAMissingOption() {
        assertBadInput(CliRun.of("kpi", "--facts", dir.resolve("none.json").toString()), "--facts: no such file");
        assertBadInput(CliRun.of("kpi"), "Missing required option: '--facts=FILE.json'");
        assertBadInput(CliRun.of("kpi", "--facts", "x.json", "--fact", "x.json"), "Unknown option", "'--fact'");
    }

    @Test
    void isListedAndExplainsItself() {
        assertThat(CliRun.of("--help").out()).contains("kpi ");
        CliRun help = CliRun.of("kpi", "--help");
        assertThat(help.status()).isEqualTo(ExitStatus.OK);
        assertThat(help.out()).contains("kpi --facts FILE.json", "\"workOrders\"", "Exit status");
    }
}
