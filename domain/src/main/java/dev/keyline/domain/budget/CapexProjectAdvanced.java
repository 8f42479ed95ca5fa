package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A project took a lifecycle step that has no event of its own: its feasibility study began,
 * construction started, it was evaluated, rejected or cancelled; type {@value #TYPE}. (Approval and
 * acceptance raise {@link CapexProjectApproved} and {@link CapexProjectAccepted}.)
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param project the project
 * @param network the local network that builds it
 * @param from the stage before
 * @param to the stage after
 * @param by who took the step
 * @param reason why
 */
public record CapexProjectAdvanced(EventId eventId, Instant occurredAt, CapexProjectId project, LocalNetworkId network,
        CapexStage from, CapexStage to, UserId by, String reason) implements CapexEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.capex-project-advanced";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param project the project
     * @param network the local network that builds it
     * @param from the stage before
     * @param to the stage after
     * @param by who took the step
     * @param reason why
     * @throws InvalidArgumentException naming the component that is null or blank
     */
    public CapexProjectAdvanced {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(project, "project");
        Require.nonNull(network, "network");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), network.value(), null, null, "Project " + project
                + " moved from " + from + " to " + to + " by " + by + ": " + reason);
    }
}
