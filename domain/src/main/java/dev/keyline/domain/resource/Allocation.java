package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * Units of a pool given to a key account (大客户) for a service, until they are released.
 *
 * @param id the allocation's id
 * @param holder the key account holding the units
 * @param reference the order or SLA the units serve, at most {@value Limits#NAME_LENGTH} characters
 * @param reservation the reservation they were allocated through, empty for a direct allocation
 * @param units the units; never empty
 * @param allocatedAt when
 */
public record Allocation(AllocationId id, AccountId holder, String reference, Optional<ReservationId> reservation,
        UnitSet units, Instant allocatedAt) {

    /**
     * Validates the allocation.
     *
     * @param id the allocation's id
     * @param holder the key account holding the units
     * @param reference the order or SLA the units serve, at most {@value Limits#NAME_LENGTH} characters
     * @param reservation the reservation they were allocated through, empty for a direct allocation
     * @param units the units; never empty
     * @param allocatedAt when
     * @throws InvalidArgumentException naming the component that is null, {@code reference} when it
     *     is blank or too long, or {@code units} when it is empty
     */
    public Allocation {
        Require.nonNull(id, "id");
        Require.nonNull(holder, "holder");
        Require.text(reference, "reference", Limits.NAME_LENGTH);
        Require.nonNull(reservation, "reservation");
        Require.nonNull(units, "units");
        Require.that(!units.isEmpty(), "units", () -> "must hold at least one unit for allocation " + id);
        Require.nonNull(allocatedAt, "allocatedAt");
    }
}
