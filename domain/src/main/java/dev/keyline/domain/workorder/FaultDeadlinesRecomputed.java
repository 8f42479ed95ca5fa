package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * A fault ticket's deadlines were derived again from its clocks' logs on a changed business
 * calendar, and at least one moved; type {@value #TYPE}. Recorded warnings and breaches stay.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param ticket the ticket
 * @param account the key account
 * @param responseDeadline the response clock's deadline now, or null when its log determines none
 * @param resolutionDeadline the resolution clock's deadline now, or null when its log determines none
 */
public record FaultDeadlinesRecomputed(EventId eventId, Instant occurredAt, FaultTicketId ticket, AccountId account,
        Instant responseDeadline, Instant resolutionDeadline) implements FaultTicketEvent {

    /** The stable event type. */
    public static final String TYPE = "fault-ticket.deadlines-recomputed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param ticket the ticket
     * @param account the key account
     * @param responseDeadline the response clock's deadline now, or null when its log determines none
     * @param resolutionDeadline the resolution clock's deadline now, or null when its log determines none
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one other
     *     than the deadlines is null
     */
    public FaultDeadlinesRecomputed {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ticket, "ticket");
        Require.nonNull(account, "account");
    }

    @Override
    public String aggregateId() {
        return ticket.value();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
