package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A project was approved (立项): it is linked to a budget line with a planned amount and a
 * schedule; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param project the project
 * @param network the local network that builds it
 * @param kind what it is built for
 * @param budgetLine the budget line it is paid from
 * @param plannedAmount the amount approved
 * @param schedule the planned dates
 * @param approvedBy who approved it
 * @param reason why
 */
public record CapexProjectApproved(EventId eventId, Instant occurredAt, CapexProjectId project, LocalNetworkId network,
        CapexKind kind, CapexBudgetLine budgetLine, Money plannedAmount, CapexSchedule schedule, UserId approvedBy,
        String reason) implements CapexEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.capex-project-approved";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param project the project
     * @param network the local network that builds it
     * @param kind what it is built for
     * @param budgetLine the budget line it is paid from
     * @param plannedAmount the amount approved
     * @param schedule the planned dates
     * @param approvedBy who approved it
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public CapexProjectApproved {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(project, "project");
        Require.nonNull(network, "network");
        Require.nonNull(kind, "kind");
        Require.nonNull(budgetLine, "budgetLine");
        Require.nonNull(plannedAmount, "plannedAmount");
        Require.nonNull(schedule, "schedule");
        Require.nonNull(approvedBy, "approvedBy");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), network.value(), null, null, "Project " + project
                + " approved by " + approvedBy + " for " + plannedAmount + " on budget line " + budgetLine
                + ", acceptance planned " + schedule.plannedAcceptance());
    }
}
