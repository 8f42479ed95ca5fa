package dev.keyline.examples.demo;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.StageOnTimeComputation;
import dev.keyline.domain.kpi.KpiBandEntered;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.ScorecardDefinition;
import dev.keyline.domain.kpi.ScorecardLine;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.Chapter;
import dev.keyline.examples.report.HtmlReport;
import dev.keyline.examples.report.Report;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.examples.report.SvgChart;
import dev.keyline.spi.Notification;
import dev.keyline.spi.budget.BudgetRepository;
import dev.keyline.spi.budget.CapexProjectRepository;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI chapter, run after the chapters before it, with a last chapter that reads back through
 * the KPI area's repositories what {@link dev.keyline.runtime.kpi.KpiService} stored, the stage
 * on-time rates the stored provisioning stages give, the year's CAPEX projects and budget as the
 * budget area stored them, and what the demo's inbox received. The chapter's tables and charts are
 * checked against that.
 */
class KpiChapterTest {

    private static final Pattern CHART = Pattern.compile("KPI (\\S+) \\(.*\\) of (\\S+) by month of " + KpiChapter.YEAR);
    private static final Pattern LEVEL_CHART = Pattern.compile("KPI (\\S+) \\(.*\\) of the level (\\S+) by month of "
            + KpiChapter.YEAR);

    @TempDir
    static Path dir;

    private static Report report;
    private static Chapter chapter;
    private static final Map<String, String> stored = new HashMap<>();
    private static final List<Notification> bandEntered = new ArrayList<>();
    /** The stage on-time rate of a level ({@code level|period}) or a person ({@code level|person|period}). */
    private static final Map<String, String> stageRates = new HashMap<>();
    /** Acceptance compliance by month, recomputed from the stored CAPEX projects of the year. */
    private static final Map<Period, KpiValue> acceptances = new HashMap<>();
    /** The year's CAPEX: issued and actual, from the stored leaf budget of the year. */
    private static final BigDecimal[] capex = new BigDecimal[2];

    @BeforeAll
    static void runTheStoryUpToTheKpiChapter() throws IOException {
        List<DemoChapter> chapters = new ArrayList<>();
        for (DemoChapter c : Demo.standardChapters()) {
            chapters.add(c);
            if (c instanceof KpiChapter) {
                break;
            }
        }
        chapters.add(new Probe());
        report = new Demo(chapters).run(dir).report();
        chapter = report.chapters().stream().filter(c -> c.title().equals("KPIs and scorecards")).findFirst()
                .orElseThrow();
    }

    private static String key(String kpi, KpiUnit unit, Period period) {
        return kpi + "|" + unit + "|" + period;
    }

    @Test
    void eachScorecardsTableShowsTheValuesTheRepositoriesHold() {
        KpiCatalogue catalogue = KpiCatalogue.seed();
        Period december = Period.month(YearMonth.of(KpiChapter.YEAR, 12));
        int valued = 0;
        for (ScorecardDefinition scorecard : KpiChapter.SCORECARDS) {
            Block.Table table = tables().stream()
                    .filter(t -> t.caption().startsWith(KpiChapter.SCORECARD_TABLE + scorecard.id() + " ("))
                    .findFirst().orElseThrow(() -> new AssertionError("no table of " + scorecard.id()));
            assertThat(table.rows()).hasSize(scorecard.lines().size());
            for (int i = 0; i < scorecard.lines().size(); i++) {
                ScorecardLine line = scorecard.lines().get(i);
                List<String> row = table.rows().get(i);
                String value = line.kpi().equals(StageOnTimeComputation.KPI)
                        ? stageRates.get(scorecard.role() + "|" + december)
                        : stored.get(key(line.kpi().value(), scorecard.unit(), december));
                assertThat(row.get(0)).isEqualTo(line.kpi().value());
                assertThat(row.get(1)).isEqualTo(line.weight().toPlainString());
                assertThat(row.get(2)).as(scorecard.id() + " " + line.kpi()).isEqualTo(value == null ? "—" : value);
                assertThat(row.get(3)).isEqualTo(value == null ? "—"
                        : catalogue.get(line.kpi()).band(new BigDecimal(value)).name());
                if (value != null) {
                    valued++;
                }
            }
        }
        assertThat(valued).as("scorecard lines with a value").isPositive();
    }

    @Test
    void eachChartDrawsTheStoredValueOfEveryMonthAGapWhereThereIsNoneAndTheBandsAndNoScript() {
        List<Block.LineChart> charts = charts();
        assertThat(charts).isNotEmpty();
        int gaps = 0;
        for (Block.LineChart chart : charts) {
            Matcher level = LEVEL_CHART.matcher(chart.caption());
            Matcher m = CHART.matcher(chart.caption());
            boolean byLevel = level.matches();
            assertThat(byLevel || m.matches()).as(chart.caption()).isTrue();
            String kpi = byLevel ? level.group(1) : m.group(1);
            String svg = SvgChart.render(chart);
            for (int month = 1; month <= 12; month++) {
                Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
                String value = byLevel ? stageRates.get(level.group(2) + "|" + period)
                        : stored.get(key(kpi, new KpiUnit(m.group(2)), period));
                String title = "<title>" + kpi + " " + String.format("%02d", month) + ": ";
                if (value == null) {
                    assertThat(svg).as(chart.caption() + " " + period + " has no value: a gap").doesNotContain(title);
                    assertThat(chart.series().get(0).valueAt(month - 1)).isEmpty();
                    gaps++;
                } else {
                    assertThat(svg).contains(title + value + "</title>");
                }
            }
            assertThat(svg).contains("data-area=\"red\"");
            assertThat(svg.toLowerCase()).doesNotContain("<script", "javascript:", " onload=", " onclick=");
        }
        assertThat(gaps).as("months without a value drawn as gaps").isPositive();
        assertThat(HtmlReport.render(report).toLowerCase()).doesNotContain("<script");
    }

    @Test
    void everyKpiTheScorecardsNameAndEveryComputedKpiWithAValueIsChartedAndTheStageRateOncePerLevel() {
        Set<String> charted = new HashSet<>();
        List<String> levels = new ArrayList<>();
        for (Block.LineChart chart : charts()) {
            Matcher level = LEVEL_CHART.matcher(chart.caption());
            if (level.matches()) {
                levels.add(level.group(2));
                charted.add(level.group(1));
            } else {
                Matcher m = CHART.matcher(chart.caption());
                assertThat(m.matches()).isTrue();
                charted.add(m.group(1));
            }
        }
        assertThat(levels).containsExactlyElementsOf(KpiChapter.LEVELS.stream().map(Role::name).toList());
        for (KpiDefinition definition : KpiChapter.chartedKpis(KpiCatalogue.seed())) {
            boolean hasValue = definition.id().equals(StageOnTimeComputation.KPI) || stored.keySet().stream()
                    .anyMatch(k -> k.startsWith(definition.id().value() + "|"));
            if (hasValue) {
                assertThat(charted).as(definition.id().value()).contains(definition.id().value());
            }
        }
        assertThat(charted).as("the KPIs that were not charted before").contains("capex-ratio", "capex-per-line",
                "acceptance-compliance", StageOnTimeComputation.ID);
        for (ComputedKpi kpi : ComputedKpi.values()) {
            assertThat(charted).as(kpi.id().value()).contains(kpi.id().value());
        }
    }

    @Test
    void acceptanceComplianceIsWhatTheStoredProjectsGiveAndMovesBetweenBands() {
        KpiUnit unit = KpiChapter.unitOf(KpiCatalogue.seed().get(ComputedKpi.ACCEPTANCE_COMPLIANCE.id()));
        Set<String> values = new HashSet<>();
        for (int month = 1; month <= 12; month++) {
            Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
            KpiValue expected = acceptances.getOrDefault(period,
                    KpiValue.ratio(ComputedKpi.ACCEPTANCE_COMPLIANCE.id(), period, 0, 0));
            String value = stored.get(key(ComputedKpi.ACCEPTANCE_COMPLIANCE.id().value(), unit, period));
            assertThat(Optional.ofNullable(value)).as(period.toString())
                    .isEqualTo(expected.value().map(BigDecimal::toPlainString));
            if (value != null) {
                values.add(value);
            }
        }
        assertThat(values).as("on time in some months, late in another").contains("1.0000", "0.0000");
    }

    @Test
    void theCapexKpisAreTheStoredBudgetsActualOverItsIssuedAmountAndOverTheLinesInService() {
        KpiCatalogue catalogue = KpiCatalogue.seed();
        Period december = Period.month(YearMonth.of(KpiChapter.YEAR, 12));
        String ratio = stored.get(key(ComputedKpi.CAPEX_RATIO.id().value(),
                KpiChapter.unitOf(catalogue.get(ComputedKpi.CAPEX_RATIO.id())), december));
        String perLine = stored.get(key(ComputedKpi.CAPEX_PER_LINE.id().value(),
                KpiChapter.unitOf(catalogue.get(ComputedKpi.CAPEX_PER_LINE.id())), december));
        assertThat(capex[0].signum()).as("CAPEX issued for the year").isPositive();
        assertThat(ratio).isEqualTo(capex[1].divide(capex[0], KpiValue.SCALE, RoundingMode.HALF_EVEN).toPlainString());
        long lines = MonthlyCapex.LINES_IN_SERVICE.atEndOf(december).orElseThrow();
        assertThat(perLine).isEqualTo(capex[1].divide(BigDecimal.valueOf(lines), KpiValue.SCALE, RoundingMode.HALF_EVEN)
                .toPlainString());
    }

    @Test
    void theStageOnTimeTableShowsEachPersonsRateAtEachLevelAsTheStoredStagesGiveIt() {
        Block.Table table = tables().stream().filter(t -> t.caption().equals(KpiChapter.STAGE_TABLE)).findFirst()
                .orElseThrow();
        assertThat(table.rows()).isNotEmpty();
        Set<Role> levels = new HashSet<>();
        for (List<String> row : table.rows()) {
            levels.add(Role.valueOf(row.get(0)));
            for (int month = 1; month <= 12; month++) {
                Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
                String expected = stageRates.get(row.get(0) + "|" + row.get(1) + "|" + period);
                assertThat(row.get(1 + month)).as(row.get(0) + " " + row.get(1) + " " + period)
                        .isEqualTo(expected == null ? "—" : expected);
            }
        }
        assertThat(levels).containsExactlyInAnyOrderElementsOf(KpiChapter.LEVELS);
    }

    private static List<Block.LineChart> charts() {
        return chapter.blocks().stream().filter(b -> b instanceof Block.LineChart).map(Block.LineChart.class::cast)
                .toList();
    }

    @Test
    void theStandingsRaisedBandEnteredEventsThatReachedTheInbox() {
        assertThat(bandEntered).isNotEmpty();
        Block.Table events = tables().stream().filter(t -> t.caption().equals(KpiChapter.EVENTS_TABLE)).findFirst()
                .orElseThrow();
        assertThat(events.rows()).extracting(r -> r.get(0))
                .containsExactlyElementsOf(bandEntered.stream().map(Notification::aggregateId).toList());
    }

    private static List<Block.Table> tables() {
        return chapter.blocks().stream().filter(b -> b instanceof Block.Table).map(Block.Table.class::cast).toList();
    }

    /** Reads back, through the KPI area's repositories, every value the chapter's scorecards name. */
    private static final class Probe implements DemoChapter {

        @Override
        public String title() {
            return "Probe";
        }

        @Override
        public void run(DemoContext context, ReportSection out) {
            KpiResultRepository results = context.keyline().storage().port(KpiResultRepository.class);
            KpiMeasurementRepository measurements = context.keyline().storage().port(KpiMeasurementRepository.class);
            KpiFactSource facts = context.keyline().storage().port(KpiFactSource.class);
            CapexProjectRepository projects = context.keyline().storage().port(CapexProjectRepository.class);
            BudgetRepository budgets = context.keyline().storage().port(BudgetRepository.class);
            Set<KpiUnit> units = new java.util.LinkedHashSet<>();
            KpiChapter.SCORECARDS.forEach(s -> units.add(s.unit()));
            KpiChapter.chartedKpis(KpiCatalogue.seed()).forEach(d -> units.add(KpiChapter.unitOf(d)));
            context.keyline().transactions().execute(() -> {
                for (int month = 1; month <= 12; month++) {
                    Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
                    for (KpiUnit unit : units) {
                        for (KpiResult result : results.ofUnit(unit, period)) {
                            result.value().value().ifPresent(v -> stored.put(
                                    key(result.kpi().value(), unit, period), v.toPlainString()));
                        }
                    }
                    for (ScorecardDefinition scorecard : KpiChapter.SCORECARDS) {
                        for (ScorecardLine line : scorecard.lines()) {
                            Optional<KpiMeasurement> m = measurements.current(line.kpi(), scorecard.unit(), period);
                            m.ifPresent(x -> stored.putIfAbsent(key(line.kpi().value(), scorecard.unit(), period),
                                    x.value().toPlainString()));
                        }
                    }
                    StageOnTimeComputation stage = facts.stageOnTime(period, Demo.ZONE);
                    for (Role level : KpiChapter.LEVELS) {
                        stage.levelValue(level).value().ifPresent(v -> stageRates.put(level + "|" + period,
                                v.toPlainString()));
                        stage.values(level).forEach((person, v) -> v.value().ifPresent(x -> stageRates.put(
                                level + "|" + person + "|" + period, x.toPlainString())));
                    }
                }
                long[][] counts = new long[13][2];
                for (int[] p : MonthlyCapex.PROJECTS) {
                    CapexProject project = projects.find(MonthlyCapex.project(p[0])).orElseThrow();
                    Instant accepted = project.acceptedAt().orElseThrow();
                    Instant due = project.schedule().orElseThrow().plannedAcceptance();
                    int month = java.time.LocalDate.ofInstant(accepted, Demo.ZONE).getMonthValue();
                    counts[month][0] += accepted.isAfter(due) ? 0 : 1;
                    counts[month][1]++;
                }
                for (int month = 1; month <= 12; month++) {
                    Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
                    acceptances.put(period, KpiValue.ratio(ComputedKpi.ACCEPTANCE_COMPLIANCE.id(), period,
                            counts[month][0], counts[month][1]));
                }
                Budget budget = budgets.find(MonthlyCapex.SUZHOU_BUDGET).orElseThrow();
                capex[0] = budget.balance(dev.keyline.examples.demo.BudgetChapter.ACCESS).issued().amount();
                capex[1] = budget.balance(dev.keyline.examples.demo.BudgetChapter.ACCESS).actual().amount();
                return null;
            });
            context.inbox().accepted().stream().filter(n -> n.type().equals(KpiBandEntered.TYPE))
                    .forEach(bandEntered::add);
        }
    }
}
