package dev.keyline.tck.staff;

import static dev.keyline.tck.AuthorisationScenario.anyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.IncentiveLedger;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveSamples;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.staff.Incentives;
import dev.keyline.runtime.staff.Staffings;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.staff.DivisionStaffingRepository;
import dev.keyline.spi.staff.IncentiveLedgerRepository;
import dev.keyline.tck.AuthorisationScenario;
import dev.keyline.tck.AuthorisationScenario.AuthorisationWorld;
import dev.keyline.tck.AuthorisationScenario.Counts;
import dev.keyline.tck.AuthorisationScenario.Step;
import dev.keyline.tck.TestClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the staff area on a storage provider: every command of
 * {@code Staffings} and {@code Incentives} is run by every {@link Role} of the kernel, with the
 * scope variants (the industry manager of finance, the division's industry, and of tourism), and
 * the outcome is compared with the rules below, stated as data from docs/billing-and-hr.md ("Through
 * the runtime"), never read from the services.
 *
 * <p>The statement: opening a division's staffing and planning its headcount is for the
 * {@code DEPARTMENT_GENERAL_MANAGER}; assigning and releasing people for the department general
 * manager and an {@code INDUSTRY_MANAGER} of the division's industry; opening an incentive ledger
 * and changing its table for the department general manager; awarding an incentive for the
 * department general manager and a {@code FINANCIAL_MANAGER}, never to themselves. A refusal is a
 * {@code NotAuthorisedException} and changes nothing (the staffing and the ledger, reloaded, and the
 * whole outbox).
 */
public abstract class StaffAuthorisationContract {

    /** Who plans the department's staff. */
    static final Predicate<Actor> PLAN = anyOf(Role.DEPARTMENT_GENERAL_MANAGER);
    /** Who staffs the finance division. */
    static final Predicate<Actor> STAFF_FINANCE = PLAN.or(actor -> actor.roles().contains(Role.INDUSTRY_MANAGER)
            && actor.industries().contains(Industry.FINANCE));
    /** Who awards an incentive to Alice. */
    static final Predicate<Actor> AWARD_ALICE = anyOf(Role.DEPARTMENT_GENERAL_MANAGER, Role.FINANCIAL_MANAGER)
            .and(actor -> !actor.user().equals(StaffAuthorisationContract.ALICE));

    /** The refused cases the statement gives over the steps below, pinned so docs/reliability.md follows. */
    private static final int REFUSED_CASES = 97;

    private static final UserId ALICE = new UserId("alice");
    private static final StaffingId STAFFING = new StaffingId("ST-FINANCE");
    private static final IncentiveLedgerId LEDGER = new IncentiveLedgerId("IL-SZ");

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor of a step is run, each on a fresh world replayed to the step.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    /**
     * The service methods this suite covers, as {@code SimpleClassName.method}.
     *
     * @return the methods
     */
    public static Set<String> coveredMethods() {
        return scenario(() -> null).methods();
    }

    @Test
    void everyStaffCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = scenario(() -> new World(newStorage())).run(everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (staff): %d steps x %d actors, %d refused and %d permitted cases run%n",
                counts.steps(), AuthorisationScenario.actors().size(), counts.refused(), counts.permitted());
    }

    /**
     * The finance division's staffing opened, two account managers planned, Alice assigned and
     * released; an incentive ledger opened, its table changed, and Alice's March scorecard (complete,
     * green) rewarded, also tried by Alice herself holding each awarding role.
     */
    static AuthorisationScenario<World> scenario(Supplier<World> worlds) {
        Set<String> staffing = Set.of("staffing");
        Set<String> ledger = Set.of("ledger");
        return new AuthorisationScenario<World>(worlds, List.<Step<World>>of(
                Step.of("Staffings.open", "the finance division", PLAN,
                        (w, a) -> w.staffings.open(a, STAFFING, Industry.FINANCE), staffing),
                Step.of("Staffings.planHeadcount", "two account managers", PLAN,
                        (w, a) -> w.staffings.planHeadcount(a, STAFFING, Role.ACCOUNT_MANAGER, 2), staffing,
                        "staff.headcount-planned"),
                Step.of("Staffings.assign", "Alice", STAFF_FINANCE,
                        (w, a) -> w.staffings.assign(a, STAFFING, Role.ACCOUNT_MANAGER, ALICE), staffing,
                        "staff.person-assigned"),
                Step.of("Staffings.release", "Alice", STAFF_FINANCE, (w, a) -> w.staffings.release(a, STAFFING, ALICE),
                        staffing, "staff.person-released"),
                Step.of("Incentives.open", "the standard table", PLAN,
                        (w, a) -> w.incentives.open(a, LEDGER, IncentiveTable.standard()), ledger,
                        "staff.incentive-table-changed"),
                Step.of("Incentives.changeTable", "2, 1, 0", PLAN,
                        (w, a) -> w.incentives.changeTable(a, LEDGER, IncentiveTable.of("2", "1", "0")), ledger,
                        "staff.incentive-table-changed"),
                Step.<World>of("Incentives.award", "Alice's green March", AWARD_ALICE,
                        (w, a) -> w.incentives.award(a, LEDGER, ALICE, IncentiveSamples.complete(Band.GREEN,
                                IncentiveSamples.MARCH), Money.cny("2000.00")), ledger, "staff.incentive-awarded")
                        .alsoBy(Actor.withRoles(ALICE, Role.DEPARTMENT_GENERAL_MANAGER),
                                Actor.withRoles(ALICE, Role.FINANCIAL_MANAGER))));
    }

    /** The staff services over one storage on 2 April 2027. */
    static final class World implements AuthorisationWorld {

        final StorageProvider storage;
        final Staffings staffings;
        final Incentives incentives;

        World(StorageProvider storage) {
            this.storage = storage;
            Keyline keyline = Keyline.builder().storage(storage)
                    .clock(TestClock.at(Instant.parse("2027-04-02T02:00:00Z"))).build();
            this.staffings = Staffings.on(keyline);
            this.incentives = Incentives.on(keyline);
        }

        @Override
        public StorageProvider storage() {
            return storage;
        }

        @Override
        public Map<String, Object> stored() {
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("staffing", storage.port(DivisionStaffingRepository.class).find(STAFFING)
                    .map(DivisionStaffing::snapshot));
            parts.put("ledger", storage.port(IncentiveLedgerRepository.class).find(LEDGER).map(IncentiveLedger::snapshot));
            return parts;
        }
    }
}
