package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The network centre issued an SLA's monthly execution report; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param month the month
 * @param lines one line per product
 * @param issuedBy who issued it
 */
public record SlaMonthlyReportIssued(EventId eventId, Instant occurredAt, SlaId sla, YearMonth month, List<MonthlyReportLine> lines, UserId issuedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.monthly-report-issued";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param month the month
     * @param lines one line per product
     * @param issuedBy who issued it
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaMonthlyReportIssued {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(month, "month");
        lines = Require.nonNullElements(lines, "lines");
        Require.nonNull(issuedBy, "issuedBy");
    }

    @Override
    public String aggregateId() {
        return sla.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("SLA " + sla + " execution report for " + month).withRole("MARKETING_MANAGER");
    }
}
