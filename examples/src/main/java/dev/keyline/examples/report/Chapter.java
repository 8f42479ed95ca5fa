package dev.keyline.examples.report;

import dev.keyline.domain.common.Require;

import java.util.List;

/**
 * One chapter of a report: a title and its content in reading order.
 *
 * @param title the title
 * @param blocks the content
 */
public record Chapter(String title, List<Block> blocks) {

    /** Validates and copies the chapter. */
    public Chapter {
        Require.nonBlank(title, "title");
        blocks = Require.nonNullElements(blocks, "blocks");
    }
}
