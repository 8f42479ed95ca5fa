package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * A project booked a commitment, reversed one or booked an actual cost on its budget line; type
 * {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param project the project
 * @param network the local network that builds it
 * @param budgetLine the budget line it is paid from
 * @param booking what was booked, from which document, by whom
 * @param committed the project's open commitments after the booking
 * @param actual the project's actual cost after the booking
 */
public record CapexAmountBooked(EventId eventId, Instant occurredAt, CapexProjectId project, LocalNetworkId network,
        CapexBudgetLine budgetLine, CapexBooking booking, Money committed, Money actual) implements CapexEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.capex-amount-booked";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param project the project
     * @param network the local network that builds it
     * @param budgetLine the budget line it is paid from
     * @param booking what was booked, from which document, by whom
     * @param committed the project's open commitments after the booking
     * @param actual the project's actual cost after the booking
     * @throws InvalidArgumentException naming the component that is null
     */
    public CapexAmountBooked {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(project, "project");
        Require.nonNull(network, "network");
        Require.nonNull(budgetLine, "budgetLine");
        Require.nonNull(booking, "booking");
        Require.nonNull(committed, "committed");
        Require.nonNull(actual, "actual");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.FINANCIAL_MANAGER.name(), network.value(), null, null, "Project " + project + " booked "
                + booking.kind() + " " + booking.amount() + " (" + booking.document() + ") on budget line " + budgetLine
                + ": committed " + committed + ", actual " + actual);
    }
}
