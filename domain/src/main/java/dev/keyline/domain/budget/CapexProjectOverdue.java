package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * A project missed a date of its schedule: construction had not started by the planned start, or
 * it was not accepted by the planned acceptance; type {@value #TYPE}. Raised once per milestone.
 *
 * @param eventId the event's id
 * @param occurredAt when the sweep found it overdue
 * @param project the project
 * @param network the local network that builds it
 * @param milestone the milestone missed
 * @param dueAt the milestone's planned date
 * @param stage the stage the project is still in
 */
public record CapexProjectOverdue(EventId eventId, Instant occurredAt, CapexProjectId project, LocalNetworkId network,
        CapexMilestone milestone, Instant dueAt, CapexStage stage) implements CapexEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.capex-project-overdue";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when the sweep found it overdue
     * @param project the project
     * @param network the local network that builds it
     * @param milestone the milestone missed
     * @param dueAt the milestone's planned date
     * @param stage the stage the project is still in
     * @throws InvalidArgumentException naming the component that is null
     */
    public CapexProjectOverdue {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(project, "project");
        Require.nonNull(network, "network");
        Require.nonNull(milestone, "milestone");
        Require.nonNull(dueAt, "dueAt");
        Require.nonNull(stage, "stage");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), network.value(), null, null, "Project " + project
                + " is overdue: " + milestone + " was due " + dueAt + ", still " + stage);
    }
}
