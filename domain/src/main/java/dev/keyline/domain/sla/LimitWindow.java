package dev.keyline.domain.sla;

/** Over what a service class's limit counts orders (per SLA and per product). */
public enum LimitWindow {

    /** Per calendar month. */
    CALENDAR_MONTH,

    /** Per SLA period (the SLA year, or the shorter period the host chose). */
    SLA_PERIOD,

    /** No limit. */
    NONE
}
