package dev.keyline.spi.staff;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.staff.IncentiveLedgerEvent;
import dev.keyline.domain.staff.StaffingEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The HR interface area, {@value #NAME}: staffing per industry division and incentive ledgers.
 * Registered by default through {@link java.util.ServiceLoader}.
 */
public final class StaffArea implements Area {

    /** The area's name. */
    public static final String NAME = "staff";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public StaffArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(DivisionStaffingRepository.class, IncentiveLedgerRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(StaffingEvent.class, IncentiveLedgerEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
