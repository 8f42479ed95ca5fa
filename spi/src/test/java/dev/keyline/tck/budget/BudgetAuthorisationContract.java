package dev.keyline.tck.budget;

import static dev.keyline.tck.AuthorisationScenario.anyOf;
import static dev.keyline.tck.AuthorisationScenario.holding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.budget.CapexCommitments;
import dev.keyline.runtime.budget.CapexProjects;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.budget.BudgetRepository;
import dev.keyline.spi.budget.CapexProjectRepository;
import dev.keyline.tck.AuthorisationScenario;
import dev.keyline.tck.AuthorisationScenario.AuthorisationWorld;
import dev.keyline.tck.AuthorisationScenario.Counts;
import dev.keyline.tck.AuthorisationScenario.Step;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the budget area on a storage provider: every command of
 * {@code Budgets}, {@code CapexProjects} and {@code CapexCommitments} is run by every {@link Role}
 * of the kernel (and the scope variants of {@link AuthorisationScenario#actors()}) at each step of
 * a budget's year and of a CAPEX project's life, and the outcome is compared with the rules below,
 * stated as data from docs/budgets.md ("Access" and the CAPEX table), never read from the services.
 *
 * <p>The statement. Budgets: the reviewing side, a {@code GENERAL_MANAGER}, sets targets,
 * challenges, approves, issues, approves revisions and closes; the owning unit's
 * {@code FINANCIAL_MANAGER} starts the draft, plans lines, submits, answers challenges and books
 * commitments, actuals and reversals; nobody approves a budget they last submitted themselves.
 * CAPEX projects ({@code CapexAction}): the network centre's manager, the department general manager
 * and the general manager propose; the network centre's manager and the general manager study,
 * build and accept; those two and the financial manager book; only the general manager approves,
 * rejects, cancels and evaluates. {@code CapexCommitments} books on the project and on its budget
 * line, so only who may book on both, the financial manager, may; anyone else is refused and
 * neither the project nor the line changes, although the project alone would have accepted some
 * of them. A refusal is a {@code NotAuthorisedException} and changes nothing (stored budgets and
 * projects, reloaded, and the whole outbox).
 */
public abstract class BudgetAuthorisationContract {

    /** The rule for the reviewing side of a budget. */
    static final Predicate<Actor> REVIEWER = anyOf(Role.GENERAL_MANAGER);
    /** The rule for the owning unit's drafter and booker. */
    static final Predicate<Actor> DRAFTER = anyOf(Role.FINANCIAL_MANAGER);
    /** {@code CapexAction.PROPOSE}. */
    static final Predicate<Actor> PROPOSE = anyOf(Role.NETWORK_CENTRE_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER,
            Role.GENERAL_MANAGER);
    /** {@code CapexAction.STUDY}, {@code BUILD} and {@code ACCEPT}. */
    static final Predicate<Actor> NETWORK = anyOf(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER);
    /** {@code CapexAction.BOOK}. */
    static final Predicate<Actor> BOOK = anyOf(Role.NETWORK_CENTRE_MANAGER, Role.FINANCIAL_MANAGER, Role.GENERAL_MANAGER);
    /** {@code CapexAction.APPROVE}, {@code REJECT}, {@code CANCEL} and {@code EVALUATE}. */
    static final Predicate<Actor> MEETING = anyOf(Role.GENERAL_MANAGER);
    /** Booking on a project and its budget line at once: {@link #BOOK} and {@link #DRAFTER}. */
    static final Predicate<Actor> BOTH = BOOK.and(DRAFTER);

    /** The refused cases the statement gives over the steps below, pinned so docs/reliability.md follows. */
    private static final int REFUSED_BUDGET_CASES = 197;
    private static final int REFUSED_CAPEX_CASES = 199;

    private static final Instant NOW = Instant.parse("2027-06-15T02:00:00Z");
    private static final OrgUnit SUZHOU = OrgUnit.localNetwork(new OrgUnitId("JS-SZ"), new LocalNetworkId("SZ"),
            new OrgUnitId("JS"));
    private static final BudgetId BUDGET = new BudgetId("SZ-2027");
    private static final BudgetId CAPEX_BUDGET = new BudgetId("SZ-2027-CAPEX");
    private static final BudgetLineId ACCESS = new BudgetLineId("CAPEX-ACCESS");
    private static final CapexProjectId PROJECT = new CapexProjectId("CP-1");
    private static final CapexProjectId TO_REJECT = new CapexProjectId("CP-REJECT");
    private static final CapexProjectId TO_CANCEL = new CapexProjectId("CP-CANCEL");
    private static final CapexCapacity FIBRE = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48);
    private static final String PART_BUDGET = "budget:" + BUDGET.value();
    private static final String PART_CAPEX_BUDGET = "budget:" + CAPEX_BUDGET.value();
    private static final String PART_PROJECT = "project:" + PROJECT.value();

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor of a step is run, each on a fresh world replayed to the step;
     * when false only the first is (on the shared world). A provider whose worlds are slow to build
     * may leave the permitted variants to a faster provider running the same services.
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
        Set<String> methods = new TreeSet<>(budgetScenario(() -> null).methods());
        methods.addAll(capexScenario(() -> null).methods());
        return methods;
    }

    @Test
    void everyBudgetCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = budgetScenario(this::world).run(everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_BUDGET_CASES);
        System.out.printf("Authorisation (budgets): %d steps x %d actors, %d refused and %d permitted cases run%n",
                counts.steps(), AuthorisationScenario.actors().size(), counts.refused(), counts.permitted());
    }

    @Test
    void everyCapexCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = capexScenario(this::world).run(everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CAPEX_CASES);
        System.out.printf("Authorisation (CAPEX): %d steps x %d actors, %d refused and %d permitted cases run%n",
                counts.steps(), AuthorisationScenario.actors().size(), counts.refused(), counts.permitted());
    }

    /** A budget's year: targets to close, with a challenge, bookings and a revision. */
    static AuthorisationScenario<World> budgetScenario(Supplier<World> worlds) {
        // the drafter who submits is the first financial manager; the four-eyes variant is that person as reviewer
        Actor submitterAsReviewer = Actor.withRoles(holding(Role.FINANCIAL_MANAGER).user(), Role.GENERAL_MANAGER);
        Set<String> budget = Set.of(PART_BUDGET);
        return new AuthorisationScenario<World>(worlds, List.<Step<World>>of(
                Step.of("Budgets.setTargets", "targets of 1,200,000.00", REVIEWER,
                        (w, a) -> w.budgets.setTargets(a, BUDGET, BudgetTargets.of(SUZHOU, 2027, null,
                                Money.cny("1200000.00")), "targets"), budget, "budget.status-changed"),
                Step.of("Budgets.startDraft", "draft", DRAFTER, (w, a) -> w.budgets.startDraft(a, BUDGET, "draft"),
                        budget, "budget.status-changed"),
                Step.of("Budgets.planLine", "a line of 1,000,000.00", DRAFTER,
                        (w, a) -> w.budgets.planLine(a, BUDGET, line("1000000.00")), budget, "budget.line-planned"),
                Step.of("Budgets.submit", "first draft", DRAFTER, (w, a) -> w.budgets.submit(a, BUDGET, "first draft"),
                        budget, "budget.status-changed"),
                Step.of("Budgets.challenge", "justify the line", REVIEWER,
                        (w, a) -> w.budgets.challenge(a, BUDGET, "justify the line"), budget,
                        "budget.status-changed", "budget.challenge-raised"),
                Step.of("Budgets.answerChallenge", "answer", DRAFTER,
                        (w, a) -> w.budgets.answerChallenge(a, BUDGET, 1, "new industrial park"), budget,
                        "budget.challenge-answered"),
                Step.of("Budgets.submit", "answered draft", DRAFTER, (w, a) -> w.budgets.submit(a, BUDGET, "answered"),
                        budget, "budget.status-changed"),
                Step.<World>of("Budgets.approve", "approve, four eyes", REVIEWER.and(a -> !a.is(holding(Role.FINANCIAL_MANAGER).user())),
                        (w, a) -> w.budgets.approve(a, BUDGET, "approved"), budget, "budget.status-changed")
                        .alsoBy(submitterAsReviewer),
                Step.of("Budgets.issue", "issue", REVIEWER, (w, a) -> w.budgets.issue(a, BUDGET, "issued"), budget,
                        "budget.status-changed"),
                Step.of("Budgets.bookCommitment", "an order of 100,000.00", DRAFTER,
                        (w, a) -> w.budgets.bookCommitment(a, BUDGET, ACCESS, new CommitmentId("PO-1"),
                                DocumentStage.ORDER, Money.cny("100000.00"), null), budget, "budget.commitment-booked"),
                Step.of("Budgets.reverseCommitment", "cancel the order", DRAFTER,
                        (w, a) -> w.budgets.reverseCommitment(a, BUDGET, new CommitmentId("PO-1"), "cancelled"), budget,
                        "budget.commitment-reversed"),
                Step.of("Budgets.recordActual", "an invoice of 100,000.00", DRAFTER,
                        (w, a) -> w.budgets.recordActual(a, BUDGET, ACCESS, new CommitmentId("INV-1"),
                                Money.cny("100000.00"), null), budget, "budget.actual-recorded"),
                Step.of("Budgets.approveRevision", "raise the line by 100,000.00", REVIEWER,
                        (w, a) -> w.budgets.approveRevision(a, BUDGET, ACCESS, Money.cny("100000.00"), "more demand"),
                        budget, "budget.revision-approved"),
                Step.of("Budgets.close", "close", REVIEWER, (w, a) -> w.budgets.close(a, BUDGET, "year end"), budget,
                        "budget.status-changed")));
    }

    /**
     * A CAPEX project's life from proposal to evaluation on an issued budget's line (1,000,000.00 under
     * stop control), with a proposal rejected and one cancelled.
     */
    static AuthorisationScenario<World> capexScenario(Supplier<World> worlds) {
        Set<String> project = Set.of(PART_PROJECT);
        Set<String> both = Set.of(PART_PROJECT, PART_CAPEX_BUDGET);
        String booked = "budget.capex-amount-booked";
        String advanced = "budget.capex-project-advanced";
        return new AuthorisationScenario<World>(() -> {
            World w = worlds.get();
            if (w != null) {
                w.issueCapexBudget();
            }
            return w;
        }, List.<Step<World>>of(
                Step.of("CapexProjects.propose", "a fibre ring", PROPOSE,
                        (w, a) -> w.projects.propose(a, PROJECT, CapexKind.ROLLING, "fibre ring", new LocalNetworkId("SZ"),
                                List.of(FIBRE), "forecast demand"), project, "budget.capex-project-proposed"),
                Step.of("CapexProjects.startFeasibility", "route survey", NETWORK,
                        (w, a) -> w.projects.startFeasibility(a, PROJECT, "route survey"), project, advanced),
                Step.of("CapexProjects.reject", "another proposal", MEETING,
                        (w, a) -> w.projects.reject(a, TO_REJECT, "not needed"), Set.of("project:" + TO_REJECT.value()),
                        advanced),
                Step.of("CapexProjects.cancel", "a third proposal", MEETING,
                        (w, a) -> w.projects.cancel(a, TO_CANCEL, "merged"), Set.of("project:" + TO_CANCEL.value()),
                        advanced),
                Step.of("CapexProjects.approve", "200,000.00 on the access line", MEETING,
                        (w, a) -> w.projects.approve(a, PROJECT, new CapexBudgetLine(CAPEX_BUDGET, ACCESS),
                                Money.cny("200000.00"), new CapexSchedule(NOW.plus(Duration.ofDays(10)),
                                        NOW.plus(Duration.ofDays(90))), "company meeting"), project,
                        "budget.capex-project-approved"),
                Step.of("CapexProjects.bookCommitment", "a request of 10,000.00", BOOK,
                        (w, a) -> w.projects.bookCommitment(a, PROJECT, "REQ-1", Money.cny("10000.00")), project, booked),
                Step.of("CapexProjects.releaseCommitment", "the request released", BOOK,
                        (w, a) -> w.projects.releaseCommitment(a, PROJECT, "REQ-1", Money.cny("10000.00")), project,
                        booked),
                Step.of("CapexCommitments.commit", "an order of 20,000.00 on project and line", BOTH,
                        (w, a) -> w.commitments.commit(a, PROJECT, "PO-1", DocumentStage.ORDER, Money.cny("20000.00"),
                                null), both, booked, "budget.commitment-booked"),
                Step.of("CapexProjects.startConstruction", "contractor on site", NETWORK,
                        (w, a) -> w.projects.startConstruction(a, PROJECT, "contractor on site"), project, advanced),
                Step.of("CapexCommitments.invoice", "the order invoiced", BOTH,
                        (w, a) -> w.commitments.invoice(a, PROJECT, "INV-1", Money.cny("20000.00"), "PO-1"), both,
                        booked, booked, "budget.commitment-reversed", "budget.actual-recorded"),
                Step.of("CapexProjects.bookActual", "an invoice of 5,000.00 on the project", BOOK,
                        (w, a) -> w.projects.bookActual(a, PROJECT, "INV-2", Money.cny("5000.00")), project, booked),
                Step.of("CapexCommitments.commit", "an order of 3,000.00", BOTH,
                        (w, a) -> w.commitments.commit(a, PROJECT, "PO-2", DocumentStage.ORDER, Money.cny("3000.00"),
                                null), both, booked, "budget.commitment-booked"),
                Step.of("CapexCommitments.cancel", "the order cancelled", BOTH,
                        (w, a) -> w.commitments.cancel(a, PROJECT, "PO-2", "supplier withdrew"), both, booked,
                        "budget.commitment-reversed"),
                Step.of("CapexProjects.accept", "passed at the first inspection", NETWORK,
                        (w, a) -> w.projects.accept(a, PROJECT, List.of(FIBRE), true, 36, "inspection"), project,
                        "budget.capex-project-accepted"),
                Step.of("CapexProjects.evaluate", "post-evaluation", MEETING,
                        (w, a) -> w.projects.evaluate(a, PROJECT, "as planned"), project, advanced)));
    }

    private static BudgetLine line(String amount) {
        return new BudgetLine(ACCESS, LineKind.CAPEX, "access network", Money.cny(amount),
                BudgetControl.uniform(ControlLevel.STOP), null);
    }

    private World world() {
        return new World(newStorage());
    }

    /** The budget services over one storage at 15 June 2027. */
    static final class World implements AuthorisationWorld {

        final StorageProvider storage;
        final Budgets budgets;
        final CapexProjects projects;
        final CapexCommitments commitments;

        World(StorageProvider storage) {
            this.storage = storage;
            Keyline keyline = Keyline.builder().storage(storage).clock(TestClock.at(NOW)).build();
            this.budgets = Budgets.on(keyline);
            this.projects = CapexProjects.on(keyline);
            this.commitments = CapexCommitments.on(keyline);
        }

        /** The CAPEX budget issued with its access line, and the two proposals to reject and to cancel. */
        void issueCapexBudget() {
            Actor gm = holding(Role.GENERAL_MANAGER);
            Actor finance = holding(Role.FINANCIAL_MANAGER);
            budgets.setTargets(gm, CAPEX_BUDGET, BudgetTargets.of(SUZHOU, 2027, null, Money.cny("1200000.00")), "targets");
            budgets.startDraft(finance, CAPEX_BUDGET, "draft");
            budgets.planLine(finance, CAPEX_BUDGET, line("1000000.00"));
            budgets.submit(finance, CAPEX_BUDGET, "draft");
            budgets.approve(gm, CAPEX_BUDGET, "approved");
            budgets.issue(gm, CAPEX_BUDGET, "issued");
            Actor centre = holding(Role.NETWORK_CENTRE_MANAGER);
            for (CapexProjectId id : List.of(TO_REJECT, TO_CANCEL)) {
                projects.propose(centre, id, CapexKind.ROLLING, "spur " + id.value(), new LocalNetworkId("SZ"),
                        List.of(FIBRE), "forecast demand");
            }
        }

        @Override
        public StorageProvider storage() {
            return storage;
        }

        @Override
        public Map<String, Object> stored() {
            Map<String, Object> parts = new LinkedHashMap<>();
            BudgetRepository budgetRepository = storage.port(BudgetRepository.class);
            for (BudgetId id : List.of(BUDGET, CAPEX_BUDGET)) {
                parts.put("budget:" + id.value(), budgetRepository.find(id).map(Budget::snapshot));
            }
            CapexProjectRepository projectRepository = storage.port(CapexProjectRepository.class);
            for (CapexProjectId id : List.of(PROJECT, TO_REJECT, TO_CANCEL)) {
                parts.put("project:" + id.value(), projectRepository.find(id).map(CapexProject::snapshot));
            }
            return parts;
        }
    }
}
