package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One entry of a {@link DivisionStaffing}'s history: a planned headcount set, a person assigned
 * or a person released. The history is append-only; the staffing is what replaying it gives.
 *
 * @param kind what the change did
 * @param role the role concerned
 * @param headcount the planned headcount for {@link StaffingChangeKind#PLAN}, 0 otherwise
 * @param person the person assigned or released; null for {@link StaffingChangeKind#PLAN}
 * @param by who made the change
 * @param at when
 */
public record StaffingChange(StaffingChangeKind kind, Role role, int headcount, UserId person, UserId by, Instant at) {

    /**
     * Validates the entry.
     *
     * @param kind what the change did
     * @param role the role concerned
     * @param headcount the planned headcount for {@link StaffingChangeKind#PLAN}, 0 otherwise
     * @param person the person assigned or released; null for {@link StaffingChangeKind#PLAN}
     * @param by who made the change
     * @param at when
     * @throws InvalidArgumentException naming the component when a required one is null, the
     *     headcount is outside 0..{@link DivisionStaffing#MAX_HEADCOUNT} (or not 0 for an assignment or
     *     release), or the person is present on a plan or missing on an assignment or release
     */
    public StaffingChange {
        Require.nonNull(kind, "kind");
        Require.nonNull(role, "role");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        if (kind == StaffingChangeKind.PLAN) {
            Require.that(person == null, "person", "a plan names no person");
            Require.that(headcount >= 0 && headcount <= DivisionStaffing.MAX_HEADCOUNT, "headcount",
                    () -> "must be between 0 and " + DivisionStaffing.MAX_HEADCOUNT + " but was " + headcount);
        } else {
            Require.nonNull(person, "person");
            Require.that(headcount == 0, "headcount", () -> "must be 0 on an assignment or release, was " + headcount);
        }
    }
}
