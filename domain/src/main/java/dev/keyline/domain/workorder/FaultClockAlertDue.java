package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * The outbox timer of a fault ticket clock's warning or breach fell due (it occurs at the instant
 * the alert was planned for); the work-order area's reaction then records what is due on the
 * ticket as it is stored, so a timer of a clock since paused, stopped or already alerted changes
 * nothing; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when the timer fell due
 * @param ticket the ticket
 * @param account the key account
 * @param clock which clock
 * @param alert whether the warning or the breach fell due
 */
public record FaultClockAlertDue(EventId eventId, Instant occurredAt, FaultTicketId ticket, AccountId account,
        TicketClockKind clock, Alert alert) implements FaultTicketEvent {

    /** The stable event type. */
    public static final String TYPE = "fault-ticket.clock-alert-due";

    /** Which of a clock's two alerts a timer is for. */
    public enum Alert {
        /** The clock has counted the warning share of its target. */
        WARNING,
        /** The clock has passed its deadline. */
        BREACH
    }

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when the timer fell due
     * @param ticket the ticket
     * @param account the key account
     * @param clock which clock
     * @param alert whether the warning or the breach fell due
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component that is null
     */
    public FaultClockAlertDue {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ticket, "ticket");
        Require.nonNull(account, "account");
        Require.nonNull(clock, "clock");
        Require.nonNull(alert, "alert");
    }

    @Override
    public String aggregateId() {
        return ticket.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, account.value(), null, "The "
                + alert.name().toLowerCase() + " timer of the " + clock + " clock of fault " + ticket + " fell due at "
                + occurredAt);
    }
}
