package dev.keyline.examples.report;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link Report} as one self-contained HTML page: inline CSS, no scripts, no external
 * assets, every piece of text HTML-escaped.
 */
public final class HtmlReport {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[\\d,]*\\.?\\d+%?( [A-Z]{3})?");

    /** A date, or a date and time to the minute or second: kept on one line. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?");

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2933;
                   background: #f5f7fa; line-height: 1.5; }
            main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
            h1 { margin-bottom: 0.25rem; }
            h2 { border-bottom: 2px solid #3e6f9e; padding-bottom: 0.25rem; margin-top: 2.5rem; }
            h3 { margin-top: 1.5rem; }
            nav ol { padding-left: 1.25rem; }
            section { background: #fff; border-radius: 6px; padding: 0.5rem 1.5rem 1rem; margin-top: 1.5rem;
                      box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.25rem 1rem; }
            dt { font-weight: 600; }
            dd { margin: 0; }
            table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
            caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
            th, td { border: 1px solid #d9e2ec; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #e4ecf4; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
            p.summary { font-size: 1.1rem; color: #3e6f9e; }
            pre { background: #243b53; color: #f0f4f8; padding: 0.75rem 1rem; border-radius: 4px; overflow-x: auto;
                  white-space: pre-wrap; overflow-wrap: anywhere; }
            """;

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
                .append("<h1>").append(escape(report.title())).append("</h1>\n");
        if (!report.introduction().isBlank()) {
            html.append("<p>").append(escape(report.introduction())).append("</p>\n");
        }
        List<Chapter> chapters = report.chapters();
        html.append("<nav>\n<h2>Chapters</h2>\n<ol>\n");
        for (int i = 0; i < chapters.size(); i++) {
            html.append("<li><a href=\"#").append(anchor(i)).append("\">")
                    .append(escape(chapters.get(i).title())).append("</a></li>\n");
        }
        html.append("</ol>\n</nav>\n");
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            html.append("<section id=\"").append(anchor(i)).append("\">\n<h2>")
                    .append(escape(chapter.title())).append("</h2>\n");
            if (!chapter.summary().isBlank()) {
                html.append("<p class=\"summary\">").append(escape(chapter.summary())).append("</p>\n");
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

    private static void render(Block block, StringBuilder html) {
        if (block instanceof Block.Heading h) {
            html.append("<h3>").append(escape(h.text())).append("</h3>\n");
        } else if (block instanceof Block.Paragraph p) {
            html.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof Block.Preformatted p) {
            html.append("<pre>").append(escape(p.text())).append("</pre>\n");
        } else if (block instanceof Block.Facts f) {
            html.append("<dl>\n");
            for (Block.Fact fact : f.facts()) {
                html.append("<dt>").append(escape(fact.label())).append("</dt><dd>")
                        .append(escape(fact.value())).append("</dd>\n");
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
        html.append("<table>\n<caption>").append(escape(table.caption())).append("</caption>\n<thead><tr>");
        table.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append(NUMBER.matcher(cell).matches() ? "<td class=\"num\">"
                                : DATE.matcher(cell).matches() ? "<td class=\"date\">" : "<td>")
                        .append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String anchor(int index) {
        return "chapter-" + (index + 1);
    }
}
