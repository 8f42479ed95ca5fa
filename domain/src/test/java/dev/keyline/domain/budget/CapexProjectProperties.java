package dev.keyline.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random lifecycle and booking sequences on {@link CapexProject}, compared step by step with a model
 * of the rules written here on its own: only legal steps by allowed roles change the project, every
 * refused command leaves the snapshot and the pending events as they were, the history always
 * explains the stage, the bookings never exceed the planned amount, and every state restores to an
 * equal snapshot.
 */
class CapexProjectProperties {

    static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");
    static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    static final List<Actor> ACTORS = List.of(
            Actor.withRoles(new UserId("ncm"), Role.NETWORK_CENTRE_MANAGER),
            Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER),
            Actor.withRoles(new UserId("am"), Role.ACCOUNT_MANAGER),
            Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER));

    /** The operations a command may be; the model below decides which the rules allow. */
    enum Op { STUDY, APPROVE, BUILD, COMMIT, RELEASE, ACTUAL, ACCEPT, EVALUATE, REJECT, CANCEL, FLAG_OVERDUE }

    /**
     * One random command.
     *
     * @param op what
     * @param who index into {@link #ACTORS}
     * @param days days after the project's last step or booking; -1 means an hour before it
     * @param cents an amount in cents (also picks the document)
     */
    record Command(Op op, int who, int days, int cents) {
    }

    /**
     * Commands weighted so that sequences often walk the whole main line: the main-line steps and
     * bookings are frequent, rejections and cancellations rare, and most commands come from the two
     * roles that may act at all.
     */
    static Gen<Command> commands() {
        return integers().between(0, 99).zip(integers().between(0, 9), integers().between(-1, 6),
                integers().between(1, 60_000_00), (op, who, days, cents) -> new Command(weightedOp(op),
                        who < 4 ? 0 : who < 8 ? 1 : who - 6, days, cents));
    }

    private static Op weightedOp(int roll) {
        if (roll < 3) {
            return Op.REJECT;
        }
        if (roll < 6) {
            return Op.CANCEL;
        }
        List<Op> common = List.of(Op.STUDY, Op.APPROVE, Op.BUILD, Op.COMMIT, Op.RELEASE, Op.ACTUAL, Op.ACCEPT,
                Op.EVALUATE, Op.FLAG_OVERDUE);
        return common.get((roll - 6) % common.size());
    }

    static Gen<CapexProject> proposals() {
        return booleans().all().zip(integers().between(0, CapexKind.values().length - 1), (fromRequest, kind) -> {
            List<CapexCapacity> capacity = List.of(new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48));
            return fromRequest
                    ? CapexProject.proposeFor(new CapexProjectId("CP-1"), new CapexRequestRef("REQ-1"),
                            CapexKind.values()[kind], "fibre ring", SUZHOU, capacity, "pool short by 48", T0)
                    : CapexProject.propose(new CapexProjectId("CP-1"), CapexKind.values()[kind], "fibre ring", SUZHOU,
                            capacity, ACTORS.get(0), "forecast demand", T0);
        });
    }

    static Gen<List<Command>> sequences() {
        return lists().of(commands()).ofSizeBetween(0, 60);
    }

    @Test
    void onlyLegalStepsChangeTheProjectAndEveryRefusalLeavesItAsItWas() {
        Map<Op, int[]> outcomes = new TreeMap<>();
        qt().withExamples(600).forAll(proposals(), sequences()).checkAssert((project, commands) -> {
            Model model = new Model();
            checkInvariants(project, model);
            for (Command command : commands) {
                CapexProjectSnapshot before = project.snapshot();
                int eventsBefore = project.pendingEvents().size();
                Instant at = command.days() < 0 ? model.last.minus(Duration.ofHours(1))
                        : model.last.plus(Duration.ofDays(command.days()));
                boolean expected = model.allows(command, at);
                boolean accepted;
                try {
                    apply(project, command, at);
                    accepted = true;
                } catch (KeylineException refused) {
                    accepted = false;
                }
                assertThat(accepted).as("accepted %s at %s in %s", command, at, before).isEqualTo(expected);
                outcomes.computeIfAbsent(command.op(), k -> new int[2])[accepted ? 0 : 1]++;
                List<DomainEvent> events = project.pendingEvents();
                if (!accepted) {
                    assertThat(project.snapshot()).isEqualTo(before);
                    assertThat(events).hasSize(eventsBefore);
                    continue;
                }
                int raised = model.apply(command, at) ? 1 : 0;
                assertThat(events).hasSize(eventsBefore + raised);
                if (raised == 1) {
                    DomainEvent event = events.get(events.size() - 1);
                    assertThat(event.aggregateId()).isEqualTo("CP-1");
                    assertThat(event.occurredAt()).isEqualTo(at);
                    assertThat(event.type()).startsWith("budget.capex-");
                } else {
                    assertThat(project.snapshot()).isEqualTo(before);
                }
                checkInvariants(project, model);
            }
        });
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Op.values());
        outcomes.forEach((op, counts) -> {
            assertThat(counts[0]).as("%s accepted", op).isPositive();
            assertThat(counts[1]).as("%s refused", op).isPositive();
        });
    }

    @Test
    void everyReachableStateRestoresToAnEqualSnapshotAndCorruptionsAreRefused() {
        qt().withExamples(400).forAll(proposals(), sequences(), integers().between(0, CORRUPTIONS.size() - 1))
                .checkAssert((project, commands, which) -> {
                    Model model = new Model();
                    for (Command command : commands) {
                        Instant at = model.last.plus(Duration.ofDays(Math.max(0, command.days())));
                        if (model.allows(command, at)) {
                            apply(project, command, at);
                            model.apply(command, at);
                        }
                    }
                    CapexProjectSnapshot snapshot = project.snapshot();
                    CapexProject restored = CapexProject.restore(snapshot);
                    assertThat(restored.snapshot()).isEqualTo(snapshot);
                    assertThat(restored.pendingEvents()).isEmpty();
                    CapexProjectSnapshot corrupted = CORRUPTIONS.get(which).apply(snapshot);
                    if (corrupted != null) {
                        assertThatThrownBy(() -> CapexProject.restore(corrupted)).as("corruption %d of %s", which, snapshot)
                                .isInstanceOf(CorruptStateException.class);
                    }
                });
    }

    /** Corruptions of a valid snapshot; null where one does not apply to it. */
    private static final List<UnaryOperator<CapexProjectSnapshot>> CORRUPTIONS = List.of(
            s -> copy(s, otherStage(s.stage()), s.history(), s.bookings()),
            s -> copy(s, s.stage(), s.history().subList(1, s.history().size()), s.bookings()),
            s -> {
                List<CapexTransition> history = new ArrayList<>(s.history());
                CapexTransition last = history.get(history.size() - 1);
                history.add(new CapexTransition(last.to(), last.to(), new UserId("x"), last.at(), "again"));
                return copy(s, last.to(), history, s.bookings());
            },
            s -> {
                if (s.plannedAmount() == null) {
                    return null;
                }
                List<CapexBooking> bookings = new ArrayList<>(s.bookings());
                Instant at = s.history().get(s.history().size() - 1).at();
                if (!bookings.isEmpty() && bookings.get(bookings.size() - 1).at().isAfter(at)) {
                    at = bookings.get(bookings.size() - 1).at();
                }
                bookings.add(new CapexBooking(CapexBookingKind.COMMITMENT_RELEASE, "NEVER-COMMITTED",
                        Money.cny("0.01"), new UserId("x"), at));
                return copy(s, s.stage(), s.history(), bookings);
            },
            s -> s.stage() == CapexStage.PROPOSED ? null : new CapexProjectSnapshot(s.id(), s.version(), s.kind(),
                    s.title(), s.network(), s.request(), s.plannedCapacity(), s.stage(), s.history(),
                    s.budgetLine() == null ? new CapexBudgetLine(new BudgetId("B"), new BudgetLineId("L")) : null, s.plannedAmount(), s.schedule(),
                    s.bookings(), s.firstTimeRight(), s.linesAdded(), s.builtCapacity(), s.overdue()));

    private static CapexStage otherStage(CapexStage stage) {
        return stage == CapexStage.PROPOSED ? CapexStage.FEASIBILITY : CapexStage.PROPOSED;
    }

    private static CapexProjectSnapshot copy(CapexProjectSnapshot s, CapexStage stage, List<CapexTransition> history,
            List<CapexBooking> bookings) {
        return new CapexProjectSnapshot(s.id(), s.version(), s.kind(), s.title(), s.network(), s.request(),
                s.plannedCapacity(), stage, history, s.budgetLine(), s.plannedAmount(), s.schedule(), bookings,
                s.firstTimeRight(), s.linesAdded(), s.builtCapacity(), s.overdue());
    }

    static void apply(CapexProject project, Command c, Instant at) {
        Actor actor = ACTORS.get(c.who());
        Money amount = Money.ofCents(c.cents(), Money.CNY);
        String document = "DOC-" + (c.cents() % 3);
        switch (c.op()) {
            case STUDY -> project.startFeasibility(actor, "study the route", at);
            case APPROVE -> project.approve(actor, new CapexBudgetLine(new BudgetId("BUD-SZ-2026"), new BudgetLineId("CAPEX-NET")),
                    Money.ofCents(Model.PLANNED_CENTS, Money.CNY),
                    new CapexSchedule(at.plus(Duration.ofDays(10)), at.plus(Duration.ofDays(30))), "company meeting", at);
            case BUILD -> project.startConstruction(actor, "contractor on site", at);
            case COMMIT -> project.bookCommitment(actor, document, amount, at);
            case RELEASE -> project.releaseCommitment(actor, document, amount, at);
            case ACTUAL -> project.bookActual(actor, document, amount, at);
            case ACCEPT -> project.accept(actor, List.of(new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48)),
                    c.cents() % 2 == 0, c.cents() % 50, "inspection passed", at);
            case EVALUATE -> project.evaluate(actor, "paid back in 4 years", at);
            case REJECT -> project.reject(actor, "not feasible", at);
            case CANCEL -> project.cancel(actor, "demand moved", at);
            case FLAG_OVERDUE -> project.flagOverdue(at);
        }
    }

    private static void checkInvariants(CapexProject project, Model model) {
        CapexProjectSnapshot s = project.snapshot();
        assertThat(s.stage()).isEqualTo(model.stage);
        List<CapexTransition> history = s.history();
        assertThat(history.get(0).from()).isNull();
        assertThat(history.get(0).to()).isEqualTo(CapexStage.PROPOSED);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).from()).isEqualTo(history.get(i - 1).to());
            assertThat(history.get(i).by()).isNotNull();
            assertThat(history.get(i).at()).isAfterOrEqualTo(history.get(i - 1).at());
        }
        assertThat(history.get(history.size() - 1).to()).isEqualTo(s.stage());
        assertThat(project.committed().amount().movePointRight(2).longValueExact()).isEqualTo(model.committed());
        assertThat(project.actual().amount().movePointRight(2).longValueExact()).isEqualTo(model.actual);
        assertThat(model.committed()).isNotNegative();
        assertThat(model.committed() + model.actual).isLessThanOrEqualTo(Model.PLANNED_CENTS);
        assertThat(project.budgetLine().isPresent()).isEqualTo(model.approvedAt != null);
        assertThat(project.firstTimeRight().isPresent())
                .isEqualTo(s.stage() == CapexStage.ACCEPTED || s.stage() == CapexStage.EVALUATED);
        assertThat(project.overdueMilestones()).isEqualTo(model.flagged);
        assertThat(CapexProject.restore(s).snapshot()).isEqualTo(s);
    }

    /** The rules, written again from the task's words, on plain values. */
    static final class Model {

        static final long PLANNED_CENTS = 100_000_00L;

        CapexStage stage = CapexStage.PROPOSED;
        Instant last = T0;
        Instant approvedAt;
        long actual;
        final Map<String, Long> open = new HashMap<>();
        final Set<CapexMilestone> flagged = EnumSet.noneOf(CapexMilestone.class);

        long committed() {
            return open.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean allows(Command c, Instant at) {
            if (at.isBefore(last)) {
                return false;
            }
            if (c.op() == Op.FLAG_OVERDUE) {
                return true;
            }
            Role role = ACTORS.get(c.who()).roles().iterator().next();
            boolean gm = role == Role.GENERAL_MANAGER;
            boolean builder = gm || role == Role.NETWORK_CENTRE_MANAGER;
            long amount = c.cents();
            String doc = "DOC-" + (c.cents() % 3);
            return switch (c.op()) {
                case STUDY -> builder && stage == CapexStage.PROPOSED;
                case APPROVE -> gm && stage == CapexStage.FEASIBILITY;
                case BUILD -> builder && stage == CapexStage.APPROVED;
                case COMMIT -> builder && (stage == CapexStage.APPROVED || stage == CapexStage.IN_CONSTRUCTION)
                        && committed() + actual + amount <= PLANNED_CENTS;
                case RELEASE -> builder && (stage == CapexStage.APPROVED || stage == CapexStage.IN_CONSTRUCTION
                        || stage == CapexStage.ACCEPTED) && amount <= open.getOrDefault(doc, 0L);
                case ACTUAL -> builder && (stage == CapexStage.IN_CONSTRUCTION || stage == CapexStage.ACCEPTED)
                        && committed() + actual + amount <= PLANNED_CENTS;
                case ACCEPT -> builder && stage == CapexStage.IN_CONSTRUCTION;
                case EVALUATE -> gm && stage == CapexStage.ACCEPTED;
                case REJECT -> gm && (stage == CapexStage.PROPOSED || stage == CapexStage.FEASIBILITY);
                case CANCEL -> gm && (stage == CapexStage.PROPOSED || stage == CapexStage.FEASIBILITY
                        || stage == CapexStage.APPROVED || stage == CapexStage.IN_CONSTRUCTION) && committed() == 0;
                case FLAG_OVERDUE -> true;
            };
        }

        /** Applies an allowed command; returns whether it raises an event. */
        boolean apply(Command c, Instant at) {
            String doc = "DOC-" + (c.cents() % 3);
            switch (c.op()) {
                case STUDY -> stage = CapexStage.FEASIBILITY;
                case APPROVE -> {
                    stage = CapexStage.APPROVED;
                    approvedAt = at;
                }
                case BUILD -> stage = CapexStage.IN_CONSTRUCTION;
                case COMMIT -> open.merge(doc, (long) c.cents(), Long::sum);
                case RELEASE -> open.merge(doc, (long) -c.cents(), Long::sum);
                case ACTUAL -> actual += c.cents();
                case ACCEPT -> stage = CapexStage.ACCEPTED;
                case EVALUATE -> stage = CapexStage.EVALUATED;
                case REJECT -> stage = CapexStage.REJECTED;
                case CANCEL -> stage = CapexStage.CANCELLED;
                case FLAG_OVERDUE -> {
                    CapexMilestone pending = stage == CapexStage.APPROVED ? CapexMilestone.CONSTRUCTION_START
                            : stage == CapexStage.IN_CONSTRUCTION ? CapexMilestone.ACCEPTANCE : null;
                    if (pending == null || flagged.contains(pending)) {
                        return false;
                    }
                    Instant due = pending == CapexMilestone.CONSTRUCTION_START ? approvedAt.plus(Duration.ofDays(10))
                            : approvedAt.plus(Duration.ofDays(30));
                    if (!at.isAfter(due)) {
                        return false;
                    }
                    flagged.add(pending);
                    return true;
                }
            }
            last = at;
            return true;
        }
    }
}
