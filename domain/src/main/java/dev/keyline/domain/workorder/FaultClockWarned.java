package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Duration;
import java.time.Instant;

/**
 * A fault ticket's clock has used its warning share of the target; type {@value #TYPE}. It
 * occurred at the warning instant, whenever the sweep noticed it.
 *
 * @param eventId the event's id
 * @param occurredAt the warning instant
 * @param ticket the ticket
 * @param account the key account
 * @param clock which clock
 * @param target the clock's target
 * @param deadline the clock's deadline when the warning was recorded, or null while it is paused
 * @param station the station the ticket is dispatched to, or null before a dispatch
 */
public record FaultClockWarned(EventId eventId, Instant occurredAt, FaultTicketId ticket, AccountId account,
        TicketClockKind clock, Duration target, Instant deadline, FaultStation station) implements FaultTicketEvent {

    /** The stable event type. */
    public static final String TYPE = "fault-ticket.clock-warned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt the warning instant
     * @param ticket the ticket
     * @param account the key account
     * @param clock which clock
     * @param target the clock's target
     * @param deadline the clock's deadline when the warning was recorded, or null while it is paused
     * @param station the station the ticket is dispatched to, or null before a dispatch
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one other
     *     than {@code deadline} and {@code station} is null
     */
    public FaultClockWarned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ticket, "ticket");
        Require.nonNull(account, "account");
        Require.nonNull(clock, "clock");
        Require.nonNull(target, "target");
    }

    @Override
    public String aggregateId() {
        return ticket.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Addressed to the station manager once dispatched, before that to the network centre. */
    @Override
    public Audience audience() {
        Role role = station == null ? Role.NETWORK_CENTRE_MANAGER : Role.STATION_MANAGER;
        return new Audience(role.name(), null, account.value(), station == null ? null : station.value(),
                "Fault " + ticket + " of account " + account + ": the " + clock + " clock warns, deadline "
                        + (deadline == null ? "paused" : deadline.toString()));
    }
}
