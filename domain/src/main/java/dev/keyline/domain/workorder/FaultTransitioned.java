package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A fault (故障) ticket moved from one state to another; type {@value #TYPE}. One event per entry of the
 * ticket's transition log after the report, with the same content.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param ticket the ticket
 * @param account the key account
 * @param product the product
 * @param from the state before
 * @param to the state after
 * @param actedBy who moved it
 * @param note what was said or done
 * @param station the station dispatched to, on a dispatch; else null
 * @param cause the fault's cause, on a return; else null
 */
public record FaultTransitioned(EventId eventId, Instant occurredAt, FaultTicketId ticket, AccountId account,
        ProductCode product, FaultTicketState from, FaultTicketState to, UserId actedBy, String note,
        FaultStation station, FaultCause cause) implements FaultTicketEvent {

    /** The stable event type. */
    public static final String TYPE = "fault-ticket.transitioned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param ticket the ticket
     * @param account the key account
     * @param product the product
     * @param from the state before
     * @param to the state after
     * @param actedBy who moved it
     * @param note what was said or done
     * @param station the station dispatched to, on a dispatch; else null
     * @param cause the fault's cause, on a return; else null
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one other
     *     than {@code station} and {@code cause} is null or the note is blank
     */
    public FaultTransitioned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ticket, "ticket");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.nonNull(actedBy, "actedBy");
        Require.text(note, "note");
    }

    @Override
    public String aggregateId() {
        return ticket.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Addressed to whoever acts next: the station manager of the station on a dispatch, the account
     * manager once the repair is returned (the call centre replies to the customer), otherwise the
     * network centre.
     */
    @Override
    public Audience audience() {
        Role next = to == FaultTicketState.DISPATCHED ? Role.STATION_MANAGER
                : to == FaultTicketState.RETURNED || to == FaultTicketState.REPLIED || to == FaultTicketState.CLOSED
                        ? Role.ACCOUNT_MANAGER : Role.NETWORK_CENTRE_MANAGER;
        return new Audience(next.name(), null, account.value(), station == null ? null : station.value(),
                "Fault " + ticket + " on " + product + " of account " + account + ": " + from + " -> " + to
                        + (station == null ? "" : " to station " + station) + (cause == null ? "" : ", cause " + cause));
    }
}
