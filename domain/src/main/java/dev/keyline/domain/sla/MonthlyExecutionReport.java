package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly execution report of an SLA (SLA执行月报): one line per agreed product.
 *
 * @param sla the SLA
 * @param month the month
 * @param lines one line per product, in the order of the SLA's agreements
 */
public record MonthlyExecutionReport(SlaId sla, YearMonth month, List<MonthlyReportLine> lines) {

    /**
     * Validates the report.
     *
     * @param sla the SLA
     * @param month the month
     * @param lines one line per product, in the order of the SLA's agreements
     * @throws InvalidArgumentException naming the component when one is null or a line is null
     */
    public MonthlyExecutionReport {
        Require.nonNull(sla, "sla");
        Require.nonNull(month, "month");
        lines = Require.nonNullElements(lines, "lines");
    }
}
