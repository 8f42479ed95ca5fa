package dev.keyline.domain.staff;

/** What a {@link StaffingChange} did. */
public enum StaffingChangeKind {
    /** The planned headcount of a role was set. */
    PLAN,
    /** A person was assigned to a role. */
    ASSIGN,
    /** A person left their role in the division. */
    RELEASE
}
