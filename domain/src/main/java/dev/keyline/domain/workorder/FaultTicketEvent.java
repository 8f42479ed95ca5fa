package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;

/**
 * An event raised by a {@link FaultTicket}. Its aggregate id is the ticket's id, so the events of
 * one ticket are delivered in order.
 */
public sealed interface FaultTicketEvent extends DomainEvent
        permits FaultReported, FaultTransitioned, FaultClockWarned, FaultClockBreached, FaultDeadlinesRecomputed,
        FaultClockAlertDue {

    /**
     * The ticket concerned.
     *
     * @return its id
     */
    FaultTicketId ticket();

    /**
     * The key account whose service failed.
     *
     * @return the account's id
     */
    AccountId account();
}
