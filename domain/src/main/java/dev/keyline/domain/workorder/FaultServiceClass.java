package dev.keyline.domain.workorder;

/**
 * The service class of the customer's agreement, as a code value from A (the strictest) to E.
 * When a ticket has one, it chooses the ticket's clock targets from the host's
 * {@link TicketClockPolicy} instead of the priority. This is a code value of its own: the ticket
 * does not depend on the SLA area's types.
 */
public enum FaultServiceClass {
    /** Class A, the strictest. */
    A,
    /** Class B. */
    B,
    /** Class C. */
    C,
    /** Class D. */
    D,
    /** Class E, the most lenient. */
    E
}
