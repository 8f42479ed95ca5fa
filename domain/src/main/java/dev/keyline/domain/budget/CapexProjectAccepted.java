package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.CapacityBuilt;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A project was accepted (竣工验收); type {@value #TYPE}. It carries the capacity the project
 * built, per pool and resource type, so that the resources area adds it to its pools (it reads it as
 * the kernel's {@link CapacityBuilt}, never naming this area), and what the KPIs need: whether acceptance was first-time-right and how many lines it added to service.
 *
 * @param eventId the event's id
 * @param occurredAt when it was accepted
 * @param project the project
 * @param network the local network that built it
 * @param kind what it was built for
 * @param budgetLine the budget line it was paid from
 * @param capacity the capacity built, per pool
 * @param firstTimeRight whether it passed acceptance at the first inspection
 * @param linesAdded how many lines it added to service
 * @param actualAmount the actual cost booked up to acceptance
 * @param acceptedBy who accepted it
 * @param reason the acceptance record
 */
public record CapexProjectAccepted(EventId eventId, Instant occurredAt, CapexProjectId project, LocalNetworkId network,
        CapexKind kind, CapexBudgetLine budgetLine, List<CapexCapacity> capacity, boolean firstTimeRight,
        long linesAdded, Money actualAmount, UserId acceptedBy, String reason) implements CapexEvent, CapacityBuilt {

    /** The stable event type. */
    public static final String TYPE = "budget.capex-project-accepted";

    /**
     * Validates the event and copies the capacity.
     *
     * @param eventId the event's id
     * @param occurredAt when it was accepted
     * @param project the project
     * @param network the local network that built it
     * @param kind what it was built for
     * @param budgetLine the budget line it was paid from
     * @param capacity the capacity built, per pool
     * @param firstTimeRight whether it passed acceptance at the first inspection
     * @param linesAdded how many lines it added to service
     * @param actualAmount the actual cost booked up to acceptance
     * @param acceptedBy who accepted it
     * @param reason the acceptance record
     * @throws InvalidArgumentException naming the component that is null, blank or negative, or
     *     {@code capacity} when it holds null
     */
    public CapexProjectAccepted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(project, "project");
        Require.nonNull(network, "network");
        Require.nonNull(kind, "kind");
        Require.nonNull(budgetLine, "budgetLine");
        capacity = Require.nonNullElements(capacity, "capacity");
        Require.nonNegative(linesAdded, "linesAdded");
        Require.nonNull(actualAmount, "actualAmount");
        Require.nonNull(acceptedBy, "acceptedBy");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<PoolUnits> capacityBuilt() {
        return capacity.stream().map(c -> new PoolUnits(c.pool(), c.resourceType(), c.units())).toList();
    }

    @Override
    public String capacityReason() {
        return "CAPEX project " + project + " accepted: " + reason;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), network.value(), null, null, "Project " + project
                + " accepted by " + acceptedBy + (firstTimeRight ? " first time right" : " after rework") + ": "
                + capacity + ", " + linesAdded + " lines added");
    }
}
