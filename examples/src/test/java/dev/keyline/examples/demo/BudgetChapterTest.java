package dev.keyline.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.budget.LedgerEntryKind;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.runtime.budget.CapexProjects;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.LineBalance;
import dev.keyline.domain.budget.Revision;
import dev.keyline.domain.common.Money;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.HtmlReport;
import dev.keyline.examples.report.Report;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.budget.Budgets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget chapter on its own, with a probe that reads the budgets back from the database: the
 * story's transitions, the stopped request and the revision happened, and the burn-down chart's
 * figures equal what the stored ledger and the budget's own balances say.
 */
class BudgetChapterTest {

    @TempDir
    static Path dir;

    private static Chapter chapter;
    private static String html;
    private static Budgets budgets;

    /** A last chapter that keeps the runtime's budget service to read the stored budgets. */
    private static final class Probe implements DemoChapter {
        @Override
        public String title() {
            return "Probe";
        }

        @Override
        public void run(DemoContext context, ReportSection out) {
            budgets = Budgets.on(context.keyline());
            snapshotAtEnd = budgets.get(BudgetChapter.NETWORK_DEPT_BUDGET);
            balancesAtEnd = budgets.balances(BudgetChapter.NETWORK_DEPT_BUDGET);
            suzhouStatus = budgets.get(BudgetChapter.SUZHOU_BUDGET).status();
            capexProjects = CapexProjects.on(context.keyline()).inStage(CapexStage.ACCEPTED);
            capexPool = ResourcePools.on(context.keyline()).findPool(BudgetChapter.CAPEX_POOL).orElseThrow();
            out.paragraph("probe");
        }
    }

    private static dev.keyline.domain.budget.BudgetSnapshot snapshotAtEnd;
    private static List<LineBalance> balancesAtEnd;
    private static BudgetStatus suzhouStatus;
    private static List<CapexProjectSnapshot> capexProjects;
    private static ResourcePoolSnapshot capexPool;

    @BeforeAll
    static void runTheChapter() throws IOException {
        Report report = new Demo(List.of(new BudgetChapter(), new Probe())).run(dir).report();
        chapter = report.chapters().get(0);
        html = HtmlReport.render(report);
    }

    private static Block.LineChart chart() {
        return chapter.blocks().stream().filter(b -> b instanceof Block.LineChart).map(Block.LineChart.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no chart"));
    }

    private static List<BigDecimal> series(String name) {
        return chart().series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().values();
    }

    @Test
    void theYearEndsWithTheChartsLastFiguresEqualToTheBudgetsBalances() {
        Money issued = Money.zero();
        Money committed = Money.zero();
        Money actual = Money.zero();
        for (LineBalance balance : balancesAtEnd) {
            issued = issued.plus(balance.issued());
            committed = committed.plus(balance.committed());
            actual = actual.plus(balance.actual());
        }
        assertThat(chart().points()).hasSize(12).startsWith("2026-01").endsWith("2026-12");
        assertThat(series("issued").get(11)).isEqualTo(issued.amount());
        assertThat(series("committed").get(11)).isEqualTo(committed.amount());
        assertThat(series("actual").get(11)).isEqualTo(actual.amount());
        assertThat(actual).isEqualTo(Money.cny("2920000.00").plus(BudgetChapter.CAPEX_INVOICED));
        assertThat(committed).isEqualTo(Money.cny("2420000.00"));
    }

    @Test
    void eachMonthsFiguresEqualTheLedgerReadDirectly() {
        List<Revision> revisions = snapshotAtEnd.revisions();
        assertThat(revisions).hasSize(1);
        for (int m = 0; m < 12; m++) {
            java.time.Instant end = java.time.YearMonth.of(BudgetChapter.YEAR, m + 1).plusMonths(1).atDay(1)
                    .atStartOfDay(snapshotAtEnd.targets().zone()).toInstant();
            long committedCents = 0;
            long actualCents = 0;
            for (var entry : snapshotAtEnd.ledger()) {
                if (entry.at().isBefore(end)) {
                    long cents = entry.amount().amount().movePointRight(2).longValueExact();
                    switch (entry.kind()) {
                        case COMMITMENT_BOOKED -> committedCents += cents;
                        case COMMITMENT_REVERSED -> committedCents -= cents;
                        default -> actualCents += cents;
                    }
                }
            }
            assertThat(series("committed").get(m)).as("committed in month " + (m + 1))
                    .isEqualTo(BigDecimal.valueOf(committedCents, 2));
            assertThat(series("actual").get(m)).as("actual in month " + (m + 1))
                    .isEqualTo(BigDecimal.valueOf(actualCents, 2));
            BigDecimal expectedIssued = new BigDecimal(m + 1 >= 10 ? "7000000.00" : "6000000.00");
            assertThat(series("issued").get(m)).as("issued in month " + (m + 1)).isEqualTo(expectedIssued);
        }
    }

    @Test
    void theStoryRanThroughChallengeStopAndRevision() {
        assertThat(suzhouStatus).isEqualTo(BudgetStatus.ISSUED);
        assertThat(snapshotAtEnd.status()).isEqualTo(BudgetStatus.CLOSED);
        String stopped = chapter.blocks().stream().filter(b -> b instanceof Block.Facts).map(Block.Facts.class::cast)
                .flatMap(f -> f.facts().stream()).filter(f -> f.label().equals("stopped request"))
                .map(Block.Fact::value).findFirst().orElseThrow();
        assertThat(stopped).contains("CAPEX-ACCESS", "REQUEST", "900000.00 CNY", "available 503500.00 CNY");
    }

    @Test
    void theRollingRequestBecameAProjectWhoseBookingsReachedTheLineAndWhosePortsReachedThePool() {
        assertThat(capexProjects).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CapexKind.ROLLING);
            assertThat(p.request()).isNotNull();
            assertThat(p.budgetLine()).isEqualTo(new CapexBudgetLine(BudgetChapter.NETWORK_DEPT_BUDGET,
                    BudgetChapter.ACCESS));
            assertThat(p.plannedAmount()).isEqualTo(BudgetChapter.CAPEX_PLANNED);
            assertThat(p.plannedCapacity()).containsExactly(new CapexCapacity(BudgetChapter.CAPEX_POOL.value(),
                    "DDN_PORT", BudgetChapter.CAPEX_POOL_PORTS));
            assertThat(p.builtCapacity()).isEqualTo(p.plannedCapacity());
            assertThat(p.bookings()).hasSize(5);
        });
        List<String> documents = snapshotAtEnd.ledger().stream().map(e -> e.document().value())
                .filter(d -> d.endsWith("CAPEX-SIP")).toList();
        assertThat(documents).containsExactly("PR-CAPEX-SIP", "PR-CAPEX-SIP", "PO-CAPEX-SIP", "PO-CAPEX-SIP",
                "INV-CAPEX-SIP");
        assertThat(snapshotAtEnd.ledger().stream().filter(e -> e.document().value().equals("INV-CAPEX-SIP")
                && e.kind() == LedgerEntryKind.ACTUAL_RECORDED).map(e -> e.amount()).toList())
                .containsExactly(BudgetChapter.CAPEX_INVOICED);
        long capacity = capexPool.unitCount() - capexPool.retired().size();
        assertThat(capacity).isEqualTo(2 * BudgetChapter.CAPEX_POOL_PORTS);
        String facts = chapter.blocks().stream().filter(b -> b instanceof Block.Facts).map(Block.Facts.class::cast)
                .flatMap(f -> f.facts().stream()).filter(f -> f.label().equals("pool capacity"))
                .map(Block.Fact::value).findFirst().orElseThrow();
        assertThat(facts).contains(BudgetChapter.CAPEX_POOL_PORTS + " ports before acceptance, " + capacity + " after");
    }

    @Test
    void theChartIsAnInlineSvgWithOneLineOfTwelvePointsPerSeries() {
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<figcaption>Issued, committed");
        assertThat(html).doesNotContain("<script");
        for (String name : List.of("issued", "committed", "actual")) {
            int at = html.indexOf("data-series=\"" + name + "\"");
            assertThat(at).as(name).isPositive();
            String points = html.substring(html.indexOf("points=\"", at) + 8, html.indexOf("\"/>", at));
            assertThat(points.split(" ")).hasSize(12);
        }
    }
}
