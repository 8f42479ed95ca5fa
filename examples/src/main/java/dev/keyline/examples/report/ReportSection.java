package dev.keyline.examples.report;

import dev.keyline.domain.common.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a demo chapter writes its part of the report, block by block, in reading order.
 * {@link #toChapter()} freezes what was written.
 */
public final class ReportSection {

    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Block.Fact> pendingFacts = new ArrayList<>();
    private String summary = "";

    /** @param title the chapter's title */
    public ReportSection(String title) {
        this.title = Require.nonBlank(title, "title");
    }

    /** The chapter's title. */
    public String title() {
        return title;
    }

    /**
     * Sets the chapter's one-line summary, shown under its title and printed by the demo command.
     *
     * @param text the summary
     * @return this section
     */
    public ReportSection summary(String text) {
        this.summary = Require.nonBlank(text, "summary");
        return this;
    }

    /** Adds a heading inside the chapter. */
    public ReportSection heading(String text) {
        return add(new Block.Heading(text));
    }

    /** Adds a paragraph of prose. */
    public ReportSection paragraph(String text) {
        return add(new Block.Paragraph(text));
    }

    /**
     * Adds a labelled value; consecutive facts are shown together as one list.
     *
     * @param label what the value is
     * @param value the value, shown with {@link String#valueOf(Object)}
     * @return this section
     */
    public ReportSection fact(String label, Object value) {
        pendingFacts.add(new Block.Fact(label, String.valueOf(value)));
        return this;
    }

    /**
     * Adds a table.
     *
     * @param caption what the table shows
     * @param headers the column headers
     * @param rows the rows, each with one cell per header
     * @return this section
     */
    public ReportSection table(String caption, List<String> headers, List<List<String>> rows) {
        return add(new Block.Table(caption, headers, rows));
    }

    /** Adds text shown as is, in a fixed-width font. */
    public ReportSection preformatted(String text) {
        return add(new Block.Preformatted(text));
    }

    /**
     * Adds a line chart, drawn as an inline SVG image.
     *
     * @param chart the chart
     * @return this section
     */
    public ReportSection chart(Block.LineChart chart) {
        return add(Require.nonNull(chart, "chart"));
    }

    /**
     * Adds a Gantt chart, drawn as an inline SVG image.
     *
     * @param chart the chart
     * @return this section
     */
    public ReportSection gantt(Block.GanttChart chart) {
        return add(Require.nonNull(chart, "chart"));
    }

    /** The chapter as written so far. */
    public Chapter toChapter() {
        flushFacts();
        return new Chapter(title, summary, blocks);
    }

    private ReportSection add(Block block) {
        flushFacts();
        blocks.add(block);
        return this;
    }

    private void flushFacts() {
        if (!pendingFacts.isEmpty()) {
            blocks.add(new Block.Facts(pendingFacts));
            pendingFacts.clear();
        }
    }
}
