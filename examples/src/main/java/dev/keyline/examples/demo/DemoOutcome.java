package dev.keyline.examples.demo;

import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.Report;

import java.nio.file.Path;

/**
 * What a demo run produced.
 *
 * @param reportFile where the HTML report was written
 * @param storage the name of the storage provider the story ran on
 * @param report the report's content
 */
public record DemoOutcome(Path reportFile, String storage, Report report) {

    /** Validates the outcome. */
    public DemoOutcome {
        Require.nonNull(reportFile, "reportFile");
        Require.nonBlank(storage, "storage");
        Require.nonNull(report, "report");
    }
}
