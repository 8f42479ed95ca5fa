package dev.keyline.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of plan, assign and release commands on a {@link DivisionStaffing}, against a
 * model: after every step no role is filled beyond its plan, nobody holds two positions, the
 * positions match the model, an accepted command records exactly one event and one history entry,
 * a refused one changes nothing, and the snapshot round-trips.
 */
class StaffingProperties {

    private static final List<Role> ROLES = List.of(Role.ACCOUNT_MANAGER, Role.INDUSTRY_MANAGER, Role.STATION_EXECUTOR,
            Role.GENERAL_MANAGER);
    private static final UserId LEAD = new UserId("dgm");
    private static final Instant START = Instant.parse("2027-01-04T01:00:00Z");

    @Test
    void randomStaffingCommandsKeepEveryInvariant() {
        qt().withExamples(400).forAll(lists().of(lists().of(integers().between(0, 1_000)).ofSize(3)).ofSizeBetween(1, 40))
                .checkAssert(ops -> {
                    DivisionStaffing staffing = DivisionStaffing.open(new StaffingId("sz-finance"), Industry.FINANCE);
                    Map<Role, Integer> planned = new HashMap<>();
                    Map<UserId, Role> holders = new HashMap<>();
                    int minute = 0;
                    for (List<Integer> op : ops) {
                        int kind = op.get(0) % 4;
                        Role role = ROLES.get(op.get(1) % ROLES.size());
                        UserId person = new UserId("p" + op.get(2) % 6);
                        int headcount = op.get(2) % 5 - (op.get(2) % 17 == 0 ? 1 : 0);
                        // one command in ten is dated before the last change
                        boolean backwards = op.get(0) % 10 == 9 && !staffing.history().isEmpty();
                        Instant at = START.plusSeconds(60L * (backwards ? minute - 1 : minute + 1));
                        DivisionStaffingSnapshot before = staffing.snapshot();
                        List<DomainEvent> events = staffing.pendingEvents();
                        long filled = holders.values().stream().filter(r -> r == role).count();
                        Class<? extends KeylineException> expected = switch (kind) {
                            case 0 -> role == Role.GENERAL_MANAGER || headcount < 0 ? InvalidArgumentException.class
                                    : backwards ? InvalidArgumentException.class
                                    : headcount < filled ? InvalidStateException.class : null;
                            case 1, 2 -> role == Role.GENERAL_MANAGER ? InvalidArgumentException.class
                                    : backwards ? InvalidArgumentException.class
                                    : holders.containsKey(person) ? InvalidStateException.class
                                    : filled >= planned.getOrDefault(role, 0) ? InvalidStateException.class : null;
                            default -> !holders.containsKey(person) ? NotFoundException.class
                                    : backwards ? InvalidArgumentException.class : null;
                        };
                        try {
                            switch (kind) {
                                case 0 -> staffing.planHeadcount(role, headcount, LEAD, at);
                                case 1, 2 -> staffing.assign(role, person, LEAD, at);
                                default -> staffing.release(person, LEAD, at);
                            }
                            if (expected != null) {
                                fail("expected " + expected.getSimpleName() + " for " + op);
                            }
                            switch (kind) {
                                case 0 -> planned.put(role, headcount);
                                case 1, 2 -> holders.put(person, role);
                                default -> holders.remove(person);
                            }
                            minute++;
                            assertThat(staffing.pendingEvents()).hasSize(events.size() + 1);
                            assertThat(staffing.history()).hasSize(before.history().size() + 1);
                        } catch (KeylineException refused) {
                            if (expected == null) {
                                throw new AssertionError("expected " + op + " to be accepted", refused);
                            }
                            assertThat(refused).isInstanceOf(expected);
                            assertThat(staffing.snapshot()).isEqualTo(before);
                            assertThat(staffing.pendingEvents()).isEqualTo(events);
                        }
                        Set<UserId> seen = new HashSet<>();
                        for (Position position : staffing.positions()) {
                            assertThat(position.filled()).isLessThanOrEqualTo(position.planned());
                            assertThat(position.planned()).isEqualTo(planned.get(position.role()));
                            for (UserId p : position.people()) {
                                assertThat(seen.add(p)).as("one position per person").isTrue();
                                assertThat(holders.get(p)).isEqualTo(position.role());
                            }
                        }
                        assertThat(seen).isEqualTo(holders.keySet());
                        assertThat(DivisionStaffing.restore(staffing.snapshot()).snapshot()).isEqualTo(staffing.snapshot());
                    }
                });
    }
}
