package dev.keyline.domain.staff;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.testing.NullArgumentsTester;
import java.time.Instant;

/** Samples of the staff area for the null-argument tests of every layer. */
public final class StaffSamples {

    /** The department general manager who plans and pays. */
    public static final UserId DGM = new UserId("dgm");

    /** An account manager. */
    public static final UserId ALICE = new UserId("alice");

    /** A time. */
    public static final Instant T0 = Instant.parse("2027-01-04T01:00:00Z");

    private StaffSamples() {
    }

    /**
     * The finance division of Suzhou with two account managers planned and Alice assigned.
     *
     * @return the staffing
     */
    public static DivisionStaffing staffing() {
        DivisionStaffing staffing = DivisionStaffing.open(new StaffingId("sz-finance"), Industry.FINANCE);
        staffing.planHeadcount(Role.ACCOUNT_MANAGER, 2, DGM, T0);
        staffing.assign(Role.ACCOUNT_MANAGER, ALICE, DGM, T0);
        return staffing;
    }

    /**
     * A ledger on the standard table with one award to Alice for March.
     *
     * @return the ledger
     */
    public static IncentiveLedger ledger() {
        IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz-key-accounts"), IncentiveTable.standard(),
                DGM, T0);
        ledger.award(ALICE, IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH), Money.cny("1000.00"), DGM, T0);
        return ledger;
    }

    /**
     * Registers the value samples (ids, tables), for the layers above the domain.
     *
     * @param tester the tester
     */
    public static void values(NullArgumentsTester tester) {
        tester.value(StaffingId.class, () -> new StaffingId("sz-finance"))
                .value(IncentiveLedgerId.class, () -> new IncentiveLedgerId("sz-key-accounts"))
                .value(IncentiveTable.class, IncentiveTable::standard)
                .value(dev.keyline.domain.kpi.ScorecardResult.class,
                        () -> IncentiveSamples.complete(Band.AMBER, IncentiveSamples.MARCH));
    }

    /**
     * Registers every sample and the reviewed allowances of the staff area.
     *
     * @param tester the tester
     */
    public static void register(NullArgumentsTester tester) {
        values(tester);
        tester.value(DivisionStaffingSnapshot.class, () -> staffing().snapshot())
                .value(IncentiveLedgerSnapshot.class, () -> ledger().snapshot())
                .value(IncentiveAward.class, () -> ledger().awards().get(0))
                .value(RoleProfile.class, () -> RoleCatalogue.standard().profile(Role.ACCOUNT_MANAGER))
                .instance(DivisionStaffing.class, StaffSamples::staffing)
                .instance(IncentiveLedger.class, StaffSamples::ledger)
                .instance(IncentiveAward.class, () -> ledger().awards().get(0))
                .instance(RoleCatalogue.class, RoleCatalogue::standard)
                .instance(RoleProfile.class, () -> RoleCatalogue.standard().profile(Role.ACCOUNT_MANAGER));
        String snapshotReason = "a snapshot is validated by restore, which reports a null part as corrupt";
        tester.nullableParameters(DivisionStaffingSnapshot.class, NullArgumentsTester.CONSTRUCTOR, snapshotReason)
                .nullableParameters(IncentiveLedgerSnapshot.class, NullArgumentsTester.CONSTRUCTOR, snapshotReason)
                .nullable(StaffingChange.class, NullArgumentsTester.CONSTRUCTOR, "person", "null on a plan, which names no person")
                .nullable(IncentiveTableChanged.class, NullArgumentsTester.CONSTRUCTOR, "previousTable",
                        "null when the ledger was opened with this table");
        String idReason = "an identifier's one component is the whole id, so it is reported by the id's name";
        tester.alias(StaffingId.class, NullArgumentsTester.CONSTRUCTOR, "value", "staffingId", idReason)
                .alias(IncentiveLedgerId.class, NullArgumentsTester.CONSTRUCTOR, "value", "incentiveLedgerId", idReason);
    }
}
