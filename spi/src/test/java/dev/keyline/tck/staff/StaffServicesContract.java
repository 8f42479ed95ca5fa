package dev.keyline.tck.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.staff.DivisionStaffingSnapshot;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveLedgerSnapshot;
import dev.keyline.domain.staff.IncentiveSamples;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.staff.IncompleteScorecardException;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.staff.Incentives;
import dev.keyline.runtime.staff.Staffings;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff services on a provider: their access rules, and that a refused command (an
 * incomplete scorecard, an overstaffing assignment, an actor without the right) writes nothing.
 * Run through {@link StaffAreaContract}.
 */
public abstract class StaffServicesContract {

    /** The department general manager. */
    protected static final Actor DGM = Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER);

    /** The industry manager of finance. */
    protected static final Actor FINANCE_LEAD = Actor.industryManager(new UserId("im-fin"), Set.of(Industry.FINANCE));

    /** The industry manager of tourism. */
    protected static final Actor TOURISM_LEAD = Actor.industryManager(new UserId("im-tour"), Set.of(Industry.TOURISM));

    /** A financial manager. */
    protected static final Actor FINANCE = Actor.withRoles(new UserId("fm"), Role.FINANCIAL_MANAGER);

    /** An account manager. */
    protected static final UserId ALICE = new UserId("alice");

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    private StorageProvider storage;
    private Staffings staffings;
    private Incentives incentives;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @BeforeEach
    void createServices() {
        storage = newStorage();
        Keyline keyline = Keyline.builder().storage(storage)
                .clock(TestClock.at(Instant.parse("2027-04-02T02:00:00Z"))).build();
        staffings = Staffings.on(keyline);
        incentives = Incentives.on(keyline);
    }

    @AfterEach
    void discardStorage() {
        discard(storage);
    }

    @Test
    void theGeneralManagerPlansAndTheDivisionsIndustryManagerStaffs() {
        StaffingId id = new StaffingId(samples.nextId("ST"));
        assertThatThrownBy(() -> staffings.open(FINANCE_LEAD, id, Industry.FINANCE))
                .isInstanceOf(NotAuthorisedException.class);
        staffings.open(DGM, id, Industry.FINANCE);
        assertThatThrownBy(() -> staffings.planHeadcount(FINANCE_LEAD, id, Role.ACCOUNT_MANAGER, 1))
                .isInstanceOf(NotAuthorisedException.class);
        staffings.planHeadcount(DGM, id, Role.ACCOUNT_MANAGER, 1);
        assertThatThrownBy(() -> staffings.assign(TOURISM_LEAD, id, Role.ACCOUNT_MANAGER, ALICE))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("FINANCE");
        assertThat(staffings.assign(FINANCE_LEAD, id, Role.ACCOUNT_MANAGER, ALICE).people()).containsExactly(ALICE);
        DivisionStaffingSnapshot before = staffings.get(id);
        assertThatThrownBy(() -> staffings.assign(FINANCE_LEAD, id, Role.ACCOUNT_MANAGER, new UserId("bob")))
                .isInstanceOf(InvalidStateException.class);
        assertThat(staffings.get(id)).isEqualTo(before);
        assertThat(staffings.release(DGM, id, ALICE).people()).isEmpty();
        assertThat(staffings.get(id).version()).isEqualTo(before.version() + 1);
        assertThatThrownBy(() -> staffings.open(DGM, id, Industry.TOURISM)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void anIncompleteScorecardIsRefusedAndNothingIsWritten() {
        IncentiveLedgerId id = new IncentiveLedgerId(samples.nextId("IL"));
        assertThatThrownBy(() -> incentives.open(FINANCE, id, IncentiveTable.standard()))
                .isInstanceOf(NotAuthorisedException.class);
        incentives.open(DGM, id, IncentiveTable.standard());
        IncentiveLedgerSnapshot before = incentives.get(id);
        assertThatThrownBy(() -> incentives.award(FINANCE, id, ALICE, IncentiveSamples.result(Band.GREEN,
                IncentiveSamples.MARCH, new boolean[] {false, true}), Money.cny("100.00")))
                .isInstanceOfSatisfying(IncompleteScorecardException.class,
                        e -> assertThat(e.missing()).containsExactly(KpiId.of("churn-rate")));
        assertThat(incentives.get(id)).isEqualTo(before);
        assertThatThrownBy(() -> incentives.award(Actor.withRoles(ALICE, Role.ACCOUNT_MANAGER), id, ALICE,
                IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH), Money.cny("100.00")))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> incentives.award(FINANCE, id, FINANCE.user(),
                IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH), Money.cny("100.00")))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("themselves");
        assertThat(incentives.get(id)).isEqualTo(before);
    }

    @Test
    void aCompleteScorecardPaysBaseTimesItsBandsFactorUnderTheTableInForce() {
        IncentiveLedgerId id = new IncentiveLedgerId(samples.nextId("IL"));
        incentives.open(DGM, id, IncentiveTable.standard());
        IncentiveAward first = incentives.award(FINANCE, id, ALICE,
                IncentiveSamples.complete(Band.AMBER, IncentiveSamples.MARCH), Money.cny("2000.00"));
        assertThatThrownBy(() -> incentives.changeTable(FINANCE, id, IncentiveTable.of("2", "1", "0")))
                .isInstanceOf(NotAuthorisedException.class);
        incentives.changeTable(DGM, id, IncentiveTable.of("2", "1", "0"));
        IncentiveAward second = incentives.award(DGM, id, ALICE,
                IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH.next()), Money.cny("2000.00"));
        assertThat(first.amount()).isEqualTo(Money.cny("2000.00"));
        assertThat(second.amount()).isEqualTo(Money.cny("4000.00"));
        assertThatThrownBy(() -> incentives.award(DGM, id, ALICE,
                IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH), Money.cny("1.00")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(incentives.get(id).awards()).isEqualTo(List.of(first, second));
        assertThat(incentives.get(id).tables()).hasSize(2);
    }
}
