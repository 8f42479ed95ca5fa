package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.workorder.FaultTickets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code demo --scale N}: the scale step at a small N, its report checked against the repositories. */
class ScaleChapterTest {

    private static final int SCALE = 2;

    @TempDir
    static Path dir;

    private static Chapter chapter;
    private static final List<String> progress = new ArrayList<>();
    private static final List<SpendFact> storedFacts = new ArrayList<>();
    private static final List<FaultTicketSnapshot> storedTickets = new ArrayList<>();

    /** A last chapter that reads what the scale step stored back through the runtime's services. */
    private static final class Probe implements DemoChapter {
        @Override
        public String title() {
            return "Probe";
        }

        @Override
        public void run(DemoContext context, ReportSection out) {
            KeyAccounts accounts = KeyAccounts.on(context.keyline());
            for (int i = 0; i < SCALE * ScaleChapter.CUSTOMERS_PER_SCALE; i++) {
                storedFacts.addAll(accounts.spendOf(ScaleChapter.customer(i)));
            }
            FaultTickets faults = WorkOrdersChapter.faults(context);
            for (int i = 0; i < SCALE * ScaleChapter.TICKETS_PER_SCALE; i++) {
                storedTickets.add(faults.get(ScaleChapter.ticket(i)));
            }
            out.paragraph("probe");
        }
    }

    @BeforeAll
    static void runTheStep() throws IOException {
        chapter = new Demo(List.of(new ScaleChapter(SCALE, progress::add), new Probe())).run(dir).report().chapters().get(0);
    }

    private static List<String> row(String what) {
        Block.Table table = chapter.blocks().stream().filter(b -> b instanceof Block.Table).map(Block.Table.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no table"));
        return table.rows().stream().filter(r -> r.get(0).equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + what));
    }

    @Test
    void theReportsFiguresAreWhatTheRepositoriesHold() {
        Set<AccountId> customers = new HashSet<>();
        storedFacts.forEach(f -> customers.add(f.account()));

        assertThat(row("Spend facts").subList(1, 3)).containsExactly(String.valueOf(SCALE * 10_000),
                String.valueOf(storedFacts.size()));
        assertThat(row("Customers with spend").subList(1, 3)).containsExactly(String.valueOf(SCALE * 1_000),
                String.valueOf(customers.size()));
        assertThat(row("Fault tickets (work orders)").subList(1, 3)).containsExactly(String.valueOf(SCALE * 1_000),
                String.valueOf(storedTickets.size()));
        assertThat(storedFacts).hasSize(SCALE * ScaleChapter.CUSTOMERS_PER_SCALE * ScaleChapter.MONTHS);
        assertThat(chapter.summary()).isEqualTo(storedFacts.size() + " spend facts of " + customers.size()
                + " customers and " + storedTickets.size() + " fault tickets at scale " + SCALE);
    }

    @Test
    void everyCustomerHasOneFactPerMonthOnItsNetwork() {
        assertThat(storedFacts).allSatisfy(f -> {
            assertThat(f.network()).isEqualTo(ScaleChapter.network(Integer.parseInt(f.account().value().substring(9))));
            assertThat(f.amount().amount().signum()).isPositive();
        });
        assertThat(storedFacts.stream().map(f -> f.account().value() + f.month()).distinct()).hasSize(storedFacts.size());
    }

    @Test
    void progressCountsUpToTheTotals() {
        assertThat(progress).isNotEmpty()
                .contains("scale 2: 20000 of 20000 spend facts", "scale 2: 2000 of 2000 work orders");
    }

    @Test
    void theScaleIsValidated() {
        assertThatThrownBy(() -> ScaleChapter.requireScale(0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("--scale: must be a whole number from 1");
        assertThatThrownBy(() -> ScaleChapter.requireScale(ScaleChapter.MAX_SCALE + 1))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("but was 101");
        assertThat(ScaleChapter.requireScale(ScaleChapter.MAX_SCALE)).isEqualTo(100);
        assertThat(new ScaleChapter(ScaleChapter.MAX_SCALE, line -> { }).spendFacts()).isEqualTo(1_000_000);
        assertThat(new ScaleChapter(ScaleChapter.MAX_SCALE, line -> { }).workOrders()).isEqualTo(100_000);
        for (String bad : List.of("0", "101", "-1", "x", "1.5", "")) {
            CliRun run = CliRun.of("demo", "--out", dir.resolve("never").toString(), "--scale", bad);
            assertThat(run.status()).as(bad).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("keyline demo: ").contains("--scale: must be a whole number from 1");
        }
    }

    @Test
    void theDatabaseFileStaysInTheOutputDirectoryAndARunThereStartsAfresh() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(DemoDatabase.H2_FILE);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM keyline_spend_fact")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(storedFacts.size());
        }

        // the same ids again: only an empty database takes them
        List<String> again = new ArrayList<>();
        Chapter rerun = new Demo(List.of(new ScaleChapter(SCALE, again::add))).run(dir).report().chapters().get(0);

        assertThat(rerun.summary()).isEqualTo(chapter.summary());
    }
}
