package dev.keyline.examples.demo;

import dev.keyline.examples.report.ReportSection;

/**
 * One chapter of the demo: a part of the seed's story run against the demo's runtime, written up
 * in the report. Each area adds its chapter as one class and one line in
 * {@link Demo#standardChapters()}.
 *
 * <p>A chapter runs commands through {@link DemoContext#keyline()}, computes what it wants to show
 * with the domain's functions, and writes prose, facts and tables to its {@link ReportSection}.
 * It must be deterministic: random data comes from {@link DemoContext#random(String)}, time from
 * {@link DemoContext#clock()}. It throws when something it demonstrates does not hold, so a broken
 * story fails the demo instead of printing a wrong report.
 */
public interface DemoChapter {

    /** The chapter's title in the report, for example {@code Foundation}. */
    String title();

    /**
     * Runs the chapter's part of the story and writes it up.
     *
     * @param context the demo's runtime, storage, clock and inbox, shared by every chapter
     * @param out where the chapter's content goes
     */
    void run(DemoContext context, ReportSection out);
}
