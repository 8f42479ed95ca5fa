package dev.keyline.domain.budget;

/** A date of a {@link CapexSchedule} a project can be overdue against. */
public enum CapexMilestone {
    /** Construction should have started by the planned start. */
    CONSTRUCTION_START,
    /** The project should have been accepted (竣工验收) by the planned acceptance. */
    ACCEPTANCE
}
