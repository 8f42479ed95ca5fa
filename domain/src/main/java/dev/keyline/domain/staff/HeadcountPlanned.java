package dev.keyline.domain.staff;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * The planned headcount (人力资源管理) of a role in an industry division was set; type {@value #TYPE}. Addressed to the division's staffing id as organisation unit.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param staffing the division's staffing
 * @param industry the industry division
 * @param role the role
 * @param previous the headcount planned before (0 when none was)
 * @param planned the headcount planned now
 * @param by who made the change
 */
public record HeadcountPlanned(EventId eventId, Instant occurredAt, StaffingId staffing, Industry industry, Role role,
        int previous, int planned, UserId by) implements StaffingEvent {

    /** The stable event type. */
    public static final String TYPE = "staff.headcount-planned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param staffing the division's staffing
     * @param industry the industry division
     * @param role the role
     * @param previous the headcount planned before (0 when none was)
     * @param planned the headcount planned now
     * @param by who made the change
     * @throws InvalidArgumentException naming the component when one is null or a count is negative
     */
    public HeadcountPlanned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(staffing, "staffing");
        Require.nonNull(industry, "industry");
        Require.nonNull(role, "role");
        Require.nonNegative(previous, "previous");
        Require.nonNegative(planned, "planned");
        Require.nonNull(by, "by");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Headcount of " + role + " in " + industry + " planned at " + planned + " (was " + previous + ")").withOrganisationUnit(staffing.value());
    }
}
