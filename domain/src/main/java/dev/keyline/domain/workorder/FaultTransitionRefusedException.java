package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidStateException;

/**
 * A fault ticket was asked to move along a transition its flow does not allow, for example from
 * {@link FaultTicketState#REPORTED} straight to {@link FaultTicketState#IN_REPAIR}, or out of a
 * closed ticket. Nothing changed.
 */
public final class FaultTransitionRefusedException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** The state the ticket is in. */
    private final FaultTicketState from;
    /** The state it was asked to move to. */
    private final FaultTicketState to;

    /**
     * @param ticket the ticket
     * @param from the state it is in
     * @param to the state it was asked to move to
     * @param allowed what it may move to instead, for the message
     */
    FaultTransitionRefusedException(FaultTicketId ticket, FaultTicketState from, FaultTicketState to, String allowed) {
        super("fault ticket " + ticket + " is " + from + " and cannot move to " + to + "; " + allowed);
        this.from = from;
        this.to = to;
    }

    /**
     * The state the ticket is in.
     *
     * @return the state
     */
    public FaultTicketState from() {
        return from;
    }

    /**
     * The state it was asked to move to.
     *
     * @return the refused target state
     */
    public FaultTicketState to() {
        return to;
    }
}
