package dev.keyline.runtime.budget;

import dev.keyline.domain.budget.CapexAction;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.budget.CapexProjectRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * CAPEX projects run through the runtime: every command of {@link CapexProject} in one transaction,
 * at the runtime's clock, saved with the version check and announced by its {@code budget.capex-*}
 * events in the same transaction; the schedule sweep; the queries the CAPEX KPIs need.
 *
 * <p><b>Access.</b> A project is the local network's, so who acts is decided by the kernel's roles
 * alone ({@link CapexAction}), checked before the project is touched: the network centre's manager,
 * the key-account department's general manager and the general manager propose; the network centre's
 * manager and the general manager study, build, book and accept (the financial manager books too);
 * only the general manager approves
 * (立项), rejects, cancels and evaluates. A refused command throws
 * ({@link NotAuthorisedException}, {@link InvalidStateException}, …) and nothing is written.
 * Proposals raised by an investment request ({@link #propose(CapexRequestRef, CapexProjectId, CapexKind,
 * LocalNetworkId, CapexCapacity, String)}) and the overdue sweep act for no person.
 * Immutable and thread-safe.
 */
public final class CapexProjects {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final CapexProjectRepository projects;

    private CapexProjects(Keyline keyline) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.projects = keyline.storage().port(CapexProjectRepository.class);
    }

    /**
     * The service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the budget area's CAPEX projects
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store them
     */
    public static CapexProjects on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new CapexProjects(keyline);
    }

    /**
     * A person proposes a project; see {@link CapexProject#propose}. Raises
     * {@code budget.capex-project-proposed}.
     *
     * @param proposer who proposes; see {@link CapexAction#PROPOSE}
     * @param id the project's id
     * @param kind what it is built for
     * @param title a short title
     * @param network the local network that builds it
     * @param capacity the capacity it is to build
     * @param reason why it is needed
     * @return the proposed project
     * @throws NotAuthorisedException when the proposer may not propose projects
     * @throws AlreadyExistsException when the id is taken
     */
    public CapexProjectSnapshot propose(Actor proposer, CapexProjectId id, CapexKind kind, String title,
            LocalNetworkId network, List<CapexCapacity> capacity, String reason) {
        Require.nonNull(proposer, "proposer");
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Require.nonNull(title, "title");
        Require.nonNull(network, "network");
        Require.nonNull(capacity, "capacity");
        Require.nonNull(reason, "reason");
        CapexAction.PROPOSE.requireAllowed(proposer, id);
        return steps.create(projects, ctx -> CapexProject.propose(id, kind, title, network, capacity, proposer, reason,
                ctx.now()), CapexProject::snapshot);
    }

    /**
     * An investment request becomes a proposed project, once: a shortfall raised by the resources area
     * (EMERGENCY when an order waits, ROLLING otherwise) or a key-account solution. When a project was
     * already proposed for the request, returns it unchanged and raises nothing, so a request delivered
     * twice proposes one project. Otherwise raises {@code budget.capex-project-proposed} naming the
     * request.
     *
     * @param request the request's id
     * @param id the id of the project to propose when none answers the request yet
     * @param kind what it is built for
     * @param network the local network that builds it
     * @param units the units the request asks for, in their pool
     * @param reason the request's reason
     * @return the project that answers the request
     * @throws AlreadyExistsException when the id is taken by a project of another request
     */
    public CapexProjectSnapshot propose(CapexRequestRef request, CapexProjectId id, CapexKind kind,
            LocalNetworkId network, CapexCapacity units, String reason) {
        Require.nonNull(request, "request");
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Require.nonNull(network, "network");
        Require.nonNull(units, "units");
        Require.nonNull(reason, "reason");
        return keyline.execute(ctx -> proposeFor(projects, ctx, request, id, kind, network, units, reason));
    }

    /** The request's proposal inside a running command: shared by the service and the investment reaction. */
    static CapexProjectSnapshot proposeFor(CapexProjectRepository projects, CommandContext ctx, CapexRequestRef request,
            CapexProjectId id, CapexKind kind, LocalNetworkId network, CapexCapacity units, String reason) {
        Optional<CapexProject> existing = projects.findByRequest(request);
        if (existing.isPresent()) {
            return existing.get().snapshot();
        }
        CapexProject project = CapexProject.proposeFor(id, request, kind, kind + " construction for request "
                + request + ": " + units, network, List.of(units), reason, ctx.now());
        ctx.save(projects, project);
        return project.snapshot();
    }

    /**
     * Starts the feasibility study; raises {@code budget.capex-project-advanced}.
     *
     * @param actor who starts it; see {@link CapexAction#STUDY}
     * @param id the project
     * @param reason why
     * @return the project after the step
     * @throws NotAuthorisedException when the actor may not
     * @throws InvalidStateException when the project is not proposed
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot startFeasibility(Actor actor, CapexProjectId id, String reason) {
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.STUDY, (p, ctx) -> p.startFeasibility(actor, reason, ctx.now()));
    }

    /**
     * Approves a project (立项) against a budget line; raises {@code budget.capex-project-approved}.
     *
     * @param actor who approves; see {@link CapexAction#APPROVE}
     * @param id the project
     * @param line the budget line it is paid from
     * @param amount the planned amount
     * @param schedule the planned dates
     * @param reason why
     * @return the approved project
     * @throws NotAuthorisedException when the actor may not approve
     * @throws InvalidStateException when the project is not in its feasibility study
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot approve(Actor actor, CapexProjectId id, CapexBudgetLine line, Money amount,
            CapexSchedule schedule, String reason) {
        Require.nonNull(line, "line");
        Require.nonNull(amount, "amount");
        Require.nonNull(schedule, "schedule");
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.APPROVE,
                (p, ctx) -> p.approve(actor, line, amount, schedule, reason, ctx.now()));
    }

    /**
     * Starts construction; raises {@code budget.capex-project-advanced}.
     *
     * @param actor who starts it; see {@link CapexAction#BUILD}
     * @param id the project
     * @param reason why
     * @return the project after the step
     * @throws NotAuthorisedException when the actor may not
     * @throws InvalidStateException when the project is not approved
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot startConstruction(Actor actor, CapexProjectId id, String reason) {
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.BUILD, (p, ctx) -> p.startConstruction(actor, reason, ctx.now()));
    }

    /**
     * Books a commitment on the project's own record; raises {@code budget.capex-amount-booked}.
     * Booking it on the budget line too is {@link CapexCommitments}' work (see docs/budgets.md).
     *
     * @param actor who books; see {@link CapexAction#BOOK}
     * @param id the project
     * @param document the confirmed document's id
     * @param amount the amount
     * @return the project after the booking
     * @throws NotAuthorisedException when the actor may not book
     * @throws InvalidStateException unless the project is approved or in construction
     * @throws LimitExceededException when the project's bookings would exceed its planned amount
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot bookCommitment(Actor actor, CapexProjectId id, String document, Money amount) {
        Require.nonNull(document, "document");
        Require.nonNull(amount, "amount");
        return step(actor, id, CapexAction.BOOK, (p, ctx) -> p.bookCommitment(actor, document, amount, ctx.now()));
    }

    /**
     * Reverses a document's commitment; raises {@code budget.capex-amount-booked}.
     *
     * @param actor who books; see {@link CapexAction#BOOK}
     * @param id the project
     * @param document the document whose commitment is reversed
     * @param amount the amount, at most the document's open commitment
     * @return the project after the booking
     * @throws NotAuthorisedException when the actor may not book
     * @throws InvalidStateException unless the project is approved, in construction or accepted
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot releaseCommitment(Actor actor, CapexProjectId id, String document, Money amount) {
        Require.nonNull(document, "document");
        Require.nonNull(amount, "amount");
        return step(actor, id, CapexAction.BOOK, (p, ctx) -> p.releaseCommitment(actor, document, amount, ctx.now()));
    }

    /**
     * Books an actual cost; raises {@code budget.capex-amount-booked}.
     *
     * @param actor who books; see {@link CapexAction#BOOK}
     * @param id the project
     * @param document the invoice's id
     * @param amount the amount
     * @return the project after the booking
     * @throws NotAuthorisedException when the actor may not book
     * @throws InvalidStateException unless the project is in construction or accepted
     * @throws LimitExceededException when the project's bookings would exceed its planned amount
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot bookActual(Actor actor, CapexProjectId id, String document, Money amount) {
        Require.nonNull(document, "document");
        Require.nonNull(amount, "amount");
        return step(actor, id, CapexAction.BOOK, (p, ctx) -> p.bookActual(actor, document, amount, ctx.now()));
    }

    /**
     * Accepts a completed project (竣工验收); raises {@code budget.capex-project-accepted}, which
     * carries the capacity built to the resource pools.
     *
     * @param actor who accepts; see {@link CapexAction#ACCEPT}
     * @param id the project
     * @param built the capacity built, per pool
     * @param firstTimeRight whether it passed at the first inspection
     * @param linesAdded the lines it added to service
     * @param reason the acceptance record
     * @return the accepted project
     * @throws NotAuthorisedException when the actor may not accept
     * @throws InvalidStateException when the project is not in construction
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot accept(Actor actor, CapexProjectId id, List<CapexCapacity> built, boolean firstTimeRight,
            long linesAdded, String reason) {
        Require.nonNull(built, "built");
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.ACCEPT,
                (p, ctx) -> p.accept(actor, built, firstTimeRight, linesAdded, reason, ctx.now()));
    }

    /**
     * Records the post-evaluation (后评价); raises {@code budget.capex-project-advanced}.
     *
     * @param actor who evaluates; see {@link CapexAction#EVALUATE}
     * @param id the project
     * @param reason the conclusion
     * @return the evaluated project
     * @throws NotAuthorisedException when the actor may not evaluate
     * @throws InvalidStateException when the project is not accepted
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot evaluate(Actor actor, CapexProjectId id, String reason) {
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.EVALUATE, (p, ctx) -> p.evaluate(actor, reason, ctx.now()));
    }

    /**
     * Rejects a proposal or a project in its feasibility study; raises
     * {@code budget.capex-project-advanced}.
     *
     * @param actor who rejects; see {@link CapexAction#REJECT}
     * @param id the project
     * @param reason why
     * @return the rejected project
     * @throws NotAuthorisedException when the actor may not reject
     * @throws InvalidStateException when the project is past its feasibility study
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot reject(Actor actor, CapexProjectId id, String reason) {
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.REJECT, (p, ctx) -> p.reject(actor, reason, ctx.now()));
    }

    /**
     * Cancels a project before acceptance; raises {@code budget.capex-project-advanced}.
     *
     * @param actor who cancels; see {@link CapexAction#CANCEL}
     * @param id the project
     * @param reason why
     * @return the cancelled project
     * @throws NotAuthorisedException when the actor may not cancel
     * @throws InvalidStateException when it is accepted or final, or holds open commitments
     * @throws NotFoundException when there is no such project
     */
    public CapexProjectSnapshot cancel(Actor actor, CapexProjectId id, String reason) {
        Require.nonNull(reason, "reason");
        return step(actor, id, CapexAction.CANCEL, (p, ctx) -> p.cancel(actor, reason, ctx.now()));
    }

    /**
     * The schedule sweep, at the runtime's clock: every project overdue now and not yet flagged for the
     * milestone it missed raises {@code budget.capex-project-overdue}, once; all in one transaction.
     * Run it as often as the host likes (for example daily).
     *
     * @return the projects newly flagged, in the order they were due
     */
    public List<CapexProjectId> flagOverdue() {
        return keyline.execute(ctx -> {
            List<CapexProject> overdue;
            try (Stream<CapexProject> found = projects.overdueAt(ctx.now())) {
                overdue = found.toList();
            }
            List<CapexProjectId> flagged = new ArrayList<>();
            for (CapexProject project : overdue) {
                if (project.flagOverdue(ctx.now()).isPresent()) {
                    ctx.save(projects, project);
                    flagged.add(project.id());
                }
            }
            return flagged;
        });
    }

    /**
     * The stored state of a project.
     *
     * @param id the project
     * @return its snapshot, or empty when there is none
     */
    public Optional<CapexProjectSnapshot> find(CapexProjectId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> projects.find(id).map(CapexProject::snapshot));
    }

    /**
     * The projects in one stage.
     *
     * @param stage the stage
     * @return their snapshots, ordered by proposal time, then id
     */
    public List<CapexProjectSnapshot> inStage(CapexStage stage) {
        Require.nonNull(stage, "stage");
        return steps.query(() -> projects.byStage(stage).stream().map(CapexProject::snapshot).toList());
    }

    /**
     * The projects overdue at an instant.
     *
     * @param at the instant
     * @return their snapshots, ordered by the date they were due, then id
     */
    public List<CapexProjectSnapshot> overdueAt(Instant at) {
        Require.nonNull(at, "at");
        return steps.query(() -> {
            try (Stream<CapexProject> found = projects.overdueAt(at)) {
                return found.map(CapexProject::snapshot).toList();
            }
        });
    }

    /**
     * The acceptances of a period in the runtime's zone, for the acceptance-compliance KPI.
     *
     * @param period the period
     * @return how many projects were accepted, how many first-time-right, and the lines they added
     */
    public CapexAcceptances acceptedIn(Period period) {
        Require.nonNull(period, "period");
        Instant from = period.startAt(keyline.zone());
        Instant to = period.endAt(keyline.zone());
        return steps.query(() -> {
            List<CapexProject> accepted = projects.acceptedBetween(from, to);
            long firstTimeRight = accepted.stream().filter(p -> p.firstTimeRight().orElseThrow()).count();
            return new CapexAcceptances(period, accepted.size(), firstTimeRight, projects.linesAddedBetween(from, to));
        });
    }

    private CapexProjectSnapshot step(Actor actor, CapexProjectId id, CapexAction action,
            BiConsumer<CapexProject, CommandContext> command) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        return steps.change(projects, id, (project, ctx) -> action.requireAllowed(actor, project.id()), command,
                CapexProject::snapshot);
    }
}
