package dev.keyline.domain.budget;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One construction project paid from CAPEX (the seed's construction plan, 建设计划): proposed, studied,
 * approved (立项) against a budget line, built, accepted (竣工验收) and evaluated.
 *
 * <p>The rules:
 * <ul>
 *   <li>Stages follow {@link CapexStage#next()}: proposed → feasibility → approved → in construction
 *       → accepted → evaluated; a proposal or a feasibility study may be rejected; a project may be
 *       cancelled until it is accepted, but not while it holds open commitments. Every step is a
 *       {@link CapexTransition} (who, when, why) kept in order; the history explains the stage.</li>
 *   <li>Who may take a step is {@link CapexAction}'s rule over the kernel's roles.</li>
 *   <li>Approval links the project to a {@link CapexBudgetLine} with a planned amount and a
 *       {@link CapexSchedule}. From then on it books commitments (approved or in construction),
 *       reverses them (until accepted) and books actual costs (in construction or accepted); the
 *       open commitments plus the actuals never exceed the planned amount
 *       ({@link LimitExceededException}), and a document's reversals never exceed its commitments.</li>
 *   <li>A project still approved after its planned start, or not accepted after its planned
 *       acceptance, is overdue; {@link #flagOverdue(Instant)} raises {@link CapexProjectOverdue} once
 *       per milestone.</li>
 *   <li>Acceptance records whether it was first-time-right, the lines the project added to service
 *       and the capacity it built, and raises {@link CapexProjectAccepted}, which carries that
 *       capacity to the resource pools.</li>
 *   <li>Times never go back: a step or booking is not before the last one.</li>
 * </ul>
 * Every command either succeeds or throws before changing anything.
 *
 * <p>Events: {@link CapexProjectProposed} ({@value CapexProjectProposed#TYPE}),
 * {@link CapexProjectAdvanced} ({@value CapexProjectAdvanced#TYPE}), {@link CapexProjectApproved}
 * ({@value CapexProjectApproved#TYPE}), {@link CapexAmountBooked} ({@value CapexAmountBooked#TYPE}),
 * {@link CapexProjectAccepted} ({@value CapexProjectAccepted#TYPE}) and {@link CapexProjectOverdue}
 * ({@value CapexProjectOverdue#TYPE}).
 */
public final class CapexProject extends AggregateRoot<CapexProjectId> {

    private final CapexKind kind;
    private final String title;
    private final LocalNetworkId network;
    private final CapexRequestRef request;
    private final List<CapexCapacity> plannedCapacity;
    private final List<CapexTransition> history = new ArrayList<>();
    private final List<CapexBooking> bookings = new ArrayList<>();
    private final Set<CapexMilestone> overdue = EnumSet.noneOf(CapexMilestone.class);
    private CapexStage stage;
    private CapexBudgetLine budgetLine;
    private Money plannedAmount;
    private CapexSchedule schedule;
    private Boolean firstTimeRight;
    private long linesAdded;
    private List<CapexCapacity> builtCapacity = List.of();

    private CapexProject(CapexProjectId id, long version, CapexKind kind, String title, LocalNetworkId network,
            CapexRequestRef request, List<CapexCapacity> plannedCapacity, CapexStage stage) {
        super(id, version);
        this.kind = kind;
        this.title = title;
        this.network = network;
        this.request = request;
        this.plannedCapacity = List.copyOf(plannedCapacity);
        this.stage = stage;
    }

    /**
     * A person proposes a project; records {@link CapexProjectProposed}.
     *
     * @param id the project's id
     * @param kind what it is built for
     * @param title a short title
     * @param network the local network that builds it
     * @param capacity the capacity it is to build (may be empty)
     * @param proposer who proposes it; see {@link CapexAction#PROPOSE}
     * @param reason why it is needed
     * @param at when
     * @return the proposed project (version 0, never saved)
     * @throws InvalidArgumentException naming the argument that is null, blank or too long
     * @throws NotAuthorisedException when the proposer may not propose projects
     */
    public static CapexProject propose(CapexProjectId id, CapexKind kind, String title, LocalNetworkId network,
            List<CapexCapacity> capacity, Actor proposer, String reason, Instant at) {
        Require.nonNull(proposer, "proposer");
        CapexProject project = proposed(id, kind, title, network, null, capacity, reason, at);
        CapexAction.PROPOSE.requireAllowed(proposer, id);
        project.open(proposer.user(), reason, at);
        return project;
    }

    /**
     * An investment request becomes a proposed project, with nobody acting: a shortfall raised by the
     * resources area (EMERGENCY when an order waits, ROLLING otherwise) or a key-account solution.
     * Records {@link CapexProjectProposed} naming the request.
     *
     * @param id the project's id
     * @param request the request's id; a storage keeps at most one project per request
     * @param kind what it is built for
     * @param title a short title
     * @param network the local network that builds it
     * @param capacity the units the request asks for, per pool
     * @param reason the request's reason
     * @param at when
     * @return the proposed project (version 0, never saved)
     * @throws InvalidArgumentException naming the argument that is null, blank or too long
     */
    public static CapexProject proposeFor(CapexProjectId id, CapexRequestRef request, CapexKind kind, String title,
            LocalNetworkId network, List<CapexCapacity> capacity, String reason, Instant at) {
        Require.nonNull(request, "request");
        CapexProject project = proposed(id, kind, title, network, request, capacity, reason, at);
        project.open(null, reason, at);
        return project;
    }

    private static CapexProject proposed(CapexProjectId id, CapexKind kind, String title, LocalNetworkId network,
            CapexRequestRef request, List<CapexCapacity> capacity, String reason, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Limits.text(title, "title", Limits.NAME_LENGTH);
        Require.nonNull(network, "network");
        List<CapexCapacity> planned = Require.nonNullElements(capacity, "capacity");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        return new CapexProject(id, 0, kind, title, network, request, planned, CapexStage.PROPOSED);
    }

    private void open(UserId by, String reason, Instant at) {
        history.add(new CapexTransition(null, CapexStage.PROPOSED, by, at, reason));
        record(new CapexProjectProposed(EventId.random(), at, id(), network, kind, title, request, plannedCapacity, by,
                reason));
    }

    /**
     * Starts the feasibility study (可行性研究); records {@link CapexProjectAdvanced}.
     *
     * @param actor who starts it; see {@link CapexAction#STUDY}
     * @param reason why
     * @param at when; not before the last step or booking
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank or out of time order
     * @throws NotAuthorisedException when the actor may not
     * @throws InvalidStateException when the project is not proposed
     */
    public CapexTransition startFeasibility(Actor actor, String reason, Instant at) {
        return advance(actor, CapexAction.STUDY, CapexStage.FEASIBILITY, reason, at);
    }

    /**
     * Approves the project (立项) after its feasibility study: links it to a budget line with a planned
     * amount and a schedule. Records {@link CapexProjectApproved}.
     *
     * @param actor who approves; see {@link CapexAction#APPROVE}
     * @param line the budget line it is paid from
     * @param amount the planned amount; above zero
     * @param plannedDates the planned start and acceptance
     * @param reason why
     * @param at when; not before the last step
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank, not above zero or out
     *     of time order
     * @throws NotAuthorisedException when the actor may not approve
     * @throws InvalidStateException when the project is not in its feasibility study
     */
    public CapexTransition approve(Actor actor, CapexBudgetLine line, Money amount, CapexSchedule plannedDates,
            String reason, Instant at) {
        Require.nonNull(line, "line");
        Limits.money(amount, "amount");
        Require.that(amount.isPositive(), "amount", () -> "must be above zero, was " + amount);
        Require.nonNull(plannedDates, "plannedDates");
        CapexTransition step = check(actor, CapexAction.APPROVE, CapexStage.APPROVED, reason, at);
        history.add(step);
        stage = CapexStage.APPROVED;
        budgetLine = line;
        plannedAmount = amount;
        schedule = plannedDates;
        record(new CapexProjectApproved(EventId.random(), at, id(), network, kind, line, amount, plannedDates,
                actor.user(), reason));
        return step;
    }

    /**
     * Starts construction; records {@link CapexProjectAdvanced}.
     *
     * @param actor who starts it; see {@link CapexAction#BUILD}
     * @param reason why
     * @param at when; not before the last step or booking
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank or out of time order
     * @throws NotAuthorisedException when the actor may not
     * @throws InvalidStateException when the project is not approved
     */
    public CapexTransition startConstruction(Actor actor, String reason, Instant at) {
        return advance(actor, CapexAction.BUILD, CapexStage.IN_CONSTRUCTION, reason, at);
    }

    /**
     * Books a commitment when a document (a request or an order) is confirmed; records
     * {@link CapexAmountBooked}.
     *
     * @param actor who books; see {@link CapexAction#BOOK}
     * @param document the document's id
     * @param amount the amount; above zero, in the planned amount's currency
     * @param at when; not before the last step or booking
     * @return the booking
     * @throws InvalidArgumentException naming the argument that is null, invalid, in another currency
     *     or out of time order
     * @throws NotAuthorisedException when the actor may not book
     * @throws InvalidStateException unless the project is approved or in construction
     * @throws LimitExceededException when open commitments plus actuals would exceed the planned amount
     */
    public CapexBooking bookCommitment(Actor actor, String document, Money amount, Instant at) {
        CapexBooking booking = booking(actor, CapexBookingKind.COMMITMENT, document, amount, at,
                EnumSet.of(CapexStage.APPROVED, CapexStage.IN_CONSTRUCTION));
        requireWithinPlan(amount);
        return admit(booking);
    }

    /**
     * Reverses (part of) a document's commitment, when the next document in the chain is confirmed;
     * records {@link CapexAmountBooked}.
     *
     * @param actor who books; see {@link CapexAction#BOOK}
     * @param document the document whose commitment is reversed
     * @param amount the amount; above zero and at most the document's open commitment
     * @param at when; not before the last step or booking
     * @return the booking
     * @throws InvalidArgumentException naming the argument that is null, invalid, in another currency,
     *     above the document's open commitment or out of time order
     * @throws NotAuthorisedException when the actor may not book
     * @throws InvalidStateException unless the project is approved, in construction or accepted
     */
    public CapexBooking releaseCommitment(Actor actor, String document, Money amount, Instant at) {
        CapexBooking booking = booking(actor, CapexBookingKind.COMMITMENT_RELEASE, document, amount, at,
                EnumSet.of(CapexStage.APPROVED, CapexStage.IN_CONSTRUCTION, CapexStage.ACCEPTED));
        Money open = openCommitmentOf(document);
        Require.that(!amount.isGreaterThan(open), "amount", () -> "must be at most the open commitment " + open
                + " of document " + document + " on " + describe() + ", was " + amount);
        return admit(booking);
    }

    /**
     * Books an actual cost (an invoice); records {@link CapexAmountBooked}.
     *
     * @param actor who books; see {@link CapexAction#BOOK}
     * @param document the invoice's id
     * @param amount the amount; above zero, in the planned amount's currency
     * @param at when; not before the last step or booking
     * @return the booking
     * @throws InvalidArgumentException naming the argument that is null, invalid, in another currency
     *     or out of time order
     * @throws NotAuthorisedException when the actor may not book
     * @throws InvalidStateException unless the project is in construction or accepted
     * @throws LimitExceededException when open commitments plus actuals would exceed the planned amount
     */
    public CapexBooking bookActual(Actor actor, String document, Money amount, Instant at) {
        CapexBooking booking = booking(actor, CapexBookingKind.ACTUAL, document, amount, at,
                EnumSet.of(CapexStage.IN_CONSTRUCTION, CapexStage.ACCEPTED));
        requireWithinPlan(amount);
        return admit(booking);
    }

    /**
     * Accepts the completed project (竣工验收); records {@link CapexProjectAccepted} with the capacity
     * built, which the resources area adds to its pools.
     *
     * @param actor who accepts; see {@link CapexAction#ACCEPT}
     * @param built the capacity built, per pool (may differ from the plan; may be empty)
     * @param firstTime whether it passed at the first inspection
     * @param lines how many lines it added to service; not negative
     * @param reason the acceptance record
     * @param at when; not before the last step or booking
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank, negative or out of time
     *     order
     * @throws NotAuthorisedException when the actor may not accept
     * @throws InvalidStateException when the project is not in construction
     */
    public CapexTransition accept(Actor actor, List<CapexCapacity> built, boolean firstTime, long lines,
            String reason, Instant at) {
        List<CapexCapacity> capacity = Require.nonNullElements(built, "built");
        Require.nonNegative(lines, "lines");
        CapexTransition step = check(actor, CapexAction.ACCEPT, CapexStage.ACCEPTED, reason, at);
        history.add(step);
        stage = CapexStage.ACCEPTED;
        builtCapacity = capacity;
        firstTimeRight = firstTime;
        linesAdded = lines;
        record(new CapexProjectAccepted(EventId.random(), at, id(), network, kind, budgetLine, capacity, firstTime,
                lines, actual(), actor.user(), reason));
        return step;
    }

    /**
     * Records the post-evaluation (后评价) of an accepted project; records {@link CapexProjectAdvanced}.
     *
     * @param actor who evaluates; see {@link CapexAction#EVALUATE}
     * @param reason the evaluation's conclusion
     * @param at when; not before the last step or booking
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank or out of time order
     * @throws NotAuthorisedException when the actor may not evaluate
     * @throws InvalidStateException when the project is not accepted
     */
    public CapexTransition evaluate(Actor actor, String reason, Instant at) {
        return advance(actor, CapexAction.EVALUATE, CapexStage.EVALUATED, reason, at);
    }

    /**
     * Rejects a proposal or a project in its feasibility study; records {@link CapexProjectAdvanced}.
     *
     * @param actor who rejects; see {@link CapexAction#REJECT}
     * @param reason why
     * @param at when; not before the last step
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank or out of time order
     * @throws NotAuthorisedException when the actor may not reject
     * @throws InvalidStateException when the project is neither proposed nor in its feasibility study
     */
    public CapexTransition reject(Actor actor, String reason, Instant at) {
        return advance(actor, CapexAction.REJECT, CapexStage.REJECTED, reason, at);
    }

    /**
     * Cancels a project before acceptance; records {@link CapexProjectAdvanced}. Its open commitments
     * must be reversed first.
     *
     * @param actor who cancels; see {@link CapexAction#CANCEL}
     * @param reason why
     * @param at when; not before the last step or booking
     * @return the step
     * @throws InvalidArgumentException naming the argument that is null, blank or out of time order
     * @throws NotAuthorisedException when the actor may not cancel
     * @throws InvalidStateException when the project is accepted or final, or holds open commitments
     */
    public CapexTransition cancel(Actor actor, String reason, Instant at) {
        Require.nonNull(actor, "actor");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        CapexAction.CANCEL.requireAllowed(actor, id());
        if (stage.next().contains(CapexStage.CANCELLED) && committed().isPositive()) {
            throw new InvalidStateException(describe() + " still holds open commitments of " + committed()
                    + "; reverse them before cancelling it");
        }
        return advance(actor, CapexAction.CANCEL, CapexStage.CANCELLED, reason, at);
    }

    /**
     * The sweep's command: when the project is overdue at {@code at} against the milestone it is
     * short of and was not yet found overdue against it, records that and raises
     * {@link CapexProjectOverdue}; otherwise changes nothing.
     *
     * @param at the instant of the sweep; not before the last step or booking
     * @return the milestone newly found overdue, or empty when nothing changed
     * @throws InvalidArgumentException when {@code at} is null or before the last step or booking
     */
    public Optional<CapexMilestone> flagOverdue(Instant at) {
        Require.nonNull(at, "at");
        requireInTimeOrder(at);
        Optional<CapexMilestone> due = pendingMilestone().filter(m -> at.isAfter(schedule.dateOf(m)))
                .filter(m -> !overdue.contains(m));
        due.ifPresent(m -> {
            overdue.add(m);
            record(new CapexProjectOverdue(EventId.random(), at, id(), network, m, schedule.dateOf(m), stage));
        });
        return due;
    }

    /**
     * Whether the project is overdue at an instant: still approved after its planned start, or in
     * construction after its planned acceptance.
     *
     * @param at the instant
     * @return true when overdue
     * @throws InvalidArgumentException when {@code at} is null
     */
    public boolean isOverdueAt(Instant at) {
        Require.nonNull(at, "at");
        return dueAt().filter(at::isAfter).isPresent();
    }

    /**
     * The milestone the project is short of now: the construction start while approved, the
     * acceptance while in construction.
     *
     * @return the milestone, or empty in any other stage
     */
    public Optional<CapexMilestone> pendingMilestone() {
        return switch (stage) {
            case APPROVED -> Optional.of(CapexMilestone.CONSTRUCTION_START);
            case IN_CONSTRUCTION -> Optional.of(CapexMilestone.ACCEPTANCE);
            default -> Optional.empty();
        };
    }

    /**
     * The planned date of {@link #pendingMilestone()}; after it the project is overdue.
     *
     * @return the date, or empty when no milestone is pending
     */
    public Optional<Instant> dueAt() {
        return pendingMilestone().map(m -> schedule.dateOf(m));
    }

    /**
     * What it is built for.
     *
     * @return the kind
     */
    public CapexKind kind() {
        return kind;
    }

    /**
     * Its title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The local network that builds it.
     *
     * @return the network
     */
    public LocalNetworkId network() {
        return network;
    }

    /**
     * The investment request it answers.
     *
     * @return the request, or empty for a project proposed directly
     */
    public Optional<CapexRequestRef> request() {
        return Optional.ofNullable(request);
    }

    /**
     * The capacity it is to build.
     *
     * @return the planned capacity
     */
    public List<CapexCapacity> plannedCapacity() {
        return plannedCapacity;
    }

    /**
     * Where it stands.
     *
     * @return the stage
     */
    public CapexStage stage() {
        return stage;
    }

    /**
     * Every step, oldest first, starting with the proposal.
     *
     * @return the history
     */
    public List<CapexTransition> history() {
        return List.copyOf(history);
    }

    /**
     * The budget line it is paid from.
     *
     * @return the line, or empty before approval
     */
    public Optional<CapexBudgetLine> budgetLine() {
        return Optional.ofNullable(budgetLine);
    }

    /**
     * The approved amount.
     *
     * @return the amount, or empty before approval
     */
    public Optional<Money> plannedAmount() {
        return Optional.ofNullable(plannedAmount);
    }

    /**
     * The planned dates.
     *
     * @return the schedule, or empty before approval
     */
    public Optional<CapexSchedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /**
     * Every booking, oldest first.
     *
     * @return the bookings
     */
    public List<CapexBooking> bookings() {
        return List.copyOf(bookings);
    }

    /**
     * The open commitments: commitments booked less those reversed.
     *
     * @return the amount
     */
    public Money committed() {
        return total(CapexBookingKind.COMMITMENT).minus(total(CapexBookingKind.COMMITMENT_RELEASE));
    }

    /**
     * The actual cost booked.
     *
     * @return the amount
     */
    public Money actual() {
        return total(CapexBookingKind.ACTUAL);
    }

    /**
     * The open commitment of one document.
     *
     * @param document the document's id
     * @return its commitments less their reversals
     * @throws InvalidArgumentException when {@code document} is null
     */
    public Money openCommitmentOf(String document) {
        Require.nonNull(document, "document");
        Money open = Money.zero(currency());
        for (CapexBooking b : bookings) {
            if (b.document().equals(document)) {
                if (b.kind() == CapexBookingKind.COMMITMENT) {
                    open = open.plus(b.amount());
                } else if (b.kind() == CapexBookingKind.COMMITMENT_RELEASE) {
                    open = open.minus(b.amount());
                }
            }
        }
        return open;
    }

    /**
     * Whether acceptance was first-time-right.
     *
     * @return the answer, or empty before acceptance
     */
    public Optional<Boolean> firstTimeRight() {
        return Optional.ofNullable(firstTimeRight);
    }

    /**
     * The lines it added to service; 0 before acceptance.
     *
     * @return the count
     */
    public long linesAdded() {
        return linesAdded;
    }

    /**
     * The capacity it built; empty before acceptance.
     *
     * @return the capacity
     */
    public List<CapexCapacity> builtCapacity() {
        return builtCapacity;
    }

    /**
     * When it was accepted.
     *
     * @return the time, or empty before acceptance
     */
    public Optional<Instant> acceptedAt() {
        return history.stream().filter(t -> t.to() == CapexStage.ACCEPTED).map(CapexTransition::at).findFirst();
    }

    /**
     * The milestones it was found overdue against.
     *
     * @return the milestones
     */
    public Set<CapexMilestone> overdueMilestones() {
        return overdue.isEmpty() ? Set.of() : Set.copyOf(overdue);
    }

    /**
     * The stored form of this project.
     *
     * @return an immutable snapshot
     */
    public CapexProjectSnapshot snapshot() {
        return new CapexProjectSnapshot(id(), version(), kind, title, network, request, plannedCapacity, stage, history,
                budgetLine, plannedAmount, schedule, bookings, firstTimeRight, linesAdded, builtCapacity, overdue);
    }

    /**
     * Rebuilds a project from its stored form, checking it again: the history starts with the
     * proposal, every step is legal and in time order and leads to the stored stage; the budget line,
     * planned amount and schedule are there exactly when the project was approved; every booking was
     * allowed in its stage, in the planned currency, within the planned amount, never reversing more
     * than a document's commitment; acceptance's record is there exactly when it was accepted; a
     * cancelled project holds no open commitment; a milestone is flagged overdue only with a schedule.
     *
     * @param snapshot the stored form
     * @return the project
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming the project and what is wrong otherwise
     */
    public static CapexProject restore(CapexProjectSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        CapexProjectSnapshot s = snapshot;
        String name = "CAPEX project " + s.id();
        corruptIf(s.id() == null, "a CAPEX project without an id");
        corruptIf(s.kind() == null || s.network() == null || s.stage() == null || s.plannedCapacity() == null
                || s.history() == null || s.bookings() == null || s.builtCapacity() == null || s.overdue() == null,
                () -> name + " lacks a required part");
        corruptIf(s.plannedCapacity().contains(null) || s.history().contains(null) || s.bookings().contains(null)
                || s.builtCapacity().contains(null) || s.overdue().contains(null), () -> name + " holds a null entry");
        CapexProject project;
        try {
            Limits.text(s.title(), "title", Limits.NAME_LENGTH);
            project = new CapexProject(s.id(), s.version(), s.kind(), s.title(), s.network(), s.request(),
                    s.plannedCapacity(), s.stage());
        } catch (KeylineException e) {
            throw new CorruptStateException(name + " is invalid: " + e.getMessage(), e);
        }
        List<CapexTransition> steps = s.history();
        corruptIf(steps.isEmpty(), () -> name + " has no history");
        CapexTransition first = steps.get(0);
        corruptIf(first.from() != null || first.to() != CapexStage.PROPOSED, () -> name + " does not start with its proposal");
        corruptIf(s.request() == null && first.by() == null, () -> name + " was proposed by nobody and for no request");
        boolean approved = false;
        for (int i = 1; i < steps.size(); i++) {
            CapexTransition previous = steps.get(i - 1);
            CapexTransition step = steps.get(i);
            int number = i + 1;
            corruptIf(step.from() != previous.to() || !step.from().next().contains(step.to()),
                    () -> name + " step " + number + " from " + step.from() + " to " + step.to() + " is not legal after "
                            + previous.to());
            corruptIf(step.by() == null, () -> name + " step " + number + " names nobody");
            corruptIf(step.at().isBefore(previous.at()), () -> name + " step " + number + " is before the one before it");
            approved |= step.to() == CapexStage.APPROVED;
        }
        corruptIf(steps.get(steps.size() - 1).to() != s.stage(), () -> name + " is stored as " + s.stage()
                + " but its history leads to " + steps.get(steps.size() - 1).to());
        boolean hasPlan = s.budgetLine() != null && s.plannedAmount() != null && s.schedule() != null;
        boolean hasNoPlan = s.budgetLine() == null && s.plannedAmount() == null && s.schedule() == null;
        boolean wasApproved = approved;
        corruptIf(approved ? !hasPlan : !hasNoPlan, () -> name + (wasApproved
                ? " was approved but lacks its budget line, amount or schedule"
                : " was never approved but has a budget line, amount or schedule"));
        if (approved) {
            corruptIf(!s.plannedAmount().isPositive(), () -> name + " has a planned amount that is not above zero");
        }
        boolean accepted = s.stage() == CapexStage.ACCEPTED || s.stage() == CapexStage.EVALUATED;
        corruptIf(accepted != (s.firstTimeRight() != null), () -> name + (accepted ? " was accepted without its acceptance record"
                : " has an acceptance record but was never accepted"));
        corruptIf(s.linesAdded() < 0 || (!accepted && (s.linesAdded() != 0 || !s.builtCapacity().isEmpty())),
                () -> name + " has lines added or capacity built without acceptance");
        corruptIf(!s.overdue().isEmpty() && !approved, () -> name + " is flagged overdue without a schedule");
        project.history.addAll(steps);
        project.budgetLine = s.budgetLine();
        project.plannedAmount = s.plannedAmount();
        project.schedule = s.schedule();
        project.firstTimeRight = s.firstTimeRight();
        project.linesAdded = s.linesAdded();
        project.builtCapacity = List.copyOf(s.builtCapacity());
        project.overdue.addAll(s.overdue());
        project.replayBookings(s.bookings(), name);
        corruptIf(s.stage() == CapexStage.CANCELLED && project.committed().isPositive(),
                () -> name + " was cancelled while holding open commitments of " + project.committed());
        return project;
    }

    /** Checks each booking against the stage the project was in when it was booked, and admits it. */
    private void replayBookings(List<CapexBooking> stored, String name) {
        for (int i = 0; i < stored.size(); i++) {
            CapexBooking b = stored.get(i);
            Set<CapexStage> then = stagesAt(b.at());
            Set<CapexStage> allowed = switch (b.kind()) {
                case COMMITMENT -> EnumSet.of(CapexStage.APPROVED, CapexStage.IN_CONSTRUCTION);
                case COMMITMENT_RELEASE -> EnumSet.of(CapexStage.APPROVED, CapexStage.IN_CONSTRUCTION, CapexStage.ACCEPTED);
                case ACTUAL -> EnumSet.of(CapexStage.IN_CONSTRUCTION, CapexStage.ACCEPTED);
            };
            int number = i + 1;
            corruptIf(then.stream().noneMatch(allowed::contains), () -> name + " booking " + number + " (" + b.kind()
                    + ") was made while " + then);
            corruptIf(!b.amount().currency().equals(plannedAmount.currency()), () -> name + " booking " + number
                    + " is in another currency than the planned amount " + plannedAmount);
            corruptIf(!bookings.isEmpty() && b.at().isBefore(bookings.get(bookings.size() - 1).at()),
                    () -> name + " booking " + number + " is before the one before it");
            if (b.kind() == CapexBookingKind.COMMITMENT_RELEASE) {
                corruptIf(b.amount().isGreaterThan(openCommitmentOf(b.document())), () -> name + " booking " + number
                        + " reverses more than the open commitment of " + b.document());
            } else {
                corruptIf(committed().plus(actual()).plus(b.amount()).isGreaterThan(plannedAmount), () -> name + " booking "
                        + number + " exceeds the planned amount " + plannedAmount);
            }
            bookings.add(b);
        }
    }

    /**
     * The stages the project may have been in at an instant by its history: the one reached before
     * it, and every one reached at exactly that instant (steps and bookings at the same instant keep
     * no order between them).
     */
    private Set<CapexStage> stagesAt(Instant at) {
        Set<CapexStage> then = EnumSet.noneOf(CapexStage.class);
        CapexStage before = CapexStage.PROPOSED;
        for (CapexTransition t : history) {
            if (t.at().isBefore(at)) {
                before = t.to();
            } else if (t.at().equals(at)) {
                then.add(t.to());
            }
        }
        then.add(before);
        return then;
    }

    private CapexTransition advance(Actor actor, CapexAction action, CapexStage to, String reason, Instant at) {
        CapexTransition step = check(actor, action, to, reason, at);
        CapexStage from = stage;
        history.add(step);
        stage = to;
        record(new CapexProjectAdvanced(EventId.random(), at, id(), network, from, to, actor.user(), reason));
        return step;
    }

    /** Every check a step takes before it changes anything; returns the step it would record. */
    private CapexTransition check(Actor actor, CapexAction action, CapexStage to, String reason, Instant at) {
        Require.nonNull(actor, "actor");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        requireInTimeOrder(at);
        action.requireAllowed(actor, id());
        if (!stage.next().contains(to)) {
            throw new InvalidStateException(describe() + " is " + stage + "; it cannot move to " + to
                    + (stage.isFinal() ? "" : " (only to " + stage.next() + ")"));
        }
        return new CapexTransition(stage, to, actor.user(), at, reason);
    }

    private CapexBooking booking(Actor actor, CapexBookingKind bookingKind, String document, Money amount, Instant at,
            Set<CapexStage> allowed) {
        Require.nonNull(actor, "actor");
        Identifier.check(document, "document");
        Limits.money(amount, "amount");
        Require.that(amount.isPositive(), "amount", () -> "must be above zero, was " + amount);
        Require.nonNull(at, "at");
        requireInTimeOrder(at);
        CapexAction.BOOK.requireAllowed(actor, id());
        if (!allowed.contains(stage)) {
            throw new InvalidStateException(describe() + " is " + stage + "; " + bookingKind
                    + " may be booked only when it is " + allowed);
        }
        Require.that(amount.currency().equals(plannedAmount.currency()), "amount", () -> "must be in "
                + plannedAmount.currency() + ", the currency of the planned amount, was " + amount);
        return new CapexBooking(bookingKind, document, amount, actor.user(), at);
    }

    private void requireWithinPlan(Money amount) {
        Money after = committed().plus(actual()).plus(amount);
        if (after.isGreaterThan(plannedAmount)) {
            throw new LimitExceededException(describe() + ": booking " + amount + " would bring open commitments "
                    + committed() + " plus actuals " + actual() + " to " + after + ", above the planned amount "
                    + plannedAmount);
        }
    }

    private CapexBooking admit(CapexBooking booking) {
        bookings.add(booking);
        record(new CapexAmountBooked(EventId.random(), booking.at(), id(), network, budgetLine, booking, committed(),
                actual()));
        return booking;
    }

    private Money total(CapexBookingKind bookingKind) {
        Money sum = Money.zero(currency());
        for (CapexBooking b : bookings) {
            if (b.kind() == bookingKind) {
                sum = sum.plus(b.amount());
            }
        }
        return sum;
    }

    private Currency currency() {
        return plannedAmount == null ? Money.CNY : plannedAmount.currency();
    }

    private void requireInTimeOrder(Instant at) {
        Instant last = history.get(history.size() - 1).at();
        if (!bookings.isEmpty() && bookings.get(bookings.size() - 1).at().isAfter(last)) {
            last = bookings.get(bookings.size() - 1).at();
        }
        if (at.isBefore(last)) {
            throw new InvalidArgumentException("at", "must not be before the last step or booking of " + describe()
                    + " at " + last + ", was " + at);
        }
    }

    private String describe() {
        return "CAPEX project " + id() + " (" + kind + ", " + title + ")";
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
