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
    void aSingleShotScoreIsTheTimeOfItsWholeBatch() throws Exception {
        String run = "{\"benchmark\":\"dev.keyline.benchmarks.storage.BulkBenchmark.transaction\",\"mode\":\"ss\","
                + "\"measurementBatchSize\":100,\"params\":{\"database\":\"H2\",\"side\":\"raw\"},"
                + "\"primaryMetric\":{\"score\":14000,\"scoreError\":1400,\"scoreUnit\":\"us/op\"}}";

        JmhReport.Result result = read(run).get(0);

        // the batch of 100 transactions took 14,000 µs per order of one: 140 µs an order, 7,143 orders a second
        assertThat(result.rate()).isCloseTo(1e6 / 140, within(1e-6));
        assertThat(result.error()).isCloseTo(1e6 / 140 / 10, within(1e-6));
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

    @Test
    void theProvisioningMixTableGivesItsRatioToHibernateToo() throws Exception {
        String params = "\"database\":\"H2\",\"side\":\"%s\"";
        List<JmhReport.Result> results = read(
                run("ProvisioningMixBenchmark.mix", String.format(params, "keyline"), 900, 90, "ops/s"),
                run("ProvisioningMixBenchmark.mix", String.format(params, "raw"), 1000, 10, "ops/s"),
                run("ProvisioningMixBenchmark.mix", String.format(params, "hibernate"), 600, 6, "ops/s"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("#### Commands: a provisioning order of 6 stages, opened, stage 1 started and done "
                + "(commands/s)\n\n| database | Keyline | raw JDBC | Hibernate | Keyline / raw | Keyline / Hibernate |\n"
                + "|---|---|---|---|---|---|\n| H2 (memory) | 900 ± 90 | 1,000 ± 10 | 600 ± 6 | **0.90 ×** raw JDBC | "
                + "**1.50 ×** Hibernate |\n| PostgreSQL 18 | – | – | – | – | – |");
    }

    @Test
    void theOtherAreasMixesGetATableEachWithTheirRatiosToRawAndHibernate() throws Exception {
        String params = "\"database\":\"H2\",\"side\":\"%s\"";
        List<JmhReport.Result> results = read(
                run("ReservationMixBenchmark.mix", String.format(params, "keyline"), 300, 30, "ops/s"),
                run("ReservationMixBenchmark.mix", String.format(params, "raw"), 600, 60, "ops/s"),
                run("ReservationMixBenchmark.mix", String.format(params, "hibernate"), 200, 20, "ops/s"),
                run("SlaOrderMixBenchmark.mix", String.format(params, "keyline"), 100, 10, "ops/s"),
                run("SlaOrderMixBenchmark.mix", String.format(params, "hibernate"), 400, 4, "ops/s"),
                run("BudgetCommitmentMixBenchmark.mix", String.format(params, "raw"), 800, 8, "ops/s"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("#### Commands: a reservation of 4 units, made, extended, allocated and released "
                + "(commands/s)\n\n| database | Keyline | raw JDBC | Hibernate | Keyline / raw | Keyline / Hibernate |\n"
                + "|---|---|---|---|---|---|\n| H2 (memory) | 300 ± 30 | 600 ± 60 | 200 ± 20 | **0.50 ×** raw JDBC | "
                + "**1.50 ×** Hibernate |\n| PostgreSQL 18 | – | – | – | – | – |");
        assertThat(markdown).contains("| H2 (memory) | 100 ± 10 | – | 400 ± 4 | – | **0.25 ×** Hibernate |");
        assertThat(markdown).contains("| H2 (memory) | – | 800 ± 8 | – | – | – |");
    }

    @Test
    void theOutboxTableGivesBothRelaysPerDatabaseAndSinkWithTheirRatio() throws Exception {
        String params = "\"database\":\"%s\",\"sink\":\"%s\",\"side\":\"%s\",\"batchSize\":\"0\"";
        List<JmhReport.Result> results = read(
                run("OutboxBenchmark.relay", String.format(params, "POSTGRES", "noop", "keyline"), 125, 12.5, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "POSTGRES", "noop", "raw"), 25, 2.5, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "H2", "webhook", "raw"), 500, 50, "us/op"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("#### Outbox: relay throughput (events/s)\n\n"
                + "| database | sink | Keyline | raw JDBC | Keyline / raw |\n|---|---|---|---|---|\n"
                + "| PostgreSQL 18 | no-op | 8,000 ± 800 | 40,000 ± 4,000 | **0.20 ×** raw JDBC |\n"
                + "| H2 (memory) | webhook on loopback | – | 2,000 ± 200 | – |\n\n");
    }

    @Test
    void theOutboxTableGivesTheRunsWithAKeptHistoryInRowsOfTheirOwn() throws Exception {
        String params = "\"database\":\"POSTGRES\",\"sink\":\"noop\",\"side\":\"%s\",\"batchSize\":\"0\",\"history\":\"%d\"";
        List<JmhReport.Result> results = read(
                run("OutboxBenchmark.relay", String.format(params, "keyline", 100000), 250, 25, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "keyline", 0), 125, 12.5, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "raw", 100000), 50, 5, "us/op"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("|---|---|---|---|---|\n"
                + "| PostgreSQL 18 | no-op | 8,000 ± 800 | – | – |\n"
                + "| PostgreSQL 18, 100,000 delivered entries kept | no-op | 4,000 ± 400 | 20,000 ± 2,000 | **0.20 ×** raw JDBC |\n\n");
    }

    @Test
    void theOutboxTableGivesTheRunsWithOtherEntriesPerAggregateInRowsOfTheirOwn() throws Exception {
        String params = "\"database\":\"POSTGRES\",\"sink\":\"noop\",\"side\":\"%s\",\"batchSize\":\"0\","
                + "\"history\":\"0\",\"perAggregate\":\"%d\"";
        List<JmhReport.Result> results = read(
                run("OutboxBenchmark.relay", String.format(params, "keyline", 1), 50, 5, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "keyline", 3), 40, 4, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "raw", 3), 20, 2, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "raw", 6), 25, 2.5, "us/op"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("|---|---|---|---|---|\n"
                + "| PostgreSQL 18 | no-op | 25,000 ± 2,500 | 50,000 ± 5,000 | **0.50 ×** raw JDBC |\n"
                + "| PostgreSQL 18, 1 entry per aggregate | no-op | 20,000 ± 2,000 | – | – |\n"
                + "| PostgreSQL 18, 6 entries per aggregate | no-op | – | 40,000 ± 4,000 | – |\n\n");
    }

    @Test
    void theOutboxTableGivesTheRunsOnAVacuumedOutboxInRowsOfTheirOwn() throws Exception {
        String params = "\"database\":\"POSTGRES\",\"sink\":\"noop\",\"side\":\"%s\",\"batchSize\":\"0\","
                + "\"history\":\"0\",\"perAggregate\":\"3\",\"vacuum\":\"%s\"";
        List<JmhReport.Result> results = read(
                run("OutboxBenchmark.relay", String.format(params, "keyline", "true"), 40, 4, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "keyline", "false"), 50, 5, "us/op"),
                run("OutboxBenchmark.relay", String.format(params, "raw", "true"), 20, 2, "us/op"));

        String markdown = new JmhReport(results).markdown();

        assertThat(markdown).contains("|---|---|---|---|---|\n"
                + "| PostgreSQL 18 | no-op | 20,000 ± 2,000 | – | – |\n"
                + "| PostgreSQL 18, outbox vacuumed before every iteration | no-op | 25,000 ± 2,500 | 50,000 ± 5,000 "
                + "| **0.50 ×** raw JDBC |\n\n");
    }

    @Test
    void theScaleCurveGivesTheOverdueStreamPerOrderRead() throws Exception {
        String params = "\"database\":\"H2\",\"rows\":\"%d\",\"side\":\"%s\"";
        JmhReport report = new JmhReport(read(
                run("ScaleBenchmark.overdue", String.format(params, 10000, "keyline"), 200, 20, "ops/s"),
                run("ScaleBenchmark.overdue", String.format(params, 100000, "keyline"), 10, 1, "ops/s"),
                run("ScaleBenchmark.find", String.format(params, 10000, "keyline"), 3000, 30, "ops/s")));

        // a stream reads a hundredth of the stored orders: 200 streams of 100 orders, 10 of 1,000
        assertThat(report.markdown()).contains("| overdue stream, per order | H2 | Keyline | 20,000 ± 2,000 | 10,000 ± 1,000 | 0.50 |")
                .contains("| find by id | H2 | Keyline | 3,000 ± 30 | – | – |");
        assertThat(report.svg()).contains("open an order (orders/s)").contains("find by id (finds/s)")
                .contains("overdue stream, per order (orders/s)");
    }
}
