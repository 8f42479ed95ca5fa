package dev.keyline.tck.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexMilestone;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.budget.CapexAcceptances;
import dev.keyline.runtime.budget.CapexProjects;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.budget.CapexProjectRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link CapexProjectRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real CAPEX projects (whose change is their next lifecycle
 * step or a booking), the one-project-per-request rule, the KPI and sweep queries, full round trips
 * of projects in every stage, and the {@link CapexProjects} service on the provider. A provider runs
 * it by extending this class with {@link #newStorage()} (and {@link #discard(StorageProvider)}).
 */
public abstract class CapexProjectContract
        extends AggregateRepositoryContract<CapexProject, CapexProjectId, CapexProjectSnapshot> {

    /** When the hand-made projects are proposed. */
    protected static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** The network centre's manager. */
    protected static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("ncm"), Role.NETWORK_CENTRE_MANAGER);
    /** The general manager. */
    protected static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    /** Suzhou. */
    protected static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    /** The budget line of the hand-made projects. */
    protected static final CapexBudgetLine LINE = new CapexBudgetLine(new BudgetId("BUD-SZ-2026"), new BudgetLineId("CAPEX-NET"));
    /** The capacity the hand-made projects build. */
    protected static final CapexCapacity FIBRE = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48);

    private final String prefix = "CP-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private int next;

    /** The repository under test, with its queries. */
    protected CapexProjectRepository projects() {
        return storage.port(CapexProjectRepository.class);
    }

    @Override
    protected AggregateRepository<CapexProject, CapexProjectId> repository(StorageProvider provider) {
        return provider.port(CapexProjectRepository.class);
    }

    @Override
    protected CapexProjectId newId() {
        return new CapexProjectId(prefix + (++next));
    }

    /** A rolling project proposed by the network centre at {@link #T0}. */
    @Override
    protected CapexProject newAggregate(CapexProjectId id) {
        return proposed(id, T0);
    }

    /** The next step of the main line, or, in construction, a small commitment. */
    @Override
    protected void change(CapexProject project) {
        Instant at = lastTime(project).plusSeconds(3_600);
        switch (project.stage()) {
            case PROPOSED -> project.startFeasibility(NETWORK_CENTRE, "route survey", at);
            case FEASIBILITY -> project.approve(GENERAL_MANAGER, LINE, Money.cny("100000.00"), schedule(at),
                    "company meeting", at);
            case APPROVED -> project.startConstruction(NETWORK_CENTRE, "contractor on site", at);
            case IN_CONSTRUCTION -> project.bookCommitment(NETWORK_CENTRE, "PO-" + project.bookings().size(),
                    Money.cny("1.00"), at);
            default -> throw new IllegalStateException("no change planned for " + project.stage());
        }
    }

    @Override
    protected CapexProjectSnapshot snapshot(CapexProject project) {
        return project.snapshot();
    }

    @Override
    protected CapexProject restore(CapexProjectSnapshot snapshot) {
        return CapexProject.restore(snapshot);
    }

    @Override
    protected CapexProjectSnapshot corrupt(CapexProjectSnapshot s) {
        CapexStage wrong = s.stage() == CapexStage.PROPOSED ? CapexStage.FEASIBILITY : CapexStage.PROPOSED;
        return new CapexProjectSnapshot(s.id(), s.version(), s.kind(), s.title(), s.network(), s.request(),
                s.plannedCapacity(), wrong, s.history(), s.budgetLine(), s.plannedAmount(), s.schedule(), s.bookings(),
                s.firstTimeRight(), s.linesAdded(), s.builtCapacity(), s.overdue());
    }

    /** A rolling project proposed by the network centre. */
    protected static CapexProject proposed(CapexProjectId id, Instant at) {
        return CapexProject.propose(id, CapexKind.ROLLING, "fibre ring " + id, SUZHOU, List.of(FIBRE), NETWORK_CENTRE,
                "forecast demand", at);
    }

    /** A project approved at {@code at} for 100,000.00, construction due 10 days and acceptance 30 days later. */
    protected static CapexProject approved(CapexProjectId id, Instant at) {
        CapexProject project = proposed(id, at);
        project.startFeasibility(NETWORK_CENTRE, "route survey", at);
        project.approve(GENERAL_MANAGER, LINE, Money.cny("100000.00"), schedule(at), "company meeting", at);
        return project;
    }

    /** {@link #approved} with construction started at the same instant. */
    protected static CapexProject inConstruction(CapexProjectId id, Instant at) {
        CapexProject project = approved(id, at);
        project.startConstruction(NETWORK_CENTRE, "contractor on site", at);
        return project;
    }

    /** {@link #inConstruction} accepted at {@code acceptedAt}. */
    protected static CapexProject accepted(CapexProjectId id, Instant at, Instant acceptedAt, boolean firstTimeRight,
            long lines) {
        CapexProject project = inConstruction(id, at);
        project.accept(NETWORK_CENTRE, List.of(FIBRE), firstTimeRight, lines, "inspection", acceptedAt);
        return project;
    }

    /** Construction due 10 days and acceptance 30 days after {@code approvedAt}. */
    protected static CapexSchedule schedule(Instant approvedAt) {
        return new CapexSchedule(approvedAt.plus(Duration.ofDays(10)), approvedAt.plus(Duration.ofDays(30)));
    }

    private static Instant lastTime(CapexProject project) {
        Instant last = project.history().get(project.history().size() - 1).at();
        if (!project.bookings().isEmpty() && project.bookings().get(project.bookings().size() - 1).at().isAfter(last)) {
            last = project.bookings().get(project.bookings().size() - 1).at();
        }
        return last;
    }

    private static Instant days(long days) {
        return T0.plus(Duration.ofDays(days));
    }

    /** At most one project per investment request, found by it. */
    @Nested
    class Requests {

        @Test
        void aProjectIsFoundByItsRequestAndASecondProjectForTheSameRequestIsRefused() {
            CapexRequestRef request = new CapexRequestRef("REQ-" + newId().value());
            CapexProject first = CapexProject.proposeFor(newId(), request, CapexKind.EMERGENCY, "order waits", SUZHOU,
                    List.of(FIBRE), "order O-1 waits", T0);
            saveInTransaction(first);
            CapexProject second = CapexProject.proposeFor(newId(), request, CapexKind.ROLLING, "again", SUZHOU,
                    List.of(FIBRE), "delivered twice", T0);

            assertThatThrownBy(() -> saveInTransaction(second)).isInstanceOf(AlreadyExistsException.class);
            assertThat(inTransaction(() -> repository.find(second.id()))).isEmpty();
            assertThat(inTransaction(() -> projects().findByRequest(request))).get().extracting(CapexProject::snapshot)
                    .isEqualTo(first.snapshot());
            assertThat(inTransaction(() -> projects().findByRequest(new CapexRequestRef("REQ-NONE")))).isEmpty();
        }
    }

    /** The queries of the KPIs and the sweep. */
    @Nested
    class Queries {

        @Test
        void projectsAreFoundByStageInProposalOrder() {
            CapexProject late = proposed(newId(), days(2));
            CapexProject early = approved(newId(), days(0));
            CapexProject middle = proposed(newId(), days(1));
            storage.transactions().run(() -> List.of(late, early, middle).forEach(repository::save));

            assertThat(ids(inTransaction(() -> projects().byStage(CapexStage.PROPOSED))))
                    .containsExactly(middle.id(), late.id());
            assertThat(ids(inTransaction(() -> projects().byStage(CapexStage.APPROVED)))).containsExactly(early.id());
            assertThat(inTransaction(() -> projects().byStage(CapexStage.EVALUATED))).isEmpty();
        }

        @Test
        void acceptancesCountFromTheStartOfTheRangeUpToItsEndWithEvaluatedProjectsByTheirAcceptance() {
            CapexProject atStart = accepted(newId(), days(0), days(10), true, 5);
            CapexProject evaluated = accepted(newId(), days(0), days(15), false, 7);
            evaluated.evaluate(GENERAL_MANAGER, "paid back", days(40));
            CapexProject atEnd = accepted(newId(), days(0), days(20), true, 11);
            CapexProject before = accepted(newId(), days(0), days(9), true, 13);
            CapexProject building = inConstruction(newId(), days(0));
            storage.transactions().run(() -> List.of(atEnd, building, evaluated, before, atStart).forEach(repository::save));

            List<CapexProject> found = inTransaction(() -> projects().acceptedBetween(days(10), days(20)));
            assertThat(ids(found)).containsExactly(atStart.id(), evaluated.id());
            assertThat(found).extracting(p -> p.firstTimeRight().orElseThrow()).containsExactly(true, false);
            assertThat(inTransaction(() -> projects().linesAddedBetween(days(10), days(20)))).isEqualTo(12);
            assertThat(inTransaction(() -> projects().linesAddedBetween(days(0), days(100)))).isEqualTo(36);
            assertThat(inTransaction(() -> projects().linesAddedBetween(days(50), days(50)))).isZero();
            assertThat(inTransaction(() -> projects().acceptedBetween(days(20), days(20)))).isEmpty();
        }

        @Test
        void projectsAreOverdueOnlyAfterTheDateOfTheMilestoneTheyAreShortOf() {
            CapexProject notStarted = approved(newId(), days(0));        // start due on day 10
            CapexProject building = inConstruction(newId(), days(-25)); // acceptance due on day 5
            CapexProject acceptedLate = accepted(newId(), days(-40), days(1), true, 1);
            CapexProject proposedOnly = proposed(newId(), days(-100));
            storage.transactions().run(() -> List.of(notStarted, building, acceptedLate, proposedOnly)
                    .forEach(repository::save));

            assertThat(overdue(days(5))).isEmpty();
            assertThat(overdue(days(5).plusMillis(1))).containsExactly(building.id());
            assertThat(overdue(days(10))).containsExactly(building.id());
            assertThat(overdue(days(11))).containsExactly(building.id(), notStarted.id());
        }

        @Test
        void queriesNeedATransactionAndNameAMissingArgument() {
            assertThatThrownBy(() -> projects().byStage(CapexStage.PROPOSED)).isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> projects().findByRequest(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("request");
                assertThatThrownBy(() -> projects().byStage(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("stage");
                assertThatThrownBy(() -> projects().acceptedBetween(days(1), days(0)))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to");
                assertThatThrownBy(() -> projects().linesAddedBetween(null, days(0)))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("from");
                assertThatThrownBy(() -> projects().overdueAt(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("at");
            });
        }

        private List<CapexProjectId> overdue(Instant at) {
            return inTransaction(() -> {
                try (Stream<CapexProject> found = projects().overdueAt(at)) {
                    return found.map(CapexProject::id).toList();
                }
            });
        }
    }

    /** Every part of a project survives saving and loading, whatever its stage. */
    @Nested
    class RoundTrips {

        @Test
        void anEvaluatedProjectWithEveryKindOfBookingAndBothOverdueFlagsRoundTrips() {
            CapexProject project = CapexProject.proposeFor(newId(), new CapexRequestRef("REQ-RT-" + next),
                    CapexKind.NEW_PRODUCT, "5G slice core", SUZHOU, List.of(FIBRE, new CapexCapacity("POOL-SZ-PORT",
                            "GE-PORT", 96)), "key-account solution S-1", T0);
            saveInTransaction(project);
            CapexProject loaded = load(project.id());
            loaded.startFeasibility(NETWORK_CENTRE, "survey", days(1));
            loaded.approve(GENERAL_MANAGER, LINE, Money.cny("123456.78"), schedule(days(1)), "meeting", days(2));
            loaded.flagOverdue(days(12));
            saveInTransaction(loaded);
            loaded = load(project.id());
            loaded.startConstruction(NETWORK_CENTRE, "late start", days(13));
            loaded.bookCommitment(NETWORK_CENTRE, "PO-1", Money.cny("100000.01"), days(13));
            loaded.releaseCommitment(NETWORK_CENTRE, "PO-1", Money.cny("60000.00"), days(20));
            loaded.bookActual(NETWORK_CENTRE, "INV-1", Money.cny("60000.00"), days(20));
            loaded.flagOverdue(days(32));
            saveInTransaction(loaded);
            loaded = load(project.id());
            loaded.accept(GENERAL_MANAGER, List.of(new CapexCapacity("POOL-SZ-PORT", "GE-PORT", 90)), false, 0,
                    "second inspection", days(40));
            loaded.releaseCommitment(NETWORK_CENTRE, "PO-1", Money.cny("40000.01"), days(41));
            loaded.bookActual(NETWORK_CENTRE, "INV-2", Money.cny("40000.01"), days(41));
            loaded.evaluate(GENERAL_MANAGER, "demand below plan", days(200));
            saveInTransaction(loaded);

            CapexProject found = load(project.id());
            assertThat(found.snapshot()).isEqualTo(loaded.snapshot());
            assertThat(found.version()).isEqualTo(4);
            assertThat(found.overdueMilestones()).containsExactlyInAnyOrder(CapexMilestone.values());
            assertThat(found.bookings()).hasSize(5);
            assertThat(found.actual()).isEqualTo(Money.cny("100000.01"));
            assertThat(found.committed()).isEqualTo(Money.cny("0.00"));
            assertThat(found.history()).hasSize(6);
            assertThat(found.history().get(0).by()).isNull();
        }

        @Test
        void rejectedAndCancelledProjectsRoundTrip() {
            CapexProject rejected = proposed(newId(), T0);
            rejected.reject(GENERAL_MANAGER, "no demand", days(1));
            CapexProject cancelled = inConstruction(newId(), T0);
            cancelled.cancel(GENERAL_MANAGER, "route blocked", days(2));
            storage.transactions().run(() -> List.of(rejected, cancelled).forEach(repository::save));

            assertThat(load(rejected.id()).snapshot()).isEqualTo(rejected.snapshot());
            assertThat(load(cancelled.id()).snapshot()).isEqualTo(cancelled.snapshot());
        }
    }

    /** {@link CapexProjects} on this provider. */
    @Nested
    class Services {

        @Test
        void aRollingProjectRunsFromProposalToAcceptanceAndItsAcceptanceCarriesTheCapacity() {
            TestClock clock = TestClock.at(T0);
            CapexProjects service = CapexProjects.on(Keyline.builder().storage(storage).clock(clock).build());
            CapexProjectId id = newId();
            service.propose(NETWORK_CENTRE, id, CapexKind.ROLLING, "fibre ring", SUZHOU, List.of(FIBRE), "forecast");
            service.startFeasibility(NETWORK_CENTRE, id, "survey");
            service.approve(GENERAL_MANAGER, id, LINE, Money.cny("100000.00"), schedule(T0), "meeting");
            clock.advance(Duration.ofDays(1));
            service.startConstruction(NETWORK_CENTRE, id, "on site");
            service.bookCommitment(NETWORK_CENTRE, id, "PO-1", Money.cny("50000.00"));
            service.releaseCommitment(NETWORK_CENTRE, id, "PO-1", Money.cny("50000.00"));
            service.bookActual(NETWORK_CENTRE, id, "INV-1", Money.cny("49000.00"));
            clock.advance(Duration.ofDays(20));
            CapexProjectSnapshot accepted = service.accept(NETWORK_CENTRE, id, List.of(FIBRE), true, 24, "passed");

            assertThat(accepted.stage()).isEqualTo(CapexStage.ACCEPTED);
            assertThat(accepted.version()).isEqualTo(8);
            assertThat(service.find(id)).contains(accepted);
            assertThat(types()).containsExactly("budget.capex-project-proposed", "budget.capex-project-advanced",
                    "budget.capex-project-approved", "budget.capex-project-advanced", "budget.capex-amount-booked",
                    "budget.capex-amount-booked", "budget.capex-amount-booked", "budget.capex-project-accepted");
            assertThat(payloadOf("budget.capex-project-accepted")).contains("POOL-SZ-FIBRE").contains("\"units\":48")
                    .contains("\"firstTimeRight\":true").contains("\"linesAdded\":24");
            CapexAcceptances march = service.acceptedIn(Period.month(YearMonth.of(2026, 3)));
            assertThat(march.accepted()).isEqualTo(1);
            assertThat(march.linesAdded()).isEqualTo(24);
            assertThat(march.complianceRate()).contains(new BigDecimal("1.000000"));
            assertThat(service.inStage(CapexStage.ACCEPTED)).containsExactly(accepted);
        }

        @Test
        void aRequestProposesOneProjectHoweverOftenItIsDelivered() {
            CapexProjects service = CapexProjects.on(Keyline.builder().storage(storage).clock(TestClock.at(T0)).build());
            CapexRequestRef request = new CapexRequestRef("REQ-" + newId().value());
            CapexCapacity units = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 12);
            CapexProjectSnapshot first = service.propose(request, newId(), CapexKind.EMERGENCY, SUZHOU, units, "order waits");
            CapexProjectSnapshot again = service.propose(request, newId(), CapexKind.EMERGENCY, SUZHOU, units, "order waits");

            assertThat(again).isEqualTo(first);
            assertThat(first.request()).isEqualTo(request);
            assertThat(first.plannedCapacity()).containsExactly(units);
            assertThat(types()).containsExactly("budget.capex-project-proposed");
        }

        @Test
        void aRefusedCommandWritesNothing() {
            CapexProjects service = CapexProjects.on(Keyline.builder().storage(storage).clock(TestClock.at(T0)).build());
            CapexProjectId id = newId();
            CapexProjectSnapshot proposed = service.propose(NETWORK_CENTRE, id, CapexKind.STRATEGIC, "core", SUZHOU,
                    List.of(), "five-year plan");

            assertThatThrownBy(() -> service.startFeasibility(Actor.accountManager(new UserId("am")), id, "mine"))
                    .isInstanceOf(NotAuthorisedException.class);
            assertThatThrownBy(() -> service.startConstruction(NETWORK_CENTRE, id, "too early"))
                    .isInstanceOf(InvalidStateException.class);
            assertThat(service.find(id)).contains(proposed);
            assertThat(types()).containsExactly("budget.capex-project-proposed");
        }

        @Test
        void theSweepFlagsEachMissedMilestoneOnce() {
            TestClock clock = TestClock.at(T0);
            CapexProjects service = CapexProjects.on(Keyline.builder().storage(storage).clock(clock).build());
            CapexProjectId id = newId();
            saveInTransaction(approved(id, T0));

            assertThat(service.flagOverdue()).isEmpty();
            clock.advance(Duration.ofDays(11));
            assertThat(service.flagOverdue()).containsExactly(id);
            assertThat(service.flagOverdue()).isEmpty();
            assertThat(service.overdueAt(clock.instant())).extracting(CapexProjectSnapshot::id).containsExactly(id);
            assertThat(service.find(id).orElseThrow().overdue()).isEqualTo(Set.of(CapexMilestone.CONSTRUCTION_START));
            assertThat(types()).containsExactly("budget.capex-project-overdue");
            assertThat(payloadOf("budget.capex-project-overdue")).contains("CONSTRUCTION_START");
        }

        private List<String> types() {
            return pending().stream().map(e -> e.message().type()).toList();
        }

        private String payloadOf(String type) {
            return pending().stream().filter(e -> e.message().type().equals(type)).findFirst().orElseThrow().message()
                    .payload();
        }

        private List<OutboxEntry> pending() {
            return inTransaction(() -> storage.outbox().list(DeliveryStatus.PENDING, 1_000));
        }
    }

    private static List<CapexProjectId> ids(List<CapexProject> projects) {
        return projects.stream().map(CapexProject::id).toList();
    }
}
