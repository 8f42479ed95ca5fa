package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A construction project was proposed; type {@value #TYPE}. Addressed to the network centre's
 * manager, who runs its feasibility study.
 *
 * @param eventId the event's id
 * @param occurredAt when it was proposed
 * @param project the project
 * @param network the local network that builds it
 * @param kind what it is built for
 * @param title its title
 * @param request the investment request it answers, or null for a project proposed directly
 * @param capacity the capacity it is to build
 * @param proposedBy who proposed it, or null when another area's request raised it
 * @param reason why it is needed
 */
public record CapexProjectProposed(EventId eventId, Instant occurredAt, CapexProjectId project, LocalNetworkId network,
        CapexKind kind, String title, CapexRequestRef request, List<CapexCapacity> capacity, UserId proposedBy,
        String reason) implements CapexEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.capex-project-proposed";

    /**
     * Validates the event and copies the capacity.
     *
     * @param eventId the event's id
     * @param occurredAt when it was proposed
     * @param project the project
     * @param network the local network that builds it
     * @param kind what it is built for
     * @param title its title
     * @param request the investment request it answers, or null for a project proposed directly
     * @param capacity the capacity it is to build
     * @param proposedBy who proposed it, or null when another area's request raised it
     * @param reason why it is needed
     * @throws InvalidArgumentException naming the component when one other than {@code request} and
     *     {@code proposedBy} is null or blank, or {@code capacity} holds null
     */
    public CapexProjectProposed {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(project, "project");
        Require.nonNull(network, "network");
        Require.nonNull(kind, "kind");
        Require.text(title, "title");
        capacity = Require.nonNullElements(capacity, "capacity");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), network.value(), null, null, kind + " project "
                + project + " proposed" + (request == null ? "" : " for request " + request) + ": " + title + " ("
                + reason + ")");
    }
}
