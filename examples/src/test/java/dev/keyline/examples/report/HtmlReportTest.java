package dev.keyline.examples.report;

import dev.keyline.domain.common.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {

    private static final String NASTY = "<script>alert('x')</script> & \"quotes\"";

    @Test
    void escapesEveryPieceOfText() {
        ReportSection section = new ReportSection("Title " + NASTY).summary("Summary " + NASTY)
                .heading("Heading " + NASTY).paragraph("Paragraph " + NASTY).fact("Label " + NASTY, "Value " + NASTY)
                .table("Caption " + NASTY, List.of("Header " + NASTY), List.of(List.of("Cell " + NASTY)))
                .preformatted("Pre " + NASTY);
        Report report = new Report("Report " + NASTY, "Intro " + NASTY, List.of(section.toChapter()));

        String html = HtmlReport.render(report);

        assertThat(html).doesNotContain("<script>", "'x'", "\"quotes\"", "& \"");
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;";
        for (String what : List.of("Report", "Intro", "Title", "Summary", "Heading", "Paragraph", "Label", "Value",
                "Caption", "Header", "Cell", "Pre")) {
            assertThat(html).contains(what + " " + escaped);
        }
    }

    @Test
    void listsChaptersAndLinksToThem() {
        Report report = new Report("R", "", List.of(new ReportSection("One").paragraph("a").toChapter(),
                new ReportSection("Two").paragraph("b").toChapter()));

        String html = HtmlReport.render(report);

        assertThat(html).contains("<a href=\"#chapter-1\">One</a>", "<a href=\"#chapter-2\">Two</a>",
                "<section id=\"chapter-1\">", "<section id=\"chapter-2\">");
        assertThat(html.indexOf("<h2>One</h2>")).isLessThan(html.indexOf("<h2>Two</h2>"));
    }

    @Test
    void consecutiveFactsFormOneList() {
        Chapter chapter = new ReportSection("C").fact("a", 1).fact("b", 2).paragraph("p").fact("c", 3).toChapter();

        assertThat(chapter.blocks()).hasSize(3);
        assertThat(chapter.blocks().get(0)).isEqualTo(new Block.Facts(List.of(new Block.Fact("a", "1"), new Block.Fact("b", "2"))));
        assertThat(chapter.blocks().get(2)).isEqualTo(new Block.Facts(List.of(new Block.Fact("c", "3"))));
    }

    @Test
    void numbersAreRightAligned() {
        String html = HtmlReport.render(new Report("R", "", List.of(new ReportSection("C")
                .table("t", List.of("a", "b", "c"), List.of(List.of("12345.67", "30.2%", "SZ-C001"))).toChapter())));

        assertThat(html).contains("<td class=\"num\">12345.67</td><td class=\"num\">30.2%</td><td>SZ-C001</td>");
    }

    @Test
    void aTableOfMoreColumnsThanTheLimitIsSetSmallerAndANarrowerOneIsNot() {
        List<String> wide = java.util.stream.IntStream.rangeClosed(0, HtmlReport.WIDE_TABLE_COLUMNS)
                .mapToObj(i -> "h" + i).toList();
        List<String> narrow = wide.subList(0, HtmlReport.WIDE_TABLE_COLUMNS);
        String html = HtmlReport.render(new Report("R", "", List.of(new ReportSection("C")
                .table("wide", wide, List.of(wide)).table("narrow", narrow, List.of(narrow)).toChapter())));

        assertThat(html).contains("<table class=\"wide\">\n<caption>wide</caption>", "<table>\n<caption>narrow</caption>",
                "table.wide { font-size: 0.8rem; }");
    }

    @Test
    void datesStayOnOneLine() {
        String html = HtmlReport.render(new Report("R", "", List.of(new ReportSection("C")
                .table("t", List.of("a", "b", "c"), List.of(List.of("2024-07-01", "2024-11-05 09:30:00", "2024-07")))
                .toChapter())));

        assertThat(html).contains("<td class=\"date\">2024-07-01</td><td class=\"date\">2024-11-05 09:30:00</td>"
                + "<td>2024-07</td>");
    }

    @Test
    void aTableRowMustFitTheHeaders() {
        assertThatThrownBy(() -> new Block.Table("t", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rows[0]: must have 2 cells but has 1");
    }

    @Test
    void blankTextIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new ReportSection(" "))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> new ReportSection("t").paragraph(""))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("text");
    }

    @Test
    void aGanttChartIsInlineSvgWithABarPerRowCarryingItsTimes() {
        java.time.Instant t0 = java.time.Instant.parse("2027-01-04T01:00:00Z");
        Block.GanttChart chart = new Block.GanttChart("plan <a>", List.of(
                new Block.Bar("order", t0, t0.plusSeconds(43_200)),
                new Block.Bar("local", t0.plusSeconds(43_200), t0.plusSeconds(86_400))));

        String svg = SvgGantt.render(chart);

        assertThat(svg).contains("<svg", "plan &lt;a&gt;", "data-start=\"2027-01-04T01:00:00Z\" data-finish=\"2027-01-04T13:00:00Z\"",
                "data-start=\"2027-01-04T13:00:00Z\" data-finish=\"2027-01-05T01:00:00Z\"").doesNotContain("<script");
        assertThat(svg.split("<rect", -1)).hasSize(3);
        assertThatThrownBy(() -> new Block.Bar("late", t0, t0.minusSeconds(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("finish");
        assertThatThrownBy(() -> new Block.GanttChart("none", List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("bars");
    }

    @Test
    void twoPlansOnOneTimeAxisTakeTheirOwnColoursAndALegend() {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-06T01:00:00Z");
        Block.GanttChart chart = new Block.GanttChart("plans", List.of(
                new Block.Bar("order", t0, t0.plusSeconds(43_200), "parallel plan"),
                new Block.Bar("order", t0, t0.plusSeconds(86_400), "sequential plan"),
                new Block.Bar("test", t0.plusSeconds(86_400), t0.plusSeconds(172_800), "sequential plan")));

        String svg = SvgGantt.render(chart);

        assertThat(chart.groups()).containsExactly("parallel plan", "sequential plan");
        assertThat(chart.finish("parallel plan")).isEqualTo(t0.plusSeconds(43_200));
        assertThat(chart.finish()).isEqualTo(t0.plusSeconds(172_800));
        assertThat(svg).contains("fill=\"#1f77b4\" data-group=\"parallel plan\"",
                "fill=\"#ff7f0e\" data-group=\"sequential plan\"", ">parallel plan</text>", ">sequential plan</text>");
        assertThatThrownBy(() -> chart.finish("other plan"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("group");
    }

    @Test
    void chineseTermsAreMarkedForTheCjkFontStackAndEscaped() {
        Report report = new Report("R", "", List.of(new ReportSection("资源调配 <b>").paragraph("reserved (预占) & held")
                .fact("role", "网络中心经理").table("t", List.of("术语"), List.of(List.of("质询，答复"))).toChapter()));

        String html = HtmlReport.render(report);

        assertThat(html).contains("<h2><span lang=\"zh-Hans\">资源调配</span> &lt;b&gt;</h2>",
                "reserved (<span lang=\"zh-Hans\">预占</span>) &amp; held",
                "<dd><span lang=\"zh-Hans\">网络中心经理</span></dd>", "<th><span lang=\"zh-Hans\">术语</span></th>",
                "<span lang=\"zh-Hans\">质询，答复</span>",
                ":lang(zh) { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\"");
        assertThat(HtmlReport.text("no Chinese here")).isEqualTo("no Chinese here");
    }

    @Test
    void thePageHasAPrintLayoutWithAPagePerChapter() {
        String html = HtmlReport.render(new Report("R", "", List.of(new ReportSection("One").paragraph("a").toChapter())));

        String print = html.substring(html.indexOf("@media print"));
        assertThat(print).contains("section { break-before: page;", "figure, svg, dl, pre, tr { break-inside: avoid;",
                "thead { display: table-header-group; }");
        assertThat(html).contains("@page { size: A4;", "figure.chart svg { display: block; max-width: 100%; height: auto;");
    }
}
