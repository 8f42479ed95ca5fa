package dev.keyline.domain.budget;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One organisation unit's budget for one fiscal year (预算), with its lines, status history,
 * challenges, revisions and commitment ledger.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Lifecycle.</b> The province sets the targets ({@link #setTargets}); the owning unit starts
 *       drafting, plans its lines and submits; the reviewer challenges (质询) and the drafter answers
 *       every challenge, revises and submits again, as often as needed; the reviewer approves, the
 *       budget is issued (下达) and finally closed. Every transition is recorded in the history
 *       (who, when, why); any other transition is refused with
 *       {@link IllegalBudgetTransitionException}.</li>
 *   <li><b>Fund plan.</b> The sum of the lines' amounts never exceeds the annual fund plan, neither
 *       when drafting nor after revisions ({@link InsufficientCapacityException}).</li>
 *   <li><b>Revisions</b> after issue are immutable deltas with a reason and an approver; a line's
 *       issued amount is its original amount plus its revisions, never negative and never below its
 *       commitments and actuals.</li>
 *   <li><b>Ledger.</b> A request or order is booked as a commitment when confirmed
 *       ({@link #bookCommitment}); confirming the next document of the chain (request → order →
 *       invoice) reverses the commitment it replaces in the same command; an invoice is recorded as
 *       an actual ({@link #recordActual}); a commitment may also be cancelled
 *       ({@link #reverseCommitment}). A line's available amount is
 *       {@code issued − commitments − actuals}.</li>
 *   <li><b>Control</b> per line and document stage ({@link BudgetControl}): a document that
 *       raises a line's commitments and actuals above the issued annual amount, or above the amount
 *       phased to its month ({@link OverrunLimit#PERIOD}: twelve equal monthly parts, accumulated
 *       to the document's month in the budget's time zone), is refused under
 *       {@link ControlLevel#STOP} with {@link BudgetExceededException}, booked with a
 *       {@link BudgetOverrunWarned} event under {@link ControlLevel#WARN}, and booked silently under
 *       {@link ControlLevel#IGNORE}. So on a line that stops at every stage, commitments and actuals
 *       never exceed the issued amount.</li>
 *   <li><b>Alerts.</b> When a line's commitments and actuals reach one of the configured shares of
 *       its issued amount, {@link BudgetShareReached} is raised, once per line and share.</li>
 * </ul>
 *
 * <p>Every command either succeeds or throws before changing anything. Who may run which command is
 * the runtime's access rule; the commands record the acting user. That issued child budgets never
 * sum above their parent's line spans two budgets and is enforced by the runtime service that
 * issues and revises them.
 */
public final class Budget extends AggregateRoot<BudgetId> {

    private static final int MONTHS = 12;

    private final BudgetTargets targets;
    private BudgetStatus status;
    private final Map<BudgetLineId, BudgetLine> lines = new LinkedHashMap<>();
    private final List<StatusChange> history = new ArrayList<>();
    private final List<Challenge> challenges = new ArrayList<>();
    private final List<Revision> revisions = new ArrayList<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Set<ReachedShare> reachedShares = new LinkedHashSet<>();

    private Budget(BudgetId id, long version, BudgetTargets targets, BudgetStatus status) {
        super(id, version);
        this.targets = targets;
        this.status = status;
    }

    /**
     * The province sets a budget's targets; the budget starts in {@link BudgetStatus#TARGETS_SET}
     * and records {@link BudgetStatusChanged}.
     *
     * @param id the budget's id
     * @param targets the unit, year, parent budget, fund plan, alert shares and time zone
     * @param by who sets them
     * @param reason why, for the history
     * @param at when
     * @return the new budget (version 0, never saved)
     * @throws InvalidArgumentException naming the argument when one is null or the reason is blank
     */
    public static Budget setTargets(BudgetId id, BudgetTargets targets, UserId by, String reason, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(targets, "targets");
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        Budget budget = new Budget(id, 0, targets, BudgetStatus.TARGETS_SET);
        StatusChange change = new StatusChange(null, BudgetStatus.TARGETS_SET, by, at, reason);
        budget.history.add(change);
        budget.record(budget.changed(change));
        return budget;
    }

    /**
     * The owning unit starts drafting: targets set → draft.
     *
     * @param by who starts
     * @param reason why, for the history
     * @param at when; not before the last status change
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last status change
     * @throws IllegalBudgetTransitionException unless the targets are set and drafting has not started
     */
    public void startDraft(UserId by, String reason, Instant at) {
        moveTo(BudgetStatus.DRAFT, by, reason, at);
    }

    /**
     * Plans a line, or replaces the line with the same id, while drafting or answering a challenge;
     * records {@link BudgetLinePlanned}.
     *
     * @param line the line
     * @param by who plans it
     * @param at when
     * @throws InvalidArgumentException naming the argument when one is null, the amount is in another
     *     currency than the fund plan, or the line names a parent line although the budget has no
     *     parent budget, or names none although it has one
     * @throws InvalidStateException unless the budget is in draft or challenged
     * @throws InsufficientCapacityException when the lines would sum above the annual fund plan
     */
    public void planLine(BudgetLine line, UserId by, Instant at) {
        Require.nonNull(line, "line");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        if (!status.isEditable()) {
            throw new InvalidStateException("budget " + id() + " is " + status + "; lines are planned only in "
                    + BudgetStatus.DRAFT + " or " + BudgetStatus.CHALLENGED);
        }
        Require.that(line.amount().currency().equals(targets.fundPlan().currency()), "line",
                () -> "amount " + line.amount() + " is not in the fund plan's currency " + targets.fundPlan().currency());
        if (targets.parent() == null) {
            Require.that(line.parentLine() == null, "line", () -> "budget " + id()
                    + " has no parent budget, so line " + line.id() + " cannot draw on parent line " + line.parentLine());
        } else {
            Require.that(line.parentLine() != null, "line", () -> "budget " + id() + " is under budget "
                    + targets.parent() + ", so line " + line.id() + " must name the parent line it draws on");
        }
        Money total = line.amount();
        for (BudgetLine other : lines.values()) {
            if (!other.id().equals(line.id())) {
                total = total.plus(other.amount());
            }
        }
        if (total.isGreaterThan(targets.fundPlan())) {
            throw new InsufficientCapacityException("budget " + id() + ": planning line " + line.id() + " at "
                    + line.amount() + " would take the lines to " + total + ", above the annual fund plan "
                    + targets.fundPlan());
        }
        lines.put(line.id(), line);
        record(new BudgetLinePlanned(EventId.random(), at, id(), line.id(), line.kind(), line.category(),
                line.amount(), by));
    }

    /**
     * Submits the draft, or the revised draft after a challenge, for review.
     *
     * @param by who submits
     * @param reason why, for the history
     * @param at when; not before the last status change
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last status change
     * @throws IllegalBudgetTransitionException unless the budget is in draft or challenged
     * @throws InvalidStateException when it has no line, or a challenge still awaits an answer
     */
    public void submit(UserId by, String reason, Instant at) {
        checkTransition(BudgetStatus.SUBMITTED, by, reason, at);
        if (lines.isEmpty()) {
            throw new InvalidStateException("budget " + id() + " has no line to submit");
        }
        Optional<Challenge> open = openChallenge();
        if (open.isPresent()) {
            throw new InvalidStateException("budget " + id() + " cannot be submitted again: challenge "
                    + open.get().number() + " (" + open.get().comment() + ") awaits an answer");
        }
        moveTo(BudgetStatus.SUBMITTED, by, reason, at);
    }

    /**
     * The reviewer challenges the submitted budget (质询): submitted → challenged; records
     * {@link BudgetStatusChanged} and {@link BudgetChallengeRaised}.
     *
     * @param comment what the drafter must answer
     * @param by the reviewer
     * @param at when; not before the last status change
     * @return the challenge, awaiting its answer
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last status change
     * @throws IllegalBudgetTransitionException unless the budget is submitted
     */
    public Challenge challenge(String comment, UserId by, Instant at) {
        Require.text(comment, "comment");
        checkTransition(BudgetStatus.CHALLENGED, by, comment, at);
        Challenge challenge = Challenge.raised(challenges.size() + 1, comment, by, at);
        moveTo(BudgetStatus.CHALLENGED, by, comment, at);
        challenges.add(challenge);
        record(new BudgetChallengeRaised(EventId.random(), at, id(), targets.unit().id(), challenge.number(), comment,
                by));
        return challenge;
    }

    /**
     * The drafter answers a challenge; records {@link BudgetChallengeAnswered}.
     *
     * @param number the challenge's number
     * @param answer the answer
     * @param by who answers
     * @param at when; not before the challenge
     * @return the answered challenge
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the challenge
     * @throws InvalidStateException unless the budget is challenged and the challenge awaits an answer
     * @throws NotFoundException when the budget has no challenge with that number
     */
    public Challenge answerChallenge(int number, String answer, UserId by, Instant at) {
        Require.text(answer, "answer");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        if (status != BudgetStatus.CHALLENGED) {
            throw new InvalidStateException("budget " + id() + " is " + status + "; challenges are answered only while "
                    + BudgetStatus.CHALLENGED);
        }
        if (number < 1 || number > challenges.size()) {
            throw new NotFoundException("budget " + id() + " has no challenge " + number);
        }
        Challenge challenge = challenges.get(number - 1);
        if (challenge.isAnswered()) {
            throw new InvalidStateException("challenge " + number + " of budget " + id() + " was already answered by "
                    + challenge.answeredBy());
        }
        Require.that(!at.isBefore(challenge.raisedAt()), "at", () -> "must not be before the challenge at "
                + challenge.raisedAt() + ", was " + at);
        Challenge answered = challenge.answered(answer, by, at);
        challenges.set(number - 1, answered);
        record(new BudgetChallengeAnswered(EventId.random(), at, id(), number, answer, by));
        return answered;
    }

    /**
     * The reviewer approves the submitted budget: submitted → approved.
     *
     * @param by the reviewer
     * @param reason why, for the history
     * @param at when; not before the last status change
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last status change
     * @throws IllegalBudgetTransitionException unless the budget is submitted
     */
    public void approve(UserId by, String reason, Instant at) {
        moveTo(BudgetStatus.APPROVED, by, reason, at);
    }

    /**
     * Issues the approved budget (下达): approved → issued. From now on documents are booked on it
     * and revisions approved.
     *
     * @param by who issues it
     * @param reason why, for the history
     * @param at when; not before the last status change
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last status change
     * @throws IllegalBudgetTransitionException unless the budget is approved
     */
    public void issue(UserId by, String reason, Instant at) {
        moveTo(BudgetStatus.ISSUED, by, reason, at);
    }

    /**
     * Closes the issued budget at the end of its year: issued → closed.
     *
     * @param by who closes it
     * @param reason why, for the history
     * @param at when; not before the last status change
     * @throws InvalidArgumentException naming the argument when one is null or blank, or {@code at}
     *     lies before the last status change
     * @throws IllegalBudgetTransitionException unless the budget is issued
     */
    public void close(UserId by, String reason, Instant at) {
        moveTo(BudgetStatus.CLOSED, by, reason, at);
    }

    /**
     * Approves a revision of an issued line: an immutable delta with its reason and approver;
     * records {@link BudgetRevisionApproved} (and {@link BudgetShareReached} when a cut makes the line
     * reach an alert share).
     *
     * @param line the line
     * @param delta the change of its amount, positive or negative, not zero
     * @param reason why
     * @param approver who approves it
     * @param at when
     * @return the revision
     * @throws InvalidArgumentException naming the argument when one is null, the reason is blank, the
     *     delta is zero, in another currency or too large
     * @throws InvalidStateException unless the budget is issued
     * @throws NotFoundException when the budget has no such line
     * @throws InsufficientCapacityException when the revision would take the line below zero or below
     *     its commitments and actuals, or the lines above the annual fund plan
     */
    public Revision approveRevision(BudgetLineId line, Money delta, String reason, UserId approver, Instant at) {
        Require.nonNull(line, "line");
        Limits.money(delta, "delta");
        Require.that(!delta.isZero(), "delta", "must not be zero");
        Require.text(reason, "reason");
        Require.nonNull(approver, "approver");
        Require.nonNull(at, "at");
        requireIssued("revisions are approved");
        BudgetLine planned = requireLine(line);
        Require.that(delta.currency().equals(targets.fundPlan().currency()), "delta",
                () -> "must be in the fund plan's currency " + targets.fundPlan().currency() + ", was " + delta);
        LineBalance before = balance(line);
        Money issuedAfter = before.issued().plus(delta);
        Limits.money(issuedAfter, "delta");
        if (issuedAfter.isNegative() || issuedAfter.isLessThan(before.used())) {
            throw new InsufficientCapacityException("budget " + id() + " line " + line + ": a revision of " + delta
                    + " would leave an issued amount of " + issuedAfter + ", below its commitments and actuals of "
                    + before.used() + " (or below zero)");
        }
        Money totalAfter = totalIssued().plus(delta);
        if (totalAfter.isGreaterThan(targets.fundPlan())) {
            throw new InsufficientCapacityException("budget " + id() + " line " + line + ": a revision of " + delta
                    + " would take the issued lines to " + totalAfter + ", above the annual fund plan "
                    + targets.fundPlan());
        }
        Revision revision = new Revision(revisions.size() + 1, planned.id(), delta, reason, approver, at);
        revisions.add(revision);
        record(new BudgetRevisionApproved(EventId.random(), at, id(), line, revision.number(), delta, issuedAfter,
                reason, approver));
        raiseReachedShares(line, at);
        return revision;
    }

    /**
     * Books a confirmed request or order as a commitment on a line; when it replaces the commitment
     * of the chain's previous document (an order replacing its request), that commitment is reversed
     * in the same command. Records {@link CommitmentReversed} (if it replaces one),
     * {@link CommitmentBooked}, {@link BudgetOverrunWarned} when a WARN line goes over budget, and
     * {@link BudgetShareReached} for each alert share newly reached.
     *
     * @param line the line
     * @param document the confirmed document; not yet used on this budget
     * @param stage {@link DocumentStage#REQUEST} or {@link DocumentStage#ORDER}
     * @param amount the amount; positive
     * @param replaces the open commitment of an earlier stage on the same line that this document
     *     replaces, or null
     * @param by who confirmed the document
     * @param at when; decides the document's month, not before the fiscal year
     * @return the line's balance after the booking
     * @throws InvalidArgumentException naming the argument when one other than {@code replaces} is
     *     null, the stage is an invoice, the amount is not positive, in another currency or too
     *     large, the document was already used, {@code at} lies before the fiscal year, or the
     *     replaced commitment is on another line or not of an earlier stage
     * @throws InvalidStateException unless the budget is issued
     * @throws NotFoundException when the line does not exist or {@code replaces} is no open commitment
     * @throws BudgetExceededException when the line stops this stage and the document would take it
     *     over its annual or phased amount
     */
    public LineBalance bookCommitment(BudgetLineId line, CommitmentId document, DocumentStage stage, Money amount,
            CommitmentId replaces, UserId by, Instant at) {
        Require.nonNull(stage, "stage");
        Require.that(stage.isCommitment(), "stage", "an invoice is recorded as an actual, not booked as a commitment");
        return confirm(line, document, stage, amount, replaces, by, at);
    }

    /**
     * Records a confirmed invoice as an actual on a line; when it replaces the commitment of its
     * order (or request), that commitment is reversed in the same command. Records the same events
     * as {@link #bookCommitment}, with {@link ActualRecorded} for the booking.
     *
     * @param line the line
     * @param document the invoice; not yet used on this budget
     * @param amount the amount; positive
     * @param replaces the open commitment on the same line that this invoice replaces, or null
     * @param by who confirmed the invoice
     * @param at when; decides the document's month, not before the fiscal year
     * @return the line's balance after the recording
     * @throws InvalidArgumentException as {@link #bookCommitment}
     * @throws InvalidStateException unless the budget is issued
     * @throws NotFoundException when the line does not exist or {@code replaces} is no open commitment
     * @throws BudgetExceededException when the line stops invoices and the invoice would take it over
     *     its annual or phased amount
     */
    public LineBalance recordActual(BudgetLineId line, CommitmentId document, Money amount, CommitmentId replaces,
            UserId by, Instant at) {
        return confirm(line, document, DocumentStage.INVOICE, amount, replaces, by, at);
    }

    /**
     * Cancels an open commitment: reverses it in full; records {@link CommitmentReversed}.
     *
     * @param document the commitment's document
     * @param reason why
     * @param by who cancels it
     * @param at when
     * @return the line's balance after the reversal
     * @throws InvalidArgumentException naming the argument when one is null or the reason is blank
     * @throws InvalidStateException unless the budget is issued
     * @throws NotFoundException when {@code document} is no open commitment of this budget
     */
    public LineBalance reverseCommitment(CommitmentId document, String reason, UserId by, Instant at) {
        Require.nonNull(document, "document");
        Require.text(reason, "reason");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        requireIssued("commitments are reversed");
        LedgerEntry open = requireOpen(document);
        appendReversal(open, reason, by, at);
        return balance(open.line());
    }

    // ---------------------------------------------------------------- queries

    /**
     * The targets the province set.
     *
     * @return the targets
     */
    public BudgetTargets targets() {
        return targets;
    }

    /**
     * The owning unit.
     *
     * @return the unit
     */
    public OrgUnit unit() {
        return targets.unit();
    }

    /**
     * The fiscal year.
     *
     * @return the year
     */
    public int fiscalYear() {
        return targets.fiscalYear();
    }

    /**
     * The parent budget, if any.
     *
     * @return its id
     */
    public Optional<BudgetId> parent() {
        return Optional.ofNullable(targets.parent());
    }

    /**
     * The current status.
     *
     * @return the status
     */
    public BudgetStatus status() {
        return status;
    }

    /**
     * The lines in the order planned.
     *
     * @return the lines
     */
    public List<BudgetLine> lines() {
        return List.copyOf(lines.values());
    }

    /**
     * A line by id.
     *
     * @param line the line's id
     * @return the line, or empty
     */
    public Optional<BudgetLine> line(BudgetLineId line) {
        return Optional.ofNullable(lines.get(Require.nonNull(line, "line")));
    }

    /**
     * The status history, oldest first.
     *
     * @return the history
     */
    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    /**
     * Every challenge, by number.
     *
     * @return the challenges
     */
    public List<Challenge> challenges() {
        return List.copyOf(challenges);
    }

    /**
     * The challenge awaiting an answer, if any.
     *
     * @return it, or empty
     */
    public Optional<Challenge> openChallenge() {
        return challenges.stream().filter(c -> !c.isAnswered()).findFirst();
    }

    /**
     * Every approved revision, by number.
     *
     * @return the revisions
     */
    public List<Revision> revisions() {
        return List.copyOf(revisions);
    }

    /**
     * The commitment ledger, by sequence.
     *
     * @return the entries
     */
    public List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }

    /**
     * The alert shares reached so far.
     *
     * @return them, in the order reached
     */
    public List<ReachedShare> reachedShares() {
        return List.copyOf(reachedShares);
    }

    /**
     * The open commitments: booked and not reversed.
     *
     * @return the booking entries of the open commitments, by sequence
     */
    public List<LedgerEntry> openCommitments() {
        return List.copyOf(open().values());
    }

    /**
     * Where a line stands.
     *
     * @param line the line
     * @return its balance
     * @throws NotFoundException when the budget has no such line
     */
    public LineBalance balance(BudgetLineId line) {
        BudgetLine planned = requireLine(line);
        Money zero = Money.zero(targets.fundPlan().currency());
        Money issued = planned.amount();
        for (Revision revision : revisions) {
            if (revision.line().equals(line)) {
                issued = issued.plus(revision.delta());
            }
        }
        Money committed = zero;
        Money actual = zero;
        for (LedgerEntry entry : ledger) {
            if (entry.line().equals(line)) {
                switch (entry.kind()) {
                    case COMMITMENT_BOOKED -> committed = committed.plus(entry.amount());
                    case COMMITMENT_REVERSED -> committed = committed.minus(entry.amount());
                    case ACTUAL_RECORDED -> actual = actual.plus(entry.amount());
                    default -> throw new IllegalStateException("unknown ledger entry kind " + entry.kind());
                }
            }
        }
        return new LineBalance(line, planned.amount(), issued, committed, actual, issued.minus(committed).minus(actual));
    }

    /**
     * Every line's balance, in the order planned.
     *
     * @return the balances
     */
    public List<LineBalance> balances() {
        return lines.keySet().stream().map(this::balance).toList();
    }

    /**
     * The sum of the lines' issued amounts (original plus revisions); before issue, of the planned amounts.
     *
     * @return the total
     */
    public Money totalIssued() {
        Money total = Money.zero(targets.fundPlan().currency());
        for (BudgetLine line : lines.values()) {
            total = total.plus(line.amount());
        }
        for (Revision revision : revisions) {
            total = total.plus(revision.delta());
        }
        return total;
    }

    /**
     * A line's issued amount phased to a month of the fiscal year: twelve equal monthly parts (to
     * the cent, the leftover cents to the first months) accumulated from January to {@code month}.
     * Before the fiscal year it is zero; after it, the whole issued amount.
     *
     * @param line the line
     * @param month the month
     * @return the phased amount
     * @throws NotFoundException when the budget has no such line
     */
    public Money phasedTo(BudgetLineId line, YearMonth month) {
        Require.nonNull(month, "month");
        Money issued = balance(line).issued();
        if (month.getYear() < targets.fiscalYear()) {
            return Money.zero(issued.currency());
        }
        int months = month.getYear() > targets.fiscalYear() ? MONTHS : month.getMonthValue();
        List<Money> parts = issued.allocate(MONTHS);
        return Money.sum(parts.subList(0, months), issued.currency());
    }

    /**
     * The month of an instant in the budget's time zone.
     *
     * @param at the instant
     * @return its month
     */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(Require.nonNull(at, "at").atZone(targets.zone()));
    }

    // ---------------------------------------------------------------- snapshot

    /**
     * The stored form.
     *
     * @return the snapshot
     */
    public BudgetSnapshot snapshot() {
        return new BudgetSnapshot(id(), version(), targets, status, lines(), history, challenges, revisions, ledger,
                List.copyOf(reachedShares));
    }

    /**
     * Rebuilds a budget from its stored form, validating it again.
     *
     * @param snapshot the stored form
     * @return the budget
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException when the stored form violates a rule of the budget
     */
    public static Budget restore(BudgetSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        try {
            return rebuild(snapshot);
        } catch (CorruptStateException e) {
            throw e;
        } catch (KeylineException | NullPointerException | IllegalStateException e) {
            throw new CorruptStateException("budget " + snapshot.id() + " cannot be restored: " + e.getMessage(), e);
        }
    }

    private static Budget rebuild(BudgetSnapshot s) {
        corruptIf(s.id() == null, "budget id is null");
        // the messages are built only when a check fails: a kept state is restored at every command
        Supplier<String> what = () -> "budget " + s.id();
        corruptIf(s.targets() == null, () -> what.get() + ": targets are null");
        corruptIf(s.status() == null, () -> what.get() + ": status is null");
        corruptIf(s.lines() == null || s.history() == null || s.challenges() == null || s.revisions() == null
                || s.ledger() == null || s.reachedShares() == null, () -> what.get() + ": a list is null");
        Budget budget = new Budget(s.id(), s.version(), s.targets(), s.status());
        // the history is a chain of allowed transitions from targets set to the stored status, in time order
        corruptIf(s.history().isEmpty(), () -> what.get() + ": the status history is empty");
        BudgetStatus at = null;
        Instant when = null;
        for (StatusChange change : s.history()) {
            corruptIf(change == null, () -> what.get() + ": a status change is null");
            boolean allowed = at == null ? change.to() == BudgetStatus.TARGETS_SET && change.from() == null
                    : change.from() == at && at.next().contains(change.to());
            BudgetStatus after = at;
            corruptIf(!allowed, () -> what.get() + ": status history moves from " + change.from() + " to " + change.to()
                    + " after " + after);
            corruptIf(when != null && change.at().isBefore(when), () -> what.get() + ": status history is not in time order");
            at = change.to();
            when = change.at();
            budget.history.add(change);
        }
        BudgetStatus last = at;
        corruptIf(last != s.status(), () -> what.get() + ": status " + s.status() + " does not match its history, which ends at "
                + last);
        for (BudgetLine line : s.lines()) {
            corruptIf(line == null, () -> what.get() + ": a line is null");
            corruptIf(budget.lines.put(line.id(), line) != null, () -> what.get() + ": line " + line.id() + " appears twice");
            corruptIf(!line.amount().currency().equals(s.targets().fundPlan().currency()),
                    () -> what.get() + ": line " + line.id() + " is in another currency");
            corruptIf((line.parentLine() == null) != (s.targets().parent() == null),
                    () -> what.get() + ": line " + line.id() + " does not match the budget's parent");
        }
        corruptIf(s.status().ordinal() > BudgetStatus.DRAFT.ordinal() && budget.lines.isEmpty(),
                () -> what.get() + ": a submitted budget has no line");
        int number = 0;
        for (Challenge challenge : s.challenges()) {
            corruptIf(challenge == null || challenge.number() != ++number, () -> what.get() + ": challenges are not numbered 1.."
                    + s.challenges().size());
            int challengeNumber = number;
            corruptIf(!challenge.isAnswered() && (number != s.challenges().size() || s.status() != BudgetStatus.CHALLENGED),
                    () -> what.get() + ": challenge " + challengeNumber + " awaits an answer although the budget is " + s.status());
            budget.challenges.add(challenge);
        }
        corruptIf(s.status().ordinal() < BudgetStatus.ISSUED.ordinal()
                && (!s.revisions().isEmpty() || !s.ledger().isEmpty()), () -> what.get() + ": revisions or ledger before issue");
        number = 0;
        for (Revision revision : s.revisions()) {
            corruptIf(revision == null || revision.number() != ++number, () -> what.get() + ": revisions are not numbered 1.."
                    + s.revisions().size());
            corruptIf(!budget.lines.containsKey(revision.line()), () -> what.get() + ": revision of unknown line " + revision.line());
            int revisionNumber = number;
            corruptIf(!revision.delta().currency().equals(s.targets().fundPlan().currency()),
                    () -> what.get() + ": revision " + revisionNumber + " is in another currency");
            budget.revisions.add(revision);
        }
        Map<CommitmentId, LedgerEntry> open = new LinkedHashMap<>();
        Set<CommitmentId> used = new HashSet<>();
        long sequence = 0;
        for (LedgerEntry entry : s.ledger()) {
            corruptIf(entry == null || entry.sequence() != ++sequence, () -> what.get() + ": ledger is not numbered 1.."
                    + s.ledger().size());
            long entryNumber = sequence;
            corruptIf(!budget.lines.containsKey(entry.line()), () -> what.get() + ": ledger entry " + entryNumber + " on unknown line");
            corruptIf(!entry.amount().currency().equals(s.targets().fundPlan().currency()),
                    () -> what.get() + ": ledger entry " + entryNumber + " is in another currency");
            if (entry.kind() == LedgerEntryKind.COMMITMENT_REVERSED) {
                LedgerEntry booked = open.remove(entry.document());
                corruptIf(booked == null || !booked.amount().equals(entry.amount()) || !booked.line().equals(entry.line())
                        || booked.stage() != entry.stage(), () -> what.get() + ": ledger entry " + entryNumber
                        + " reverses no matching open commitment");
            } else {
                corruptIf(!used.add(entry.document()), () -> what.get() + ": document " + entry.document() + " is used twice");
                if (entry.kind() == LedgerEntryKind.COMMITMENT_BOOKED) {
                    open.put(entry.document(), entry);
                }
            }
            budget.ledger.add(entry);
        }
        for (ReachedShare reached : s.reachedShares()) {
            corruptIf(reached == null || !budget.lines.containsKey(reached.line())
                    || !s.targets().alertShares().contains(reached.share()), () -> what.get() + ": unknown reached share " + reached);
            corruptIf(!budget.reachedShares.add(reached), () -> what.get() + ": share " + reached + " appears twice");
        }
        corruptIf(budget.totalIssued().isGreaterThan(s.targets().fundPlan()), () -> what.get() + ": issued lines "
                + budget.totalIssued() + " exceed the fund plan " + s.targets().fundPlan());
        for (BudgetLineId line : budget.lines.keySet()) {
            LineBalance balance = budget.balance(line);
            corruptIf(balance.issued().isNegative(), () -> what.get() + ": line " + line + " has a negative issued amount");
            corruptIf(balance.committed().isNegative(), () -> what.get() + ": line " + line + " has negative commitments");
        }
        return budget;
    }

    // ---------------------------------------------------------------- internals

    private LineBalance confirm(BudgetLineId line, CommitmentId document, DocumentStage stage, Money amount,
            CommitmentId replaces, UserId by, Instant at) {
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Limits.money(amount, "amount");
        Require.that(amount.isPositive(), "amount", () -> "must be positive, was " + amount);
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        requireIssued(stage.isCommitment() ? "commitments are booked" : "actuals are recorded");
        requireLine(line);
        Require.that(amount.currency().equals(targets.fundPlan().currency()), "amount",
                () -> "must be in the fund plan's currency " + targets.fundPlan().currency() + ", was " + amount);
        Require.that(!documentUsed(document), "document", () -> "document " + document + " was already booked on budget " + id());
        YearMonth month = monthOf(at);
        Require.that(month.getYear() >= targets.fiscalYear(), "at", () -> "must not lie before the fiscal year "
                + targets.fiscalYear() + ", was " + at);
        LedgerEntry replaced = null;
        if (replaces != null) {
            replaced = requireOpen(replaces);
            if (!replaced.line().equals(line)) {
                throw new InvalidArgumentException("replaces", "commitment " + replaces + " is on line "
                        + replaced.line() + ", not on " + line);
            }
            if (replaced.stage().ordinal() >= stage.ordinal()) {
                throw new InvalidArgumentException("replaces", "commitment " + replaces + " is a " + replaced.stage()
                        + ", not an earlier stage than " + stage);
            }
        }
        LineBalance before = balance(line);
        Money released = replaced == null ? Money.zero(amount.currency()) : replaced.amount();
        Money usedWithout = before.used().minus(released);
        Money annualAvailable = before.issued().minus(usedWithout);
        Money periodAvailable = phasedTo(line, month).minus(usedWithout);
        OverrunLimit overrun = null;
        Money available = null;
        if (amount.isGreaterThan(released)) {
            if (amount.isGreaterThan(annualAvailable)) {
                overrun = OverrunLimit.ANNUAL;
                available = annualAvailable;
            } else if (amount.isGreaterThan(periodAvailable)) {
                overrun = OverrunLimit.PERIOD;
                available = periodAvailable;
            }
        }
        BudgetLine planned = lines.get(line);
        ControlLevel level = planned.control().levelAt(stage);
        if (overrun != null && level == ControlLevel.STOP) {
            throw new BudgetExceededException(id(), line, stage, amount, available, overrun);
        }
        // checks done: from here on nothing throws
        if (replaced != null) {
            appendReversal(replaced, "replaced by " + stage + " " + document, by, at);
        }
        LedgerEntryKind kind = stage.isCommitment() ? LedgerEntryKind.COMMITMENT_BOOKED : LedgerEntryKind.ACTUAL_RECORDED;
        ledger.add(new LedgerEntry(ledger.size() + 1, kind, line, document, stage, amount, by, at, null));
        if (stage.isCommitment()) {
            record(new CommitmentBooked(EventId.random(), at, id(), line, document, stage, amount, replaces, by));
        } else {
            record(new ActualRecorded(EventId.random(), at, id(), line, document, amount, replaces, by));
        }
        if (overrun != null && level == ControlLevel.WARN) {
            record(new BudgetOverrunWarned(EventId.random(), at, id(), line, document, stage, amount, available, overrun));
        }
        raiseReachedShares(line, at);
        return balance(line);
    }

    private void appendReversal(LedgerEntry booked, String reason, UserId by, Instant at) {
        ledger.add(new LedgerEntry(ledger.size() + 1, LedgerEntryKind.COMMITMENT_REVERSED, booked.line(),
                booked.document(), booked.stage(), booked.amount(), by, at, reason));
        record(new CommitmentReversed(EventId.random(), at, id(), booked.line(), booked.document(), booked.stage(),
                booked.amount(), reason, by));
    }

    private void raiseReachedShares(BudgetLineId line, Instant at) {
        LineBalance balance = balance(line);
        if (!balance.used().isPositive()) {
            return;
        }
        for (BigDecimal share : targets.alertShares()) {
            ReachedShare reached = new ReachedShare(line, share);
            if (!reachedShares.contains(reached) && balance.used().compareTo(balance.issued().times(share)) >= 0) {
                reachedShares.add(reached);
                record(new BudgetShareReached(EventId.random(), at, id(), line, share, balance.used(), balance.issued()));
            }
        }
    }

    private Map<CommitmentId, LedgerEntry> open() {
        Map<CommitmentId, LedgerEntry> open = new LinkedHashMap<>();
        for (LedgerEntry entry : ledger) {
            if (entry.kind() == LedgerEntryKind.COMMITMENT_BOOKED) {
                open.put(entry.document(), entry);
            } else if (entry.kind() == LedgerEntryKind.COMMITMENT_REVERSED) {
                open.remove(entry.document());
            }
        }
        return open;
    }

    private LedgerEntry requireOpen(CommitmentId document) {
        LedgerEntry entry = open().get(document);
        if (entry == null) {
            throw new NotFoundException("budget " + id() + " has no open commitment " + document);
        }
        return entry;
    }

    private boolean documentUsed(CommitmentId document) {
        return ledger.stream().anyMatch(e -> e.document().equals(document) && e.kind() != LedgerEntryKind.COMMITMENT_REVERSED);
    }

    private BudgetLine requireLine(BudgetLineId line) {
        Require.nonNull(line, "line");
        BudgetLine planned = lines.get(line);
        if (planned == null) {
            throw new NotFoundException("budget " + id() + " has no line " + line);
        }
        return planned;
    }

    private void requireIssued(String what) {
        if (status != BudgetStatus.ISSUED) {
            throw new InvalidStateException("budget " + id() + " is " + status + "; " + what + " only while "
                    + BudgetStatus.ISSUED);
        }
    }

    private void checkTransition(BudgetStatus to, UserId by, String reason, Instant at) {
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        if (!status.next().contains(to)) {
            throw new IllegalBudgetTransitionException(id(), status, to);
        }
        Instant last = history.get(history.size() - 1).at();
        Require.that(!at.isBefore(last), "at", () -> "must not be before the last status change of budget " + id() + " at "
                + last + ", was " + at);
    }

    private void moveTo(BudgetStatus to, UserId by, String reason, Instant at) {
        checkTransition(to, by, reason, at);
        StatusChange change = new StatusChange(status, to, by, at, reason);
        status = to;
        history.add(change);
        record(changed(change));
    }

    private BudgetStatusChanged changed(StatusChange change) {
        return new BudgetStatusChanged(EventId.random(), change.at(), id(), targets.unit().id(), targets.fiscalYear(),
                change.from(), change.to(), change.by(), change.reason());
    }

    private static void corruptIf(boolean condition, String message) {
        if (condition) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptIf(boolean, String)} with the message built only when the check fails. */
    private static void corruptIf(boolean condition, Supplier<String> message) {
        if (condition) {
            throw new CorruptStateException(message.get());
        }
    }
}
