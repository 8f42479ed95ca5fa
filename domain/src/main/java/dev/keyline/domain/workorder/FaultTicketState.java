package dev.keyline.domain.workorder;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a fault ticket stands, after the seed's flow (故障处理): the call centre records the fault
 * or the network finds it ({@link #REPORTED}), the network-management centre judges it
 * ({@link #DIAGNOSED}), the dispatch centre dispatches it to a station ({@link #DISPATCHED}), the
 * station repairs it ({@link #IN_REPAIR}), the dispatch centre records it as returned
 * ({@link #RETURNED}), the call centre answers the customer ({@link #REPLIED}), and the ticket is
 * closed ({@link #CLOSED}). While waiting for the customer it is {@link #PENDING_CUSTOMER} (its
 * clocks pause) and it returns to the state it left; before it is returned it may be
 * {@link #CANCELLED}.
 */
public enum FaultTicketState {
    /** Recorded by the call centre or detected by the network. */
    REPORTED,
    /** Judged by the network-management centre (网管中心). */
    DIAGNOSED,
    /** Dispatched to a station by the dispatch centre (调度中心). */
    DISPATCHED,
    /** Being repaired at the station. */
    IN_REPAIR,
    /** Repaired, recorded and returned by the dispatch centre, with the fault's cause. */
    RETURNED,
    /** The call centre has answered the customer. */
    REPLIED,
    /** Done. */
    CLOSED,
    /** Waiting for the customer (for access to the site, a test); the clocks pause. */
    PENDING_CUSTOMER,
    /** Withdrawn before the repair was returned. */
    CANCELLED;

    private static final Set<FaultTicketState> PAUSABLE = EnumSet.of(REPORTED, DIAGNOSED, DISPATCHED, IN_REPAIR);

    /**
     * Whether the ticket takes no further transition.
     *
     * @return true for closed and cancelled
     */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    /**
     * Whether the fault still needs work: neither returned (nor later) nor cancelled.
     *
     * @return true for reported, diagnosed, dispatched, in repair and pending customer
     */
    public boolean isOpen() {
        return PAUSABLE.contains(this) || this == PENDING_CUSTOMER;
    }

    /**
     * Whether a ticket in this state may wait for the customer.
     *
     * @return true for reported, diagnosed, dispatched and in repair
     */
    public boolean mayAwaitCustomer() {
        return PAUSABLE.contains(this);
    }

    /**
     * The state the regular flow leads to next, not counting waiting for the customer or
     * cancelling.
     *
     * @return the next state, or null for {@link #CLOSED},
     *     {@link #PENDING_CUSTOMER} and {@link #CANCELLED}
     */
    FaultTicketState nextInFlow() {
        return switch (this) {
            case REPORTED -> DIAGNOSED;
            case DIAGNOSED -> DISPATCHED;
            case DISPATCHED -> IN_REPAIR;
            case IN_REPAIR -> RETURNED;
            case RETURNED -> REPLIED;
            case REPLIED -> CLOSED;
            case CLOSED, PENDING_CUSTOMER, CANCELLED -> null;
        };
    }
}
