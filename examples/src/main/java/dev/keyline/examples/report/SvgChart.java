package dev.keyline.examples.report;

import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Block.LineChart} as an inline SVG figure: axes from zero to the largest value (or
 * to 1 when nothing is above zero; ticks to four decimals below 1), one
 * polyline per series (broken where a value is absent: a gap, never a 0) with a point and a tooltip
 * ({@code <title>}) at each value, the points'
 * labels below, and a legend. Shaded areas ({@link Block.Area}, such as a KPI's amber and red
 * bands) are drawn behind the lines, cut at the axis's top. Plain markup, no script; every text is
 * XML-escaped.
 */
public final class SvgChart {

    /** The image's width in pixels. */
    public static final int WIDTH = 720;

    /** The image's height in pixels. */
    public static final int HEIGHT = 320;

    private static final int LEFT = 110;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 70;
    private static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e");

    private SvgChart() {
    }

    /**
     * The chart as an HTML {@code <figure>} holding the SVG image and the caption.
     *
     * @param chart the chart
     * @return the markup
     */
    public static String render(Block.LineChart chart) {
        Require.nonNull(chart, "chart");
        BigDecimal max = BigDecimal.ZERO;
        for (Block.Series series : chart.series()) {
            for (BigDecimal value : series.values()) {
                if (value != null) {
                    max = max.max(value);
                }
            }
        }
        for (Block.Area area : chart.areas()) {
            // an area reaching beyond the values is drawn up to the axis's top, not stretched to its end
            max = max.max(area.from());
        }
        BigDecimal reach = chart.areas().stream().map(Block.Area::to).reduce(BigDecimal.ZERO, BigDecimal::max);
        if (reach.compareTo(max) > 0) {
            // an area reaching above the values shows a strip of itself: up to a tenth more room
            max = reach.min(max.multiply(new BigDecimal("1.1")));
        }
        if (max.signum() == 0) {
            // nothing above zero: an axis up to 1 rather than none
            max = BigDecimal.ONE;
        }
        // small values (a rate of a few per cent) need more digits to tell the ticks apart
        int tickScale = max.compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
        int n = chart.points().size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(chart.caption())).append("\">\n");
        int bottom = HEIGHT - BOTTOM;
        for (Block.Area area : chart.areas()) {
            double top = bottom - plotHeight * Math.min(area.to().doubleValue(), max.doubleValue()) / max.doubleValue();
            double low = bottom - plotHeight * area.from().doubleValue() / max.doubleValue();
            svg.append("<rect class=\"area\" data-area=\"").append(escape(area.name())).append("\" x=\"")
                    .append(LEFT).append("\" y=\"").append(format(top)).append("\" width=\"")
                    .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(format(low - top))
                    .append("\" fill=\"").append(area.colour()).append("\" fill-opacity=\"0.25\"><title>")
                    .append(escape(area.name() + ": " + area.from().toPlainString() + " to "
                            + area.to().toPlainString())).append("</title></rect>\n");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\" stroke=\"#333\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#333\"/>\n");
        for (int tick = 0; tick <= 4; tick++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(tick)).divide(BigDecimal.valueOf(4), tickScale, RoundingMode.HALF_EVEN);
            double y = bottom - plotHeight * tick / 4;
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(format(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(escape(value.toPlainString()))
                    .append("</text>\n");
        }
        for (int i = 0; i < n; i++) {
            svg.append("<text x=\"").append(format(x(i, n, plotWidth))).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(escape(chart.points().get(i)))
                    .append("</text>\n");
        }
        for (int s = 0; s < chart.series().size(); s++) {
            Block.Series series = chart.series().get(s);
            String colour = COLOURS.get(s % COLOURS.size());
            // a point without a value ends the current stretch of line: the gap is drawn as a gap, not as 0
            List<StringBuilder> stretches = new ArrayList<>();
            StringBuilder points = null;
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < n; i++) {
                BigDecimal value = series.values().get(i);
                if (value == null) {
                    points = null;
                    continue;
                }
                double y = bottom - plotHeight * value.doubleValue() / max.doubleValue();
                String x = format(x(i, n, plotWidth));
                if (points == null) {
                    points = new StringBuilder();
                    stretches.add(points);
                } else {
                    points.append(' ');
                }
                points.append(x).append(',').append(format(y));
                dots.append("<circle cx=\"").append(x).append("\" cy=\"").append(format(y)).append("\" r=\"3\" fill=\"")
                        .append(colour).append("\"><title>").append(escape(series.name() + " " + chart.points().get(i)
                                + ": " + value.toPlainString())).append("</title></circle>\n");
            }
            for (StringBuilder stretch : stretches) {
                svg.append("<polyline class=\"series\" data-series=\"").append(escape(series.name()))
                        .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                        .append(stretch).append("\"/>\n");
            }
            svg.append(dots);
            int legendX = LEFT + s * 170;
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(HEIGHT - 30)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/>\n")
                    .append("<text x=\"").append(legendX + 18).append("\" y=\"").append(HEIGHT - 20)
                    .append("\" font-size=\"12\">").append(escape(series.name())).append("</text>\n");
        }
        for (int a = 0; a < chart.areas().size(); a++) {
            Block.Area area = chart.areas().get(a);
            int legendX = LEFT + (chart.series().size() + a) * 170;
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(HEIGHT - 30)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(area.colour())
                    .append("\" fill-opacity=\"0.25\"/>\n").append("<text x=\"").append(legendX + 18)
                    .append("\" y=\"").append(HEIGHT - 20).append("\" font-size=\"12\">")
                    .append(escape(area.name())).append("</text>\n");
        }
        svg.append("</svg>\n<figcaption>").append(escape(chart.caption())).append("</figcaption>\n</figure>\n");
        return svg.toString();
    }

    private static double x(int i, int n, double plotWidth) {
        return LEFT + plotWidth * i / (n - 1);
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
