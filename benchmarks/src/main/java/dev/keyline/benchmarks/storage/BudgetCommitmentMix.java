package dev.keyline.benchmarks.storage;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.budget.Budgets;
import java.util.List;

/**
 * The budget-commitment command mix of the budget area, the same on every side: budget {@code n}
 * (a province's for 2026, one CAPEX line of 1,200,000.00 that stops over-budget documents) gets
 * its targets, is drafted, has its line planned, is submitted, approved and issued; then a purchase
 * request is booked on the issued line as a commitment, and changed: the order that replaces it is
 * booked for more, which reverses the request in the same command. Eight commands, eight
 * transactions, nine events (the last command raises two). Each budget is new: a budget's ledger
 * only grows and is read whole by every command, so booking every commitment on one budget would
 * make each command longer than the one before.
 *
 * <p>The Keyline side runs each command through the budget service ({@link Budgets}) as a host
 * would: it loads the budget, checks the actor's role, calls the domain, saves with the version
 * check and writes the events to the outbox in the same transaction.
 */
public final class BudgetCommitmentMix {

    /** Commands per budget. */
    public static final int COMMANDS = 8;

    /** The reviewer: sets the targets, approves, issues. */
    public static final Actor REVIEWER = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);

    /** The drafter: drafts, plans, submits, books. */
    public static final Actor DRAFTER = Actor.withRoles(new UserId("fm"), Role.FINANCIAL_MANAGER);

    /** The fiscal year. */
    public static final int YEAR = 2026;

    /** The annual fund plan. */
    public static final Money FUND_PLAN = Money.cny("5000000.00");

    /** The line. */
    public static final BudgetLine LINE = new BudgetLine(new BudgetLineId("L1"), LineKind.CAPEX, "access network",
            Money.cny("1200000.00"), BudgetControl.uniform(ControlLevel.STOP), null);

    /** The request's amount. */
    public static final Money REQUESTED = Money.cny("100000.00");

    /** The amount of the order that replaces it. */
    public static final Money ORDERED = Money.cny("120000.00");

    private final Budgets budgets;

    /**
     * The Keyline side on a fixture's runtime.
     *
     * @param fixture the fixture
     */
    public BudgetCommitmentMix(Fixture fixture) {
        this.budgets = Budgets.on(fixture.keyline());
    }

    /** The id of budget {@code n}. */
    public static BudgetId budgetId(long n) {
        return new BudgetId(Ids.padded("BU-", n));
    }

    /** The targets of budget {@code n}: the province unit of its own, the default alert shares and zone. */
    public static BudgetTargets targets(long n) {
        return BudgetTargets.of(OrgUnit.province(new OrgUnitId(Ids.padded("PR-", n))), YEAR, null, FUND_PLAN);
    }

    /** The request booked on budget {@code n}. */
    public static CommitmentId request(long n) {
        return new CommitmentId(Ids.padded("REQ-", n));
    }

    /** The order that replaces it. */
    public static CommitmentId order(long n) {
        return new CommitmentId(Ids.padded("ORD-", n));
    }

    /**
     * Budget {@code n} as the domain creates it at {@link Fixture#NOW}, its event pending.
     *
     * @param n the budget number
     * @return the budget
     */
    public static Budget create(long n) {
        return Budget.setTargets(budgetId(n), targets(n), REVIEWER.user(), "provincial plan", Fixture.NOW);
    }

    /**
     * Runs the eight commands for budget {@code n}.
     *
     * @param n the budget number
     */
    public void run(long n) {
        run(n, COMMANDS);
    }

    /**
     * Runs the first {@code commands} commands of the mix for number {@code n}, so that a test can
     * compare the rows of every stage the aggregate passes through.
     *
     * @param n the number
     * @param commands how many, 1 to {@link #COMMANDS}
     */
    public void run(long n, int commands) {
        BudgetId id = budgetId(n);
        List<Runnable> mix = List.of(
                () -> budgets.setTargets(REVIEWER, id, targets(n), "provincial plan"),
                () -> budgets.startDraft(DRAFTER, id, "drafting"),
                () -> budgets.planLine(DRAFTER, id, LINE),
                () -> budgets.submit(DRAFTER, id, "for review"),
                () -> budgets.approve(REVIEWER, id, "approved"),
                () -> budgets.issue(REVIEWER, id, "issued"),
                () -> budgets.bookCommitment(DRAFTER, id, LINE.id(), request(n), DocumentStage.REQUEST, REQUESTED, null),
                () -> budgets.bookCommitment(DRAFTER, id, LINE.id(), order(n), DocumentStage.ORDER, ORDERED, request(n)));
        mix.subList(0, commands).forEach(Runnable::run);
    }
}
