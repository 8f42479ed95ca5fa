package dev.keyline.examples.report;

import dev.keyline.domain.common.Require;

import java.util.List;

/**
 * A report: a title, a short introduction and its chapters in order.
 *
 * @param title the title
 * @param introduction a paragraph shown under the title
 * @param chapters the chapters
 */
public record Report(String title, String introduction, List<Chapter> chapters) {

    /** Validates and copies the report. */
    public Report {
        Require.nonBlank(title, "title");
        Require.nonNull(introduction, "introduction");
        chapters = Require.nonNullElements(chapters, "chapters");
    }
}
