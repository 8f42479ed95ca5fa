package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a fault ticket's append-only transition log: who moved it, when, from which state
 * to which, and why. The first entry is the report, from no state to {@link FaultTicketState#REPORTED}.
 * A dispatch (派单) names the station (工位), a return (返单) the cause; replaying the log gives the ticket's state,
 * station and cause.
 *
 * @param actedBy who acted
 * @param at when
 * @param from the state before; null only for the report
 * @param to the state after
 * @param note what was said or done; not blank
 * @param station the station dispatched to; set exactly on a move to {@link FaultTicketState#DISPATCHED}
 * @param cause the fault's cause; set exactly on a move to {@link FaultTicketState#RETURNED}
 */
public record FaultTransition(UserId actedBy, Instant at, FaultTicketState from, FaultTicketState to, String note,
        FaultStation station, FaultCause cause) {

    /**
     * Validates the entry.
     *
     * @param actedBy who acted
     * @param at when
     * @param from the state before; null only for the report
     * @param to the state after
     * @param note what was said or done; not blank
     * @param station the station dispatched to; set exactly on a move to {@link FaultTicketState#DISPATCHED}
     * @param cause the fault's cause; set exactly on a move to {@link FaultTicketState#RETURNED}
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or blank, when {@code from} is missing on anything but a report, or when a station or
     *     cause is missing on, or given outside, the move that sets it
     */
    public FaultTransition {
        Require.nonNull(actedBy, "actedBy");
        Require.nonNull(at, "at");
        Require.nonNull(to, "to");
        Require.text(note, "note");
        Require.that(from != null || to == FaultTicketState.REPORTED, "from",
                () -> "only the report has no previous state, but the move to " + to + " has none");
        Require.that(from == null || to != FaultTicketState.REPORTED || from == FaultTicketState.PENDING_CUSTOMER, "to",
                () -> "a ticket returns to REPORTED only when resumed from PENDING_CUSTOMER, not from " + from);
        boolean dispatch = to == FaultTicketState.DISPATCHED && from != FaultTicketState.PENDING_CUSTOMER;
        boolean returned = to == FaultTicketState.RETURNED;
        Require.that(dispatch == (station != null), "station", () -> dispatch ? "a dispatch names the station"
                : "only a dispatch names a station, but the move from " + from + " to " + to + " names " + station);
        Require.that(returned == (cause != null), "cause", () -> returned ? "a return names the fault's cause"
                : "only a return names the cause, but the move from " + from + " to " + to + " names " + cause);
    }

    /**
     * Whether this entry is the report that opened the ticket.
     *
     * @return true when there is no previous state
     */
    public boolean isReport() {
        return from == null;
    }

    /**
     * The previous state.
     *
     * @return the state before, empty for the report
     */
    public Optional<FaultTicketState> fromIfAny() {
        return Optional.ofNullable(from);
    }
}
