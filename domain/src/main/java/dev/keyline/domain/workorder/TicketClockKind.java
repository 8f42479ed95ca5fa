package dev.keyline.domain.workorder;

/** Which of a fault ticket's two clocks: response or resolution. */
public enum TicketClockKind {
    /**
     * Time to respond: from the report until the network-management centre has diagnosed the
     * fault.
     */
    RESPONSE,
    /**
     * Time to resolve: from the report until the dispatch centre records the repaired fault as
     * returned.
     */
    RESOLUTION
}
