package dev.keyline.spi.staff;

import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.spi.AggregateRepository;

/**
 * The staffing of industry divisions, each with its full, append-only history of changes. Saving
 * follows {@link AggregateRepository}; the history is saved with the staffing.
 */
public interface DivisionStaffingRepository extends AggregateRepository<DivisionStaffing, StaffingId> {
}
