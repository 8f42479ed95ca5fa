package dev.keyline.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real executable jar in a separate JVM, as a user would. Failsafe runs this after
 * {@code package} and passes the jar's path as the system property {@code keyline.jar}; then the
 * jar must exist. Run any other way (from an IDE, say), the test is skipped when no jar was built.
 */
class ShadedJarIT {

    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheJar() {
        String configured = System.getProperty("keyline.jar");
        if (configured != null) {
            jar = Path.of(configured);
            assertThat(jar).as("the executable jar built by package").isRegularFile();
        } else {
            jar = Path.of("target", "keyline.jar");
            assumeTrue(Files.isRegularFile(jar), "no executable jar built; run mvn verify");
        }
    }

    /** What a run of the jar printed and returned. */
    private record Result(int status, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a safety net against a hung process, not a speed requirement
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar keyline.jar " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result help = java("--help");

        assertThat(help.status()).isEqualTo(0);
        assertThat(help.out()).contains("classify ", "demo ", "allocate ", "plan ", "kpi ");
    }

    @Test
    void unknownCommandExitsWithTwo() throws Exception {
        Result run = java("clasify");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown command 'clasify'");
    }

    @Test
    void classifiesASpendFile() throws Exception {
        Path csv = Files.writeString(dir.resolve("spend.csv"),
                "customer,network,month,spend\nK1,KM,2024-01,12000\nK2,KM,2024-01,3000\nS1,SZ,2024-01,4000\n");

        Result run = java("classify", "--spend", csv.toString(), "--minimum", "SZ=5000");

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out().strip()).isEqualTo("{\"networks\":["
                + "{\"network\":\"KM\",\"rule\":\"share\",\"threshold\":\"12000.00\","
                + "\"keyAccounts\":[{\"customer\":\"K1\",\"averageMonthlySpend\":\"12000.00\"}]},"
                + "{\"network\":\"SZ\",\"rule\":\"minimum\",\"threshold\":\"5000.00\",\"keyAccounts\":[]}]}");
    }

    @Test
    void badInputExitsWithTwoAndNamesTheLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "customer,network,month,spend\nK1,KM,2024-1,12000\n");

        Result run = java("classify", "--spend", csv.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("line 2: month '2024-1' is not a month of the form YYYY-MM");
    }

    @Test
    void allocatesAnAmount() throws Exception {
        // 1000.00 split 10/10/80
        Result run = java("allocate", "--amount", "1000", "--shares", "group=10,business=10,public=80");

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out().strip()).isEqualTo("{\"amount\":\"1000.00\",\"allocations\":["
                + "{\"party\":\"group\",\"amount\":\"100.00\"},{\"party\":\"business\",\"amount\":\"100.00\"},"
                + "{\"party\":\"public\",\"amount\":\"800.00\"}]}");
    }

    @Test
    void aDuplicatePartyExitsWithTwoAndNamesIt() throws Exception {
        Result run = java("allocate", "--amount", "1000", "--shares", "group=10,group=90");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--shares: duplicate name 'group'");
    }

    @Test
    void computesKpisFromAFactsFile() throws Exception {
        // 1 of 2 work orders completed in March (UTC) on time; one pool 3 of 4 allocated
        Path facts = Files.writeString(dir.resolve("facts.json"), "{\"period\":\"2026-03\",\"workOrders\":["
                + "{\"id\":\"W1\",\"committed\":\"2026-03-10T00:00:00Z\",\"completed\":\"2026-03-09T00:00:00Z\"},"
                + "{\"id\":\"W2\",\"committed\":\"2026-03-10T00:00:00Z\",\"completed\":\"2026-03-11T00:00:00Z\"}],"
                + "\"faults\":[],\"accounts\":[],\"forecasts\":[],\"pools\":[{\"id\":\"P\",\"capacity\":4,\"allocated\":3}]}");

        Result run = java("kpi", "--facts", facts.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out().strip()).startsWith("{\"period\":\"2026-03\",\"kpis\":["
                + "{\"id\":\"market-response-compliance\",\"value\":\"0.5000\",\"numerator\":\"1\",\"denominator\":\"2\"},"
                + "{\"id\":\"fault-handling-timeliness\",\"value\":null,\"numerator\":\"0\",\"denominator\":\"0\"},")
                .contains("{\"id\":\"resource-utilization\",\"value\":\"0.7500\",\"numerator\":\"3\",\"denominator\":\"4\"}");
    }

    @Test
    void aBadInstantInAFactsFileExitsWithTwoAndNamesIt() throws Exception {
        Path facts = Files.writeString(dir.resolve("bad.json"), "{\"period\":\"2026-03\",\"workOrders\":["
                + "{\"id\":\"W1\",\"committed\":\"soon\",\"completed\":null}],"
                + "\"faults\":[],\"accounts\":[],\"forecasts\":[],\"pools\":[]}");

        Result run = java("kpi", "--facts", facts.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("workOrders[0].committed: must be an ISO-8601 instant");
    }

    @Test
    void plansAProvisioningOrder() throws Exception {
        Path stages = Files.writeString(dir.resolve("stages.json"), "{\"stages\":[{\"id\":\"order\",\"days\":0.5,\"after\":[]},"
                + "{\"id\":\"local\",\"days\":1,\"after\":[\"order\"]},{\"id\":\"far\",\"days\":2,\"after\":[\"order\"]}]}");

        Result run = java("plan", "--stages", stages.toString(), "--start", "2026-03-02T09:00:00Z");

        // order 09:00 → 21:00; local and far run in parallel; far, 2 days, ends 4th 21:00
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out().strip()).isEqualTo("{\"start\":\"2026-03-02T09:00:00Z\",\"committedCompletion\":\"2026-03-04T21:00:00Z\","
                + "\"totalDays\":\"2.5\",\"criticalPath\":[\"order\",\"far\"],\"stages\":["
                + "{\"id\":\"order\",\"earliestStart\":\"2026-03-02T09:00:00Z\",\"earliestFinish\":\"2026-03-02T21:00:00Z\"},"
                + "{\"id\":\"local\",\"earliestStart\":\"2026-03-02T21:00:00Z\",\"earliestFinish\":\"2026-03-03T21:00:00Z\"},"
                + "{\"id\":\"far\",\"earliestStart\":\"2026-03-02T21:00:00Z\",\"earliestFinish\":\"2026-03-04T21:00:00Z\"}]}");
    }

    @Test
    void aCyclicPlanExitsWithTwoAndNamesTheStages() throws Exception {
        Path stages = Files.writeString(dir.resolve("cycle.json"), "{\"stages\":[{\"id\":\"a\",\"days\":1,\"after\":[\"b\"]},"
                + "{\"id\":\"b\",\"days\":1,\"after\":[\"a\"]}]}");

        Result run = java("plan", "--stages", stages.toString(), "--start", "2026-03-02T09:00:00Z");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("the stages a → b → a wait for each other in a cycle");
    }

    @Test
    void demoWritesTheReport() throws Exception {
        Path out = dir.resolve("demo");

        Result run = java("demo", "--out", out.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("Keyline demo on jdbc:h2",
                dev.keyline.examples.demo.DemoChapters.numbered("Work orders"),
                dev.keyline.examples.demo.DemoChapters.numbered("KPIs and scorecards"),
                dev.keyline.examples.demo.DemoChapters.numbered("Billing, priority and HR"),
                dev.keyline.examples.demo.DemoChapters.numbered("Notifications"), "Report: ");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Foundation</h2>", "<h2>Key accounts</h2>",
                "<h2>Access and commercial authorisation</h2>", "<h2>Notifications</h2>",
                "account.churn-warning-raised", "503 refused for now");
    }
}
