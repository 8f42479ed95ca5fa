package dev.keyline.examples.report;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link Report} as one self-contained HTML page: inline CSS, no scripts, no external
 * assets, every piece of text HTML-escaped. Chinese terms (runs of Han characters and CJK
 * punctuation) are marked {@code lang="zh-Hans"}, which the style sheet gives a CJK font stack.
 * The page prints well: each chapter starts a new page, charts, figures and table rows are not cut
 * across pages, and the wide screen layout gives way to the page's width. On screen a table wider
 * than its chapter (a month per column, say) scrolls within the chapter instead of widening the page.
 */
public final class HtmlReport {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[\\d,]*\\.?\\d+%?( [A-Z]{3})?");

    /** A date, or a date and time to the minute or second: kept on one line. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?");

    /**
     * Beyond this many columns a table is set smaller (class {@code wide}), so a year of months
     * beside two label columns still fits the page instead of running past its edge.
     */
    static final int WIDE_TABLE_COLUMNS = 8;

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2933;
                   background: #f5f7fa; line-height: 1.5; }
            main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
            h1 { margin-bottom: 0.25rem; }
            h2 { border-bottom: 2px solid #3e6f9e; padding-bottom: 0.25rem; margin-top: 2.5rem; }
            h3 { margin-top: 1.5rem; }
            nav ol { padding-left: 1.25rem; }
            section { background: #fff; border-radius: 6px; padding: 0.5rem 1.5rem 1rem; margin-top: 1.5rem;
                      box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); overflow-x: auto; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.25rem 1rem; }
            dt { font-weight: 600; }
            dd { margin: 0; }
            table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
            caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
            th, td { border: 1px solid #d9e2ec; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #e4ecf4; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.wide { font-size: 0.8rem; }
            table.wide th, table.wide td { padding: 0.2rem 0.3rem; }
            p.summary { font-size: 1.1rem; color: #3e6f9e; }
            pre { background: #243b53; color: #f0f4f8; padding: 0.75rem 1rem; border-radius: 4px; overflow-x: auto;
                  white-space: pre-wrap; overflow-wrap: anywhere; }
            figure.chart { margin: 1rem 0; }
            figure.chart svg { display: block; max-width: 100%; height: auto; background: #fff; }
            figcaption { font-size: 0.9rem; color: #52606d; }
            :lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
                        sans-serif; }
            @page { size: A4; margin: 15mm 12mm; }
            @media print {
              body { background: #fff; font-size: 10pt; line-height: 1.35; }
              main { max-width: none; padding: 0; }
              nav { break-after: page; page-break-after: always; }
              section { break-before: page; page-break-before: always; box-shadow: none; border-radius: 0;
                        padding: 0; margin: 0; overflow: visible; }
              h2, h3, caption { break-after: avoid; page-break-after: avoid; }
              figure, svg, dl, pre, tr { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              th, td { padding: 0.15rem 0.4rem; }
              table.wide { font-size: 7.5pt; }
              table.wide th, table.wide td { padding: 0.1rem 0.2rem; }
              pre { background: #fff; color: #1f2933; border: 1px solid #9fb3c8; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    /** A run of Chinese text: Han characters with the CJK punctuation and full-width forms between them. */
    private static final Pattern CHINESE = Pattern.compile(
            "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]*\\p{IsHan}[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]*");

    private HtmlReport() {
    }

    /**
     * Renders the report.
     *
     * @param report the report
     * @return the complete HTML document
     */
    public static String render(Report report) {
        Require.nonNull(report, "report");
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(text(report.title())).append("</h1>\n");
        if (!report.introduction().isBlank()) {
            html.append("<p>").append(text(report.introduction())).append("</p>\n");
        }
        List<Chapter> chapters = report.chapters();
        html.append("<nav>\n<h2>Chapters</h2>\n<ol>\n");
        for (int i = 0; i < chapters.size(); i++) {
            html.append("<li><a href=\"#").append(anchor(i)).append("\">")
                    .append(text(chapters.get(i).title())).append("</a></li>\n");
        }
        html.append("</ol>\n</nav>\n");
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            html.append("<section id=\"").append(anchor(i)).append("\">\n<h2>")
                    .append(text(chapter.title())).append("</h2>\n");
            if (!chapter.summary().isBlank()) {
                html.append("<p class=\"summary\">").append(text(chapter.summary())).append("</p>\n");
            }
            chapter.blocks().forEach(block -> render(block, html));
            html.append("</section>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /**
     * Escapes text for HTML element content and quoted attribute values.
     *
     * @param text the text
     * @return the text with {@code & < > " '} replaced by character references
     */
    public static String escape(String text) {
        Require.nonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Escapes text for HTML element content, as {@link #escape(String)} does, and marks each run of
     * Chinese in it (Han characters with CJK punctuation between them) as
     * {@code <span lang="zh-Hans">}, so that the page's CJK font stack applies to it.
     *
     * @param text the text
     * @return the escaped and marked text
     */
    public static String text(String text) {
        Require.nonNull(text, "text");
        java.util.regex.Matcher chinese = CHINESE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        while (chinese.find()) {
            out.append(escape(text.substring(at, chinese.start()))).append("<span lang=\"zh-Hans\">")
                    .append(escape(chinese.group())).append("</span>");
            at = chinese.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    private static void render(Block block, StringBuilder html) {
        if (block instanceof Block.Heading h) {
            html.append("<h3>").append(text(h.text())).append("</h3>\n");
        } else if (block instanceof Block.Paragraph p) {
            html.append("<p>").append(text(p.text())).append("</p>\n");
        } else if (block instanceof Block.Preformatted p) {
            html.append("<pre>").append(text(p.text())).append("</pre>\n");
        } else if (block instanceof Block.Facts f) {
            html.append("<dl>\n");
            for (Block.Fact fact : f.facts()) {
                html.append("<dt>").append(text(fact.label())).append("</dt><dd>")
                        .append(text(fact.value())).append("</dd>\n");
            }
            html.append("</dl>\n");
        } else if (block instanceof Block.Table t) {
            renderTable(t, html);
        } else if (block instanceof Block.LineChart c) {
            html.append(SvgChart.render(c));
        } else if (block instanceof Block.GanttChart g) {
            html.append(SvgGantt.render(g));
        } else {
            throw new InvalidArgumentException("block", "no rendering for " + block.getClass().getName());
        }
    }

    private static void renderTable(Block.Table table, StringBuilder html) {
        html.append(table.headers().size() > WIDE_TABLE_COLUMNS ? "<table class=\"wide\">" : "<table>")
                .append("\n<caption>").append(text(table.caption())).append("</caption>\n<thead><tr>");
        table.headers().forEach(h -> html.append("<th>").append(text(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append(NUMBER.matcher(cell).matches() ? "<td class=\"num\">"
                                : DATE.matcher(cell).matches() ? "<td class=\"date\">" : "<td>")
                        .append(text(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String anchor(int index) {
        return "chapter-" + (index + 1);
    }
}
