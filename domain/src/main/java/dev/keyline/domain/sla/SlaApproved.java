package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.YearMonth;

/**
 * An SLA was approved and is in force; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param department the marketing department
 * @param approvedBy who approved it
 * @param firstMonth the first month of its period
 * @param lastMonth the last month of its period
 */
public record SlaApproved(EventId eventId, Instant occurredAt, SlaId sla, MarketingDepartment department, UserId approvedBy, YearMonth firstMonth, YearMonth lastMonth) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.approved";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param department the marketing department
     * @param approvedBy who approved it
     * @param firstMonth the first month of its period
     * @param lastMonth the last month of its period
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaApproved {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(department, "department");
        Require.nonNull(approvedBy, "approvedBy");
        Require.nonNull(firstMonth, "firstMonth");
        Require.nonNull(lastMonth, "lastMonth");
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
        return Audience.of("SLA " + sla + " of " + department + " in force " + firstMonth + ".." + lastMonth);
    }
}
