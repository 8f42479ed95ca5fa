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
 * A person was assigned to a role in an industry division; type {@value #TYPE}. Addressed to the division's staffing id as organisation unit.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param staffing the division's staffing
 * @param industry the industry division
 * @param role the role
 * @param person the person assigned
 * @param filled the role's filled headcount after the assignment
 * @param by who made the change
 */
public record PersonAssigned(EventId eventId, Instant occurredAt, StaffingId staffing, Industry industry, Role role,
        UserId person, int filled, UserId by) implements StaffingEvent {

    /** The stable event type. */
    public static final String TYPE = "staff.person-assigned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param staffing the division's staffing
     * @param industry the industry division
     * @param role the role
     * @param person the person assigned
     * @param filled the role's filled headcount after the assignment
     * @param by who made the change
     * @throws InvalidArgumentException naming the component when one is null or a count is negative
     */
    public PersonAssigned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(staffing, "staffing");
        Require.nonNull(industry, "industry");
        Require.nonNull(role, "role");
        Require.nonNull(person, "person");
        Require.nonNegative(filled, "filled");
        Require.nonNull(by, "by");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of(person + " assigned as " + role + " in " + industry).withOrganisationUnit(staffing.value());
    }
}
