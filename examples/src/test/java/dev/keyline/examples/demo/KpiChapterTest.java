package dev.keyline.examples.demo;

import dev.keyline.domain.common.Period;
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
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
 * the KPI area's repositories what {@link dev.keyline.runtime.kpi.KpiService} stored and what the
 * demo's inbox received. The chapter's tables and charts are checked against that.
 */
class KpiChapterTest {

    private static final Pattern CHART = Pattern.compile("KPI (\\S+) \\(.*\\) of (\\S+) by month of " + KpiChapter.YEAR);

    @TempDir
    static Path dir;

    private static Report report;
    private static Chapter chapter;
    private static final Map<String, String> stored = new HashMap<>();
    private static final List<Notification> bandEntered = new ArrayList<>();

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
                String value = stored.get(key(line.kpi().value(), scorecard.unit(), december));
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
    void eachChartDrawsTheStoredValueOfEveryMonthWithTheBandsAndNoScript() {
        List<Block.LineChart> charts = chapter.blocks().stream().filter(b -> b instanceof Block.LineChart)
                .map(Block.LineChart.class::cast).toList();
        assertThat(charts).isNotEmpty();
        for (Block.LineChart chart : charts) {
            Matcher m = CHART.matcher(chart.caption());
            assertThat(m.matches()).as(chart.caption()).isTrue();
            String svg = SvgChart.render(chart);
            for (int month = 1; month <= 12; month++) {
                Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
                String value = stored.get(key(m.group(1), new KpiUnit(m.group(2)), period));
                assertThat(value).as(chart.caption() + " " + period).isNotNull();
                assertThat(svg).contains("<title>" + m.group(1) + " " + String.format("%02d", month) + ": " + value
                        + "</title>");
            }
            assertThat(svg).contains("data-area=\"red\"");
            assertThat(svg.toLowerCase()).doesNotContain("<script", "javascript:", " onload=", " onclick=");
        }
        assertThat(HtmlReport.render(report).toLowerCase()).doesNotContain("<script");
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
            context.keyline().transactions().execute(() -> {
                for (int month = 1; month <= 12; month++) {
                    Period period = Period.month(YearMonth.of(KpiChapter.YEAR, month));
                    for (ScorecardDefinition scorecard : KpiChapter.SCORECARDS) {
                        for (KpiResult result : results.ofUnit(scorecard.unit(), period)) {
                            result.value().value().ifPresent(v -> stored.put(
                                    key(result.kpi().value(), scorecard.unit(), period), v.toPlainString()));
                        }
                        for (ScorecardLine line : scorecard.lines()) {
                            Optional<KpiMeasurement> m = measurements.current(line.kpi(), scorecard.unit(), period);
                            m.ifPresent(x -> stored.putIfAbsent(key(line.kpi().value(), scorecard.unit(), period),
                                    x.value().toPlainString()));
                        }
                    }
                }
                return null;
            });
            context.inbox().accepted().stream().filter(n -> n.type().equals(KpiBandEntered.TYPE))
                    .forEach(bandEntered::add);
        }
    }
}
