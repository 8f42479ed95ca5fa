package dev.keyline.domain.workorder;

/**
 * How urgent a fault (故障) is; without a service class it chooses the ticket's clock targets from the
 * host's {@link TicketClockPolicy}. Declared from the most urgent down.
 */
public enum FaultPriority {
    /** Service down for the customer (业务中断). */
    CRITICAL,
    /** Service degraded seriously. */
    HIGH,
    /** Service degraded. */
    MEDIUM,
    /** A question or a fault without effect on the service. */
    LOW
}
