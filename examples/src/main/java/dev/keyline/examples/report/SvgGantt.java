package dev.keyline.examples.report;

import dev.keyline.domain.common.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Block.GanttChart} as an inline SVG image: one bar a row, scaled in days from the
 * earliest start, with a tick every day and no script. Bars of different groups (for example two
 * plans compared on one time axis) take different colours and are named in a legend below the
 * axis. Each bar carries its start and finish as {@code data-start} and {@code data-finish}
 * attributes, and its group as {@code data-group}.
 */
public final class SvgGantt {

    /** The image's width in pixels. */
    public static final int WIDTH = 720;

    private static final int LEFT = 150;
    private static final int RIGHT = 20;
    private static final int TOP = 10;
    private static final int ROW = 22;
    private static final int AXIS = 30;
    private static final int LEGEND = 22;
    private static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd");

    private SvgGantt() {
    }

    /**
     * The chart as an HTML {@code <figure>} holding the SVG image and the caption.
     *
     * @param chart the chart
     * @return the markup
     */
    public static String render(Block.GanttChart chart) {
        Require.nonNull(chart, "chart");
        Instant origin = chart.start();
        double totalHours = Math.max(1, Duration.between(origin, chart.finish()).toMinutes() / 60.0);
        double plotWidth = WIDTH - LEFT - RIGHT;
        List<String> groups = chart.groups();
        int height = TOP + ROW * chart.bars().size() + AXIS + (groups.isEmpty() ? 0 : LEGEND);
        int bottom = TOP + ROW * chart.bars().size();
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart gantt\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(chart.caption()))
                .append("\">\n");
        int days = (int) Math.ceil(totalHours / 24);
        for (int day = 0; day <= days; day++) {
            double x = LEFT + plotWidth * Math.min(1, day * 24 / totalHours);
            svg.append("<line x1=\"").append(format(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(format(x)).append("\" y2=\"").append(bottom).append("\" stroke=\"#ccc\"/>\n");
            svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">d").append(day).append("</text>\n");
        }
        for (int i = 0; i < chart.bars().size(); i++) {
            Block.Bar bar = chart.bars().get(i);
            double x = LEFT + plotWidth * hours(origin, bar.start()) / totalHours;
            double w = Math.max(1, plotWidth * hours(bar.start(), bar.finish()) / totalHours);
            int y = TOP + ROW * i;
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(HtmlReport.escape(bar.label()))
                    .append("</text>\n");
            svg.append("<rect x=\"").append(format(x)).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(format(w)).append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(colour(groups, bar.group()))
                    .append("\" data-group=\"").append(HtmlReport.escape(bar.group())).append("\" data-start=\"")
                    .append(bar.start()).append("\" data-finish=\"").append(bar.finish()).append("\"><title>")
                    .append(HtmlReport.escape((bar.group().isEmpty() ? "" : bar.group() + ", ") + bar.label() + ": "
                            + bar.start() + " to " + bar.finish()))
                    .append("</title></rect>\n");
        }
        for (int g = 0; g < groups.size(); g++) {
            int legendX = LEFT + g * 170;
            int legendY = bottom + AXIS;
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(legendY - 10)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(colour(groups, groups.get(g)))
                    .append("\"/>\n<text x=\"").append(legendX + 18).append("\" y=\"").append(legendY)
                    .append("\" font-size=\"12\">").append(HtmlReport.escape(groups.get(g))).append("</text>\n");
        }
        svg.append("</svg>\n<figcaption>").append(HtmlReport.escape(chart.caption())).append("</figcaption>\n</figure>\n");
        return svg.toString();
    }

    private static String colour(List<String> groups, String group) {
        int index = groups.indexOf(group);
        return COLOURS.get(Math.max(0, index) % COLOURS.size());
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / 60.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
