package dev.keyline.domain.resource;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * A pool falls short of a demand, so construction is asked for: emergency when an order is waiting, rolling otherwise; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param pool the pool
 * @param resourceType what the pool holds
 * @param location where
 * @param kind rolling investment or emergency construction
 * @param shortfall how many units are missing
 * @param demand the units asked for or forecast
 * @param available the units available when it was asked
 * @param reservation the rejected reservation that showed the shortfall, if any
 * @param reason what the demand is
 */
public record InvestmentRequested(EventId eventId, Instant occurredAt, PoolId pool, ResourceType resourceType,
        PoolLocation location, InvestmentKind kind, long shortfall, long demand, long available,
        Optional<ReservationId> reservation, String reason) implements ResourcePoolEvent {

    /** The stable event type. */
    public static final String TYPE = "resource.investment-requested";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param pool the pool
     * @param resourceType what the pool holds
     * @param location where
     * @param kind rolling investment or emergency construction
     * @param shortfall how many units are missing
     * @param demand the units asked for or forecast
     * @param available the units available when it was asked
     * @param reservation the rejected reservation that showed the shortfall, if any
     * @param reason what the demand is
     * @throws InvalidArgumentException naming the component that is null, blank or out of range
     */
    public InvestmentRequested {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(pool, "pool");
        Require.nonNull(resourceType, "resourceType");
        Require.nonNull(location, "location");
        Require.nonNull(kind, "kind");
        Require.positive(shortfall, "shortfall");
        Require.positive(demand, "demand");
        Require.nonNegative(available, "available");
        Require.nonNull(reservation, "reservation");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return pool.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.NETWORK_CENTRE_MANAGER.name(), location.network().value(), null, null, "Pool " + pool + " (" + resourceType + " at " + location + ") is " + shortfall + " units short of " + demand + ": " + kind + " investment requested: " + reason);
    }
}
