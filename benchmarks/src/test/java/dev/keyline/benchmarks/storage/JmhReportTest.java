package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report reads JMH's JSON, turns times per operation into rates and writes ratios to raw JDBC. */
class JmhReportTest {

    private static String run(String benchmark, String params, double score, double error, String unit) {
        return "{\"benchmark\":\"dev.keyline.benchmarks.storage." + benchmark + "\",\"mode\":\"thrpt\",\"params\":{"
                + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + ",\"scoreUnit\":\""
                + unit + "\"}}";
    }

    private static List<JmhReport.Result> read(String... runs) throws Exception {
        return JmhReport.read(new ObjectMapper().readTree("[" + String.join(",", runs) + "]"));
    }

    @Test
    void aTimePerOperationBecomesARateWithItsError() throws Exception {
        JmhReport.Result result = read(run("BulkBenchmark.transaction", "\"database\":\"H2\",\"side\":\"raw\"", 250, 25,
                "us/op")).get(0);

        assertThat(result.benchmark()).isEqualTo("BulkBenchmark.transaction");
        assertThat(result.rate()).isCloseTo(4000, within(1e-6));
        assertThat(result.error()).isCloseTo(400, within(1e-6));
    }

    @Test
    void theCommandsTableGivesEveryScoreAndTheRatiosToRawAndHibernate() throws Exception {
        String params = "\"database\":\"POSTGRES\",\"side\":\"%s\"";
        List<JmhReport.Result> results = read(
                run("KeyAccountMixBenchmark.mix", String.format(params, "keyline"), 930, 12, "ops/s"),
                run("KeyAccountMixBenchmark.mix", String.format(params, "raw"), 1000, 20, "ops/s"),
                run("KeyAccountMixBenchmark.mix", String.format(params, "hibernate"), 500, 5, "ops/s"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("| PostgreSQL 18 | 930 ± 12 | 1,000 ± 20 | 500 ± 5 | **0.93 ×** raw JDBC | "
                + "**1.86 ×** Hibernate |");
        assertThat(markdown).contains("| H2 (memory) | – | – | – | – | – |");
    }
}
