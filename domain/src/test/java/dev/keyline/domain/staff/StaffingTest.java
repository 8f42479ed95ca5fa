package dev.keyline.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of a division's staffing: plans, assignments, releases and their events. */
class StaffingTest {

    private static final UserId DGM = new UserId("dgm");
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final Instant T0 = Instant.parse("2027-01-04T01:00:00Z");

    @Test
    void planAssignAndReleaseRaiseEventsAndKeepTheHistory() {
        DivisionStaffing staffing = DivisionStaffing.open(new StaffingId("sz-finance"), Industry.FINANCE);
        staffing.planHeadcount(Role.ACCOUNT_MANAGER, 2, DGM, T0);
        staffing.assign(Role.ACCOUNT_MANAGER, ALICE, DGM, T0.plusSeconds(60));
        Position position = staffing.assign(Role.ACCOUNT_MANAGER, BOB, DGM, T0.plusSeconds(120));
        assertThat(position).isEqualTo(new Position(Role.ACCOUNT_MANAGER, 2, List.of(ALICE, BOB)));
        assertThat(position.vacancies()).isZero();
        staffing.release(ALICE, DGM, T0.plusSeconds(180));
        assertThat(staffing.roleOf(ALICE)).isEmpty();
        assertThat(staffing.roleOf(BOB)).contains(Role.ACCOUNT_MANAGER);
        assertThat(staffing.pendingEvents()).extracting(e -> e.type()).containsExactly(HeadcountPlanned.TYPE,
                PersonAssigned.TYPE, PersonAssigned.TYPE, PersonReleased.TYPE);
        assertThat(((PersonReleased) staffing.pendingEvents().get(3)).filled()).isEqualTo(1);
        assertThat(staffing.history()).hasSize(4);
    }

    @Test
    void overstaffingNeedsARaisedPlanFirst() {
        DivisionStaffing staffing = DivisionStaffing.open(new StaffingId("sz-finance"), Industry.FINANCE);
        staffing.planHeadcount(Role.ACCOUNT_MANAGER, 1, DGM, T0);
        staffing.assign(Role.ACCOUNT_MANAGER, ALICE, DGM, T0);
        assertThatThrownBy(() -> staffing.assign(Role.ACCOUNT_MANAGER, BOB, DGM, T0))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("raise the planned headcount");
        assertThatThrownBy(() -> staffing.planHeadcount(Role.ACCOUNT_MANAGER, 0, DGM, T0))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("release people first");
        assertThatThrownBy(() -> staffing.assign(Role.INDUSTRY_MANAGER, ALICE, DGM, T0))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("one position per division");
        staffing.planHeadcount(Role.ACCOUNT_MANAGER, 2, DGM, T0);
        assertThat(staffing.assign(Role.ACCOUNT_MANAGER, BOB, DGM, T0).filled()).isEqualTo(2);
    }

    @Test
    void restoreRefusesAHistoryThatOverstaffs() {
        List<StaffingChange> history = List.of(
                new StaffingChange(StaffingChangeKind.PLAN, Role.ACCOUNT_MANAGER, 1, null, DGM, T0),
                new StaffingChange(StaffingChangeKind.ASSIGN, Role.ACCOUNT_MANAGER, 0, ALICE, DGM, T0),
                new StaffingChange(StaffingChangeKind.ASSIGN, Role.ACCOUNT_MANAGER, 0, BOB, DGM, T0));
        assertThatThrownBy(() -> DivisionStaffing.restore(new DivisionStaffingSnapshot(new StaffingId("sz"), 1,
                Industry.FINANCE, history))).isInstanceOf(CorruptStateException.class).hasMessageContaining("history[2]");
        assertThatThrownBy(() -> DivisionStaffing.restore(new DivisionStaffingSnapshot(new StaffingId("sz"), 1, null,
                List.of()))).isInstanceOf(CorruptStateException.class).hasMessageContaining("industry");
    }
}
