package dev.keyline.examples.report;

import dev.keyline.domain.common.Require;

import java.util.List;

/**
 * One chapter of a report: a title, a one-line summary and its content in reading order.
 *
 * @param title the title
 * @param summary the one-line summary; empty when the chapter gave none
 * @param blocks the content
 */
public record Chapter(String title, String summary, List<Block> blocks) {

    /** Validates and copies the chapter. */
    public Chapter {
        Require.nonBlank(title, "title");
        Require.nonNull(summary, "summary");
        blocks = Require.nonNullElements(blocks, "blocks");
    }
}
