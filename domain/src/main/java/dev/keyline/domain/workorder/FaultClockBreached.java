package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Duration;
import java.time.Instant;

/**
 * A fault ticket's clock passed its deadline; type {@value #TYPE}. It occurred at the deadline,
 * and the breach stays recorded for the clock's cycle even if the goal is reached later.
 *
 * @param eventId the event's id
 * @param occurredAt the deadline that passed
 * @param ticket the ticket
 * @param account the key account
 * @param clock which clock
 * @param target the clock's target
 * @param station the station the ticket is dispatched to, or null before a dispatch
 */
public record FaultClockBreached(EventId eventId, Instant occurredAt, FaultTicketId ticket, AccountId account,
        TicketClockKind clock, Duration target, FaultStation station) implements FaultTicketEvent {

    /** The stable event type. */
    public static final String TYPE = "fault-ticket.clock-breached";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt the deadline that passed
     * @param ticket the ticket
     * @param account the key account
     * @param clock which clock
     * @param target the clock's target
     * @param station the station the ticket is dispatched to, or null before a dispatch
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one other
     *     than {@code station} is null
     */
    public FaultClockBreached {
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

    /** Escalated to the account manager of the account (closed loops 2 and 3), with the station. */
    @Override
    public Audience audience() {
        return new Audience(Role.ACCOUNT_MANAGER.name(), null, account.value(), station == null ? null : station.value(),
                "Fault " + ticket + " of account " + account + ": the " + clock + " clock breached its target of "
                        + target + " at " + occurredAt);
    }
}
