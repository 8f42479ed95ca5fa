package dev.keyline.memory.staff;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.DivisionStaffingSnapshot;
import dev.keyline.domain.staff.IncentiveLedger;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveLedgerSnapshot;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.staff.DivisionStaffingRepository;
import dev.keyline.spi.staff.IncentiveLedgerRepository;
import dev.keyline.spi.staff.StaffArea;

/** The HR interface area in the in-memory provider; installed by default. */
public final class InMemoryStaffArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryStaffArea() {
    }

    @Override
    public Area area() {
        return new StaffArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(DivisionStaffingRepository.class, new Staffings(storage));
        ports.register(IncentiveLedgerRepository.class, new Ledgers(storage));
    }

    /** The divisions' staffing, each with its history. */
    private static final class Staffings
            extends InMemoryAggregateRepository<DivisionStaffing, StaffingId, DivisionStaffingSnapshot>
            implements DivisionStaffingRepository {

        Staffings(InMemoryStorage storage) {
            super(storage, "division staffing", DivisionStaffingSnapshot.class, DivisionStaffing::snapshot,
                    DivisionStaffing::restore);
        }
    }

    /** The incentive ledgers, each with its tables and awards. */
    private static final class Ledgers
            extends InMemoryAggregateRepository<IncentiveLedger, IncentiveLedgerId, IncentiveLedgerSnapshot>
            implements IncentiveLedgerRepository {

        Ledgers(InMemoryStorage storage) {
            super(storage, "incentive ledger", IncentiveLedgerSnapshot.class, IncentiveLedger::snapshot,
                    IncentiveLedger::restore);
        }
    }
}
