package dev.keyline.runtime.budget;

import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetExceededException;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.Challenge;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.IllegalBudgetTransitionException;
import dev.keyline.domain.budget.LineBalance;
import dev.keyline.domain.budget.Revision;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.budget.BudgetRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * Budgets (预算) run through the runtime: the yearly cycle from targets to issue and close,
 * revisions, and the commitment ledger, with the access rules below and the one rule that spans
 * budgets: issued child budgets never sum above their parent's line.
 *
 * <p><b>Access.</b> The kernel's actor carries roles but no organisation unit, so the rules are by
 * role and the host checks that the person belongs to the right unit:
 * <ul>
 *   <li>the reviewing side, a {@link Role#GENERAL_MANAGER} (总经理) of the unit above (the
 *       province for a local network's budget, the local network for a department's), sets
 *       targets, challenges, approves, issues, approves revisions and closes;</li>
 *   <li>the owning unit's {@link Role#FINANCIAL_MANAGER} (财务经理) drafts: starts the draft, plans
 *       lines, submits, answers challenges; and books documents on the issued budget (commitments,
 *       actuals, reversals);</li>
 *   <li>nobody approves a budget they last submitted themselves (four eyes).</li>
 * </ul>
 * A refused actor gets {@link NotAuthorisedException} and nothing changes.
 *
 * <p><b>Parent and children.</b> A budget whose targets name a parent budget draws each of its
 * lines on a line of that parent. Issuing it, or approving a revision that raises one of its lines,
 * checks that the issued amounts of all issued children drawing on each parent line stay within
 * that line's issued amount; approving a revision that cuts a parent line checks that its issued
 * children still fit. The check runs in the command's transaction and saves the parent too, so its
 * version moves: two children issued at the same time cannot both pass a check made on the same
 * parent version; the second fails with {@link StaleVersionException} and may simply be retried.
 *
 * <p>Every command runs through {@link ServiceSteps}: loaded, checked, changed, saved with the
 * version check and its {@code budget.*} events written in the same transaction. Immutable and
 * thread-safe.
 */
public final class Budgets {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final BudgetRepository budgets;

    private Budgets(Keyline keyline) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.budgets = keyline.storage().port(BudgetRepository.class);
    }

    /**
     * The budget service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the budget area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store budgets
     */
    public static Budgets on(Keyline keyline) {
        return new Budgets(Require.nonNull(keyline, "keyline"));
    }

    /**
     * Sets a budget's targets: creates it in {@link BudgetStatus#TARGETS_SET}. A parent budget named
     * by the targets must exist and belong to the unit above the budget's unit.
     *
     * @param reviewer who sets them; a general manager
     * @param id the new budget's id
     * @param targets the targets
     * @param reason why
     * @return the new budget
     * @throws NotAuthorisedException when the reviewer is not a general manager
     * @throws NotFoundException when the parent budget does not exist
     * @throws InvalidArgumentException when the parent budget belongs to another unit than the
     *     budget's parent unit, or is of another fiscal year
     * @throws dev.keyline.domain.common.AlreadyExistsException when the id is taken
     */
    public BudgetSnapshot setTargets(Actor reviewer, BudgetId id, BudgetTargets targets, String reason) {
        Require.nonNull(reviewer, "reviewer");
        Require.nonNull(id, "id");
        Require.nonNull(targets, "targets");
        Require.text(reason, "reason");
        return steps.create(budgets, ctx -> {
            requireReviewer(reviewer, "set the targets of budget " + id);
            if (targets.parent() != null) {
                Budget parent = budgets.get(targets.parent());
                Require.that(parent.unit().id().equals(targets.unit().parent()), "targets", () -> "parent budget "
                        + parent.id() + " belongs to " + parent.unit().id() + ", not to " + targets.unit().parent()
                        + ", the unit above " + targets.unit().id());
                Require.that(parent.fiscalYear() == targets.fiscalYear(), "targets", () -> "parent budget " + parent.id()
                        + " is for " + parent.fiscalYear() + ", not " + targets.fiscalYear());
            }
            return Budget.setTargets(id, targets, reviewer.user(), reason, ctx.now());
        }, Budget::snapshot);
    }

    /**
     * The owning unit starts drafting.
     *
     * @param drafter a financial manager
     * @param id the budget
     * @param reason why
     * @return the budget after the change
     * @throws NotAuthorisedException when the drafter is not a financial manager
     * @throws IllegalBudgetTransitionException unless its targets are set
     */
    public BudgetSnapshot startDraft(Actor drafter, BudgetId id, String reason) {
        Require.nonNull(drafter, "drafter");
        Require.text(reason, "reason");
        return change(id, b -> requireDrafter(drafter, "start drafting budget " + b.id()),
                (b, ctx) -> b.startDraft(drafter.user(), reason, ctx.now()));
    }

    /**
     * Plans or replaces a line while drafting or answering a challenge.
     *
     * @param drafter a financial manager
     * @param id the budget
     * @param line the line
     * @return the budget after the change
     * @throws NotAuthorisedException when the drafter is not a financial manager
     * @throws InvalidStateException unless the budget is in draft or challenged
     * @throws InsufficientCapacityException when the lines would exceed the annual fund plan
     */
    public BudgetSnapshot planLine(Actor drafter, BudgetId id, BudgetLine line) {
        Require.nonNull(drafter, "drafter");
        Require.nonNull(line, "line");
        return change(id, b -> requireDrafter(drafter, "plan line " + line.id() + " of budget " + b.id()),
                (b, ctx) -> b.planLine(line, drafter.user(), ctx.now()));
    }

    /**
     * Submits the draft, or the revised draft after a challenge.
     *
     * @param drafter a financial manager
     * @param id the budget
     * @param reason why
     * @return the budget after the change
     * @throws NotAuthorisedException when the drafter is not a financial manager
     * @throws IllegalBudgetTransitionException unless in draft or challenged
     * @throws InvalidStateException when it has no line or a challenge awaits its answer
     */
    public BudgetSnapshot submit(Actor drafter, BudgetId id, String reason) {
        Require.nonNull(drafter, "drafter");
        Require.text(reason, "reason");
        return change(id, b -> requireDrafter(drafter, "submit budget " + b.id()),
                (b, ctx) -> b.submit(drafter.user(), reason, ctx.now()));
    }

    /**
     * The reviewer challenges the submitted budget (质询).
     *
     * @param reviewer a general manager
     * @param id the budget
     * @param comment what the drafter must answer
     * @return the challenge
     * @throws NotAuthorisedException when the reviewer is not a general manager
     * @throws IllegalBudgetTransitionException unless the budget is submitted
     */
    public Challenge challenge(Actor reviewer, BudgetId id, String comment) {
        Require.text(comment, "comment");
        Require.nonNull(reviewer, "reviewer");
        return steps.change(budgets, id, (b, ctx) -> requireReviewer(reviewer, "challenge budget " + b.id()),
                (b, ctx) -> b.challenge(comment, reviewer.user(), ctx.now()));
    }

    /**
     * The drafter answers a challenge.
     *
     * @param drafter a financial manager
     * @param id the budget
     * @param number the challenge's number
     * @param answer the answer
     * @return the answered challenge
     * @throws NotAuthorisedException when the drafter is not a financial manager
     * @throws InvalidStateException unless the challenge awaits its answer
     */
    public Challenge answerChallenge(Actor drafter, BudgetId id, int number, String answer) {
        Require.text(answer, "answer");
        Require.nonNull(drafter, "drafter");
        return steps.change(budgets, id,
                (b, ctx) -> requireDrafter(drafter, "answer challenge " + number + " of budget " + b.id()),
                (b, ctx) -> b.answerChallenge(number, answer, drafter.user(), ctx.now()));
    }

    /**
     * The reviewer approves the submitted budget.
     *
     * @param reviewer a general manager who did not submit it last
     * @param id the budget
     * @param reason why
     * @return the budget after the change
     * @throws NotAuthorisedException when the reviewer is not a general manager or submitted it
     * @throws IllegalBudgetTransitionException unless the budget is submitted
     */
    public BudgetSnapshot approve(Actor reviewer, BudgetId id, String reason) {
        Require.nonNull(reviewer, "reviewer");
        Require.text(reason, "reason");
        return change(id, b -> {
            requireReviewer(reviewer, "approve budget " + b.id());
            Optional<UserId> submitter = b.history().stream().filter(c -> c.to() == BudgetStatus.SUBMITTED)
                    .reduce((first, second) -> second).map(c -> c.by());
            if (submitter.isPresent() && reviewer.is(submitter.get())) {
                throw new NotAuthorisedException(reviewer + " may not approve budget " + b.id()
                        + " that they submitted themselves");
            }
        }, (b, ctx) -> b.approve(reviewer.user(), reason, ctx.now()));
    }

    /**
     * Issues the approved budget (下达). A budget under a parent is issued only while the parent is
     * issued and only when, for each of its lines, the issued children drawing on the parent line
     * together with it stay within that line; the parent is saved too, so a concurrent issue fails
     * with {@link StaleVersionException}.
     *
     * @param reviewer a general manager
     * @param id the budget
     * @param reason why
     * @return the budget after the change
     * @throws NotAuthorisedException when the reviewer is not a general manager
     * @throws IllegalBudgetTransitionException unless the budget is approved
     * @throws InvalidStateException when its parent budget is not issued
     * @throws InsufficientCapacityException when the children would sum above a parent line
     */
    public BudgetSnapshot issue(Actor reviewer, BudgetId id, String reason) {
        Require.text(reason, "reason");
        Require.nonNull(reviewer, "reviewer");
        return steps.change(budgets, id, (b, ctx) -> requireReviewer(reviewer, "issue budget " + b.id()),
                (b, ctx) -> {
                    b.issue(reviewer.user(), reason, ctx.now());
                    if (b.parent().isPresent()) {
                        Budget parent = budgets.get(b.parent().get());
                        checkChildrenFit(parent, b, "issuing budget " + b.id());
                        ctx.save(budgets, parent);
                    }
                }, Budget::snapshot);
    }

    /**
     * Closes the issued budget.
     *
     * @param reviewer a general manager
     * @param id the budget
     * @param reason why
     * @return the budget after the change
     * @throws NotAuthorisedException when the reviewer is not a general manager
     * @throws IllegalBudgetTransitionException unless the budget is issued
     */
    public BudgetSnapshot close(Actor reviewer, BudgetId id, String reason) {
        Require.nonNull(reviewer, "reviewer");
        Require.text(reason, "reason");
        return change(id, b -> requireReviewer(reviewer, "close budget " + b.id()),
                (b, ctx) -> b.close(reviewer.user(), reason, ctx.now()));
    }

    /**
     * Approves a revision of an issued line. Raising a child's line checks it still fits its parent
     * line; cutting a parent's line checks its issued children still fit; either way the other
     * budget is saved too.
     *
     * @param approver a general manager
     * @param id the budget
     * @param line the line
     * @param delta the change, not zero
     * @param reason why
     * @return the revision
     * @throws NotAuthorisedException when the approver is not a general manager
     * @throws InsufficientCapacityException when the revision breaks the fund plan, the line's
     *     commitments and actuals, or the parent and children rule
     */
    public Revision approveRevision(Actor approver, BudgetId id, BudgetLineId line, Money delta, String reason) {
        Require.nonNull(line, "line");
        Require.nonNull(delta, "delta");
        Require.text(reason, "reason");
        Require.nonNull(approver, "approver");
        return steps.change(budgets, id,
                (b, ctx) -> requireReviewer(approver, "approve a revision of line " + line + " of budget " + b.id()),
                (b, ctx) -> {
                    Revision revision = b.approveRevision(line, delta, reason, approver.user(), ctx.now());
                    if (delta.isPositive() && b.parent().isPresent()) {
                        Budget parent = budgets.get(b.parent().get());
                        checkChildrenFit(parent, b, "revising line " + line + " of budget " + b.id());
                        ctx.save(budgets, parent);
                    }
                    if (delta.isNegative()) {
                        checkChildrenFit(b, null, "cutting line " + line + " of budget " + b.id());
                    }
                    return revision;
                });
    }

    /**
     * Books a confirmed request or order as a commitment, reversing the commitment it replaces.
     *
     * @param booker a financial manager
     * @param id the budget
     * @param line the line
     * @param document the document
     * @param stage request or order
     * @param amount the amount
     * @param replaces the commitment it replaces, or null
     * @return the line's balance after it
     * @throws NotAuthorisedException when the booker is not a financial manager
     * @throws BudgetExceededException when the line stops this stage and it would go over budget
     */
    public LineBalance bookCommitment(Actor booker, BudgetId id, BudgetLineId line, CommitmentId document,
            DocumentStage stage, Money amount, CommitmentId replaces) {
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Require.nonNull(stage, "stage");
        Require.nonNull(amount, "amount");
        Require.nonNull(booker, "booker");
        return steps.change(budgets, id, (b, ctx) -> requireDrafter(booker, "book on budget " + b.id()),
                (b, ctx) -> b.bookCommitment(line, document, stage, amount, replaces, booker.user(), ctx.now()));
    }

    /**
     * Records a confirmed invoice as an actual, reversing the commitment it replaces.
     *
     * @param booker a financial manager
     * @param id the budget
     * @param line the line
     * @param document the invoice
     * @param amount the amount
     * @param replaces the commitment it replaces, or null
     * @return the line's balance after it
     * @throws NotAuthorisedException when the booker is not a financial manager
     * @throws BudgetExceededException when the line stops invoices and it would go over budget
     */
    public LineBalance recordActual(Actor booker, BudgetId id, BudgetLineId line, CommitmentId document, Money amount,
            CommitmentId replaces) {
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Require.nonNull(amount, "amount");
        Require.nonNull(booker, "booker");
        return steps.change(budgets, id, (b, ctx) -> requireDrafter(booker, "record an actual on budget " + b.id()),
                (b, ctx) -> b.recordActual(line, document, amount, replaces, booker.user(), ctx.now()));
    }

    /**
     * Cancels an open commitment.
     *
     * @param booker a financial manager
     * @param id the budget
     * @param document the commitment's document
     * @param reason why
     * @return the line's balance after it
     * @throws NotAuthorisedException when the booker is not a financial manager
     * @throws NotFoundException when there is no such open commitment
     */
    public LineBalance reverseCommitment(Actor booker, BudgetId id, CommitmentId document, String reason) {
        Require.nonNull(document, "document");
        Require.text(reason, "reason");
        Require.nonNull(booker, "booker");
        return steps.change(budgets, id, (b, ctx) -> requireDrafter(booker, "reverse a commitment on budget " + b.id()),
                (b, ctx) -> b.reverseCommitment(document, reason, booker.user(), ctx.now()));
    }

    /**
     * A budget as stored.
     *
     * @param id the budget
     * @return its snapshot
     * @throws NotFoundException when there is none
     */
    public BudgetSnapshot get(BudgetId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> budgets.get(id).snapshot());
    }

    /**
     * The balances of a budget's lines.
     *
     * @param id the budget
     * @return one balance per line, in the order planned
     * @throws NotFoundException when there is none
     */
    public List<LineBalance> balances(BudgetId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> budgets.get(id).balances());
    }

    // ---------------------------------------------------------------- internals

    private interface Check {
        void check(Budget budget);
    }

    private interface Command {
        void run(Budget budget, CommandContext ctx);
    }

    private BudgetSnapshot change(BudgetId id, Check access, Command command) {
        Require.nonNull(id, "id");
        return steps.change(budgets, id, (b, ctx) -> access.check(b), (b, ctx) -> command.run(b, ctx), Budget::snapshot);
    }

    /**
     * Checks that the issued children of {@code parent} (with {@code candidate} in place of its
     * stored version, when given) fit each parent line.
     */
    private void checkChildrenFit(Budget parent, Budget candidate, String attempted) {
        if (candidate != null && parent.status() != BudgetStatus.ISSUED) {
            throw new InvalidStateException(attempted + ": parent budget " + parent.id() + " is " + parent.status()
                    + ", not " + BudgetStatus.ISSUED);
        }
        List<Budget> children = budgets.childrenOf(parent.id()).stream()
                .filter(c -> candidate == null || !c.id().equals(candidate.id()))
                .filter(c -> c.status() == BudgetStatus.ISSUED || c.status() == BudgetStatus.CLOSED)
                .collect(Collectors.toCollection(ArrayList::new));
        if (candidate != null) {
            children.add(candidate);
            for (BudgetLine line : candidate.lines()) {
                if (parent.line(line.parentLine()).isEmpty()) {
                    throw new InvalidArgumentException("line", attempted + ": line " + line.id()
                            + " draws on line " + line.parentLine() + ", which parent budget " + parent.id() + " lacks");
                }
            }
        }
        for (BudgetLine parentLine : parent.lines()) {
            Money limit = parent.balance(parentLine.id()).issued();
            Money sum = Money.zero(limit.currency());
            for (Budget child : children) {
                for (BudgetLine line : child.lines()) {
                    if (parentLine.id().equals(line.parentLine())) {
                        sum = sum.plus(child.balance(line.id()).issued());
                    }
                }
            }
            if (sum.isGreaterThan(limit)) {
                throw new InsufficientCapacityException(attempted + ": the issued child budgets of " + parent.id()
                        + " would draw " + sum + " on its line " + parentLine.id() + ", above its issued amount " + limit);
            }
        }
    }

    private static void requireReviewer(Actor actor, String attempted) {
        Require.nonNull(actor, "actor");
        if (!actor.hasRole(Role.GENERAL_MANAGER)) {
            throw new NotAuthorisedException(actor + " may not " + attempted
                    + ": only a GENERAL_MANAGER of the reviewing unit may");
        }
    }

    private static void requireDrafter(Actor actor, String attempted) {
        Require.nonNull(actor, "actor");
        if (!actor.hasRole(Role.FINANCIAL_MANAGER)) {
            throw new NotAuthorisedException(actor + " may not " + attempted
                    + ": only a FINANCIAL_MANAGER of the owning unit may");
        }
    }
}
