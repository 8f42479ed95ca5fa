package dev.keyline.examples.report;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * One piece of a report chapter's content. The kinds are closed so that every renderer handles
 * every kind.
 */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Facts, Block.Table, Block.Preformatted,
        Block.LineChart, Block.GanttChart {

    /**
     * A heading inside a chapter.
     *
     * @param text the heading
     */
    record Heading(String text) implements Block {
        /** Validates the heading. */
        public Heading {
            Require.nonBlank(text, "text");
        }
    }

    /**
     * A paragraph of prose.
     *
     * @param text the paragraph
     */
    record Paragraph(String text) implements Block {
        /** Validates the paragraph. */
        public Paragraph {
            Require.nonBlank(text, "text");
        }
    }

    /**
     * Labelled values, such as "storage provider: jdbc:h2".
     *
     * @param facts the label-value pairs, in order
     */
    record Facts(List<Fact> facts) implements Block {
        /** Validates and copies the facts. */
        public Facts {
            facts = Require.nonNullElements(facts, "facts");
            Require.that(!facts.isEmpty(), "facts", "must hold at least one fact");
        }
    }

    /**
     * One labelled value of a {@link Facts} block.
     *
     * @param label what the value is
     * @param value the value
     */
    record Fact(String label, String value) {
        /** Validates the fact. */
        public Fact {
            Require.nonBlank(label, "label");
            Require.nonNull(value, "value");
        }
    }

    /**
     * A table with a caption and a header row; every row has as many cells as there are headers.
     *
     * @param caption what the table shows
     * @param headers the column headers
     * @param rows the rows, each a list of cells
     */
    record Table(String caption, List<String> headers, List<List<String>> rows) implements Block {
        /** Validates and copies the table. */
        public Table {
            Require.nonBlank(caption, "caption");
            headers = Require.nonNullElements(headers, "headers");
            Require.that(!headers.isEmpty(), "headers", "must name at least one column");
            List<List<String>> copied = new ArrayList<>();
            for (List<String> row : Require.nonNullElements(rows, "rows")) {
                String name = "rows[" + copied.size() + "]";
                List<String> cells = Require.nonNullElements(row, name);
                if (cells.size() != headers.size()) {
                    throw new InvalidArgumentException(name, "must have " + headers.size() + " cells but has "
                            + cells.size());
                }
                copied.add(cells);
            }
            rows = List.copyOf(copied);
        }
    }

    /**
     * Text shown as is, in a fixed-width font: JSON, a command line.
     *
     * @param text the text
     */
    record Preformatted(String text) implements Block {
        /** Validates the text. */
        public Preformatted {
            Require.nonBlank(text, "text");
        }
    }

    /**
     * A line chart drawn as an inline SVG image (no script): one line per series over the same
     * points, for example months.
     *
     * @param caption what the chart shows
     * @param points the label of each point along the horizontal axis
     * @param series the lines, each with one value per point
     * @param areas horizontal bands of values shaded behind the lines, for example a KPI's amber
     *     and red bands
     */
    record LineChart(String caption, List<String> points, List<Series> series, List<Area> areas) implements Block {
        /**
         * A chart without shaded areas.
         *
         * @param caption what the chart shows
         * @param points the labels of the points along the x axis
         * @param series the lines
         */
        public LineChart(String caption, List<String> points, List<Series> series) {
            this(caption, points, series, List.of());
        }

        /** Validates and copies the chart. */
        public LineChart {
            areas = Require.nonNullElements(areas, "areas");
            Require.nonBlank(caption, "caption");
            points = Require.nonNullElements(points, "points");
            Require.that(points.size() >= 2, "points", "must hold at least two points");
            series = Require.nonNullElements(series, "series");
            Require.that(!series.isEmpty(), "series", "must hold at least one line");
            for (int i = 0; i < series.size(); i++) {
                if (series.get(i).values().size() != points.size()) {
                    throw new InvalidArgumentException("series[" + i + "]", "must have " + points.size()
                            + " values but has " + series.get(i).values().size());
                }
            }
        }
    }

    /**
     * A horizontal band of values shaded behind a {@link LineChart}'s lines.
     *
     * @param name the band's name in the legend, for example {@code amber}
     * @param from the band's lowest value, not negative
     * @param to the band's highest value, not below {@code from}
     * @param colour its fill colour as {@code #rrggbb}
     */
    record Area(String name, java.math.BigDecimal from, java.math.BigDecimal to, String colour) {
        /** Validates the area. */
        public Area {
            Require.nonBlank(name, "name");
            Require.nonNegative(from, "from");
            Require.nonNegative(to, "to");
            Require.that(from.compareTo(to) <= 0, "to", () -> "must not be below from " + from.toPlainString()
                    + ", was " + to.toPlainString());
            Require.nonBlank(colour, "colour");
            Require.that(colour.matches("#[0-9a-fA-F]{6}"), "colour", () -> "must be #rrggbb, was " + colour);
        }
    }

    /**
     * One line of a {@link LineChart}.
     *
     * @param name the line's name in the legend
     * @param values its value at each point; null where it has none (the line is drawn with a gap
     *     there, never as 0); at least one value is present
     */
    record Series(String name, List<java.math.BigDecimal> values) {
        /** Validates and copies the values; the copy keeps the absent (null) ones and cannot be changed. */
        public Series {
            Require.nonBlank(name, "name");
            Require.nonNull(values, "values");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
            Require.that(values.stream().anyMatch(java.util.Objects::nonNull), "values",
                    "must hold at least one present value");
        }

        /**
         * The value at one point.
         *
         * @param index the point's index
         * @return the value, or empty where the line has none
         */
        public java.util.Optional<java.math.BigDecimal> valueAt(int index) {
            return java.util.Optional.ofNullable(values.get(index));
        }
    }

    /**
     * A Gantt chart: one horizontal bar per row, from its start to its finish, drawn as an inline SVG
     * image with no script.
     *
     * @param caption what the chart shows
     * @param bars the bars, top to bottom; at least one
     */
    record GanttChart(String caption, List<Bar> bars) implements Block {
        /**
         * Validates the chart.
         *
         * @throws dev.keyline.domain.common.InvalidArgumentException when the caption is blank or there is no bar
         */
        public GanttChart {
            Require.nonBlank(caption, "caption");
            bars = Require.nonNullElements(bars, "bars");
            Require.that(!bars.isEmpty(), "bars", "must hold at least one bar");
        }

        /** The earliest start of any bar. */
        public java.time.Instant start() {
            return bars.stream().map(Bar::start).min(java.util.Comparator.naturalOrder()).orElseThrow();
        }

        /** The latest finish of any bar. */
        public java.time.Instant finish() {
            return bars.stream().map(Bar::finish).max(java.util.Comparator.naturalOrder()).orElseThrow();
        }

        /**
         * The latest finish of the bars of one group.
         *
         * @param group the group
         * @return its latest finish
         * @throws dev.keyline.domain.common.InvalidArgumentException when no bar is in the group
         */
        public java.time.Instant finish(String group) {
            Require.nonNull(group, "group");
            return bars.stream().filter(b -> b.group().equals(group)).map(Bar::finish)
                    .max(java.util.Comparator.naturalOrder())
                    .orElseThrow(() -> new dev.keyline.domain.common.InvalidArgumentException("group",
                            "no bar is in group '" + group + "'"));
        }

        /** The groups of the bars, in the order they first appear; empty groups left out. */
        public List<String> groups() {
            return bars.stream().map(Bar::group).filter(g -> !g.isEmpty()).distinct().toList();
        }
    }

    /**
     * One bar of a {@link GanttChart}.
     *
     * @param label the row's label
     * @param start where the bar starts
     * @param finish where the bar ends; not before {@code start}
     * @param group the set of bars it belongs to, for example a plan, named in the chart's legend and
     *     drawn in that set's colour; empty when the chart compares nothing
     */
    record Bar(String label, java.time.Instant start, java.time.Instant finish, String group) {
        /**
         * Validates the bar.
         *
         * @throws dev.keyline.domain.common.InvalidArgumentException when a part is missing or the bar ends before it starts
         */
        public Bar {
            Require.nonBlank(label, "label");
            Require.nonNull(start, "start");
            Require.nonNull(finish, "finish");
            Require.that(!finish.isBefore(start), "finish", () -> "must not be before start " + start);
            Require.nonNull(group, "group");
        }

        /**
         * A bar in no group.
         *
         * @param label the row's label
         * @param start where the bar starts
         * @param finish where the bar ends; not before {@code start}
         */
        public Bar(String label, java.time.Instant start, java.time.Instant finish) {
            this(label, start, finish, "");
        }
    }
}
