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
 * A fault (障碍 / 故障) was reported by the call centre or detected by the network; type {@value #TYPE}. Both
 * clocks started; the network-management centre judges it next.
 *
 * @param eventId the event's id
 * @param occurredAt when it was reported
 * @param ticket the ticket
 * @param account the key account
 * @param product the product whose service failed
 * @param source who learnt of it first
 * @param priority its priority
 * @param serviceClass the service class, or null when the ticket has none
 * @param description what the customer or the network reported
 * @param reportedBy who recorded it
 * @param responseDeadline when the response is due
 * @param resolutionDeadline when the resolution is due
 */
public record FaultReported(EventId eventId, Instant occurredAt, FaultTicketId ticket, AccountId account,
        ProductCode product, FaultSource source, FaultPriority priority, FaultServiceClass serviceClass,
        String description, UserId reportedBy, Instant responseDeadline, Instant resolutionDeadline)
        implements FaultTicketEvent {

    /** The stable event type. */
    public static final String TYPE = "fault-ticket.reported";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it was reported
     * @param ticket the ticket
     * @param account the key account
     * @param product the product whose service failed
     * @param source who learnt of it first
     * @param priority its priority
     * @param serviceClass the service class, or null when the ticket has none
     * @param description what the customer or the network reported
     * @param reportedBy who recorded it
     * @param responseDeadline when the response is due
     * @param resolutionDeadline when the resolution is due
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one other
     *     than {@code serviceClass} is null or the description is blank
     */
    public FaultReported {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ticket, "ticket");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonNull(source, "source");
        Require.nonNull(priority, "priority");
        Require.text(description, "description");
        Require.nonNull(reportedBy, "reportedBy");
        Require.nonNull(responseDeadline, "responseDeadline");
        Require.nonNull(resolutionDeadline, "resolutionDeadline");
    }

    @Override
    public String aggregateId() {
        return ticket.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Addressed to the network centre, which diagnoses it, about the account. */
    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), null, account.value(), null,
                "Fault " + ticket + " on " + product + " of account " + account + " (" + priority + ", " + source
                        + "): respond by " + responseDeadline + ", resolve by " + resolutionDeadline);
    }
}
