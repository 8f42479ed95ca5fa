package dev.keyline.tck.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.DivisionStaffingSnapshot;
import dev.keyline.domain.staff.StaffingChange;
import dev.keyline.domain.staff.StaffingChangeKind;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.staff.DivisionStaffingRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link DivisionStaffingRepository}: the generic version-conflict tests
 * on real staffings, and full round trips of their histories. Run through {@link StaffAreaContract}.
 */
public abstract class StaffingRepositoryContract
        extends AggregateRepositoryContract<DivisionStaffing, StaffingId, DivisionStaffingSnapshot> {

    /** Who plans and assigns. */
    protected static final UserId DGM = new UserId("dgm");

    /** When the first change is made. */
    protected static final Instant T0 = AccountAreaSamples.T0;

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    @Override
    protected AggregateRepository<DivisionStaffing, StaffingId> repository(StorageProvider storage) {
        return storage.port(DivisionStaffingRepository.class);
    }

    @Override
    protected StaffingId newId() {
        return new StaffingId(samples.nextId("ST"));
    }

    /** A finance division with three account managers planned and one assigned. */
    @Override
    protected DivisionStaffing newAggregate(StaffingId id) {
        DivisionStaffing staffing = DivisionStaffing.open(id, Industry.FINANCE);
        staffing.planHeadcount(Role.ACCOUNT_MANAGER, 3, DGM, T0);
        staffing.assign(Role.ACCOUNT_MANAGER, new UserId("am-1"), DGM, T0);
        return staffing;
    }

    /** Plans one more station executor, a minute after the last change. */
    @Override
    protected void change(DivisionStaffing staffing) {
        List<StaffingChange> history = staffing.history();
        Instant last = history.isEmpty() ? T0 : history.get(history.size() - 1).at();
        staffing.planHeadcount(Role.STATION_EXECUTOR, staffing.position(Role.STATION_EXECUTOR).planned() + 1, DGM,
                last.plusSeconds(60));
    }

    @Override
    protected DivisionStaffingSnapshot snapshot(DivisionStaffing staffing) {
        return staffing.snapshot();
    }

    @Override
    protected DivisionStaffing restore(DivisionStaffingSnapshot snapshot) {
        return DivisionStaffing.restore(snapshot);
    }

    /** Appends a second assignment of a person already assigned: two positions for one person. */
    @Override
    protected DivisionStaffingSnapshot corrupt(DivisionStaffingSnapshot s) {
        List<StaffingChange> history = new ArrayList<>(s.history());
        StaffingChange last = history.get(history.size() - 1);
        history.add(new StaffingChange(StaffingChangeKind.ASSIGN, Role.ACCOUNT_MANAGER, 0, new UserId("am-1"), DGM,
                last.at()));
        return new DivisionStaffingSnapshot(s.id(), s.version(), s.industry(), history);
    }

    /** Every change, in order, and the positions survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void aStaffingWithPlansAssignmentsAndReleasesSurvives() {
            DivisionStaffing staffing = DivisionStaffing.open(newId(), Industry.TOURISM);
            saveInTransaction(staffing);
            assertThat(load(staffing.id()).history()).isEmpty();
            staffing.planHeadcount(Role.STATION_MANAGER, 2, DGM, T0);
            staffing.assign(Role.STATION_MANAGER, new UserId("sm-1"), DGM, T0.plusSeconds(1));
            staffing.assign(Role.STATION_MANAGER, new UserId("sm-2"), DGM, T0.plusSeconds(2));
            saveInTransaction(staffing);
            staffing.release(new UserId("sm-1"), DGM, T0.plusSeconds(3));
            staffing.planHeadcount(Role.STATION_MANAGER, 1, DGM, T0.plusSeconds(4));
            saveInTransaction(staffing);

            DivisionStaffing loaded = load(staffing.id());
            assertThat(loaded.snapshot()).isEqualTo(staffing.snapshot());
            assertThat(loaded.industry()).isEqualTo(Industry.TOURISM);
            assertThat(loaded.position(Role.STATION_MANAGER).people()).containsExactly(new UserId("sm-2"));
            assertThat(loaded.version()).isEqualTo(3);
        }
    }
}
