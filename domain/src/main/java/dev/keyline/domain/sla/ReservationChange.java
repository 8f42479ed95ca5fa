package dev.keyline.domain.sla;

/** What happened to a binding reservation the SLA keeps a record of. */
public enum ReservationChange {
    /** The resources area made it against the SLA. */
    MADE,
    /** The resources area released it. */
    RELEASED
}
