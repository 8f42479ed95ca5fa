package dev.keyline.domain.staff;

import dev.keyline.domain.common.DomainEvent;

/** An event raised by a {@link DivisionStaffing}. Its aggregate id is the staffing's id. */
public sealed interface StaffingEvent extends DomainEvent permits HeadcountPlanned, PersonAssigned, PersonReleased {

    /** {@return the staffing concerned} */
    StaffingId staffing();

    @Override
    default String aggregateId() {
        return staffing().value();
    }
}
