package dev.keyline.examples.demo;

import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.budget.CapexProjects;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CAPEX part of the demo's budget chapter: one rolling-investment project (滚动投资) of Suzhou,
 * raised by a fibre pool's shortfall, from its proposal through the feasibility study, approval
 * (立项) on a budget line, construction, an order and its invoice, to acceptance (竣工验收), whose
 * event carries the capacity to the pool. Each step moves the demo's clock on and prints one line.
 */
public final class CapexStep {

    /** The project. */
    public static final CapexProjectId PROJECT = new CapexProjectId("CP-SZ-2026-001");
    /** The investment request it answers: the fibre pool's shortfall. */
    public static final CapexRequestRef REQUEST = new CapexRequestRef("IR-SZ-FIBRE-001");
    /** The capacity it builds. */
    public static final CapexCapacity FIBRE = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48);
    /** The amount approved. */
    public static final Money PLANNED = Money.cny("380000.00");

    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("qian.ncm"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("zhou.gm"), Role.GENERAL_MANAGER);

    private CapexStep() {
    }

    /**
     * Runs the project from proposal to acceptance on the runtime, moving the clock on between steps.
     *
     * @param keyline the demo's runtime; its storage must store CAPEX projects
     * @param clock the runtime's clock
     * @param line the budget line the project is paid from
     * @param print takes one line per step
     * @return the accepted project
     */
    public static CapexProjectSnapshot run(Keyline keyline, DemoClock clock, CapexBudgetLine line, Consumer<String> print) {
        Require.nonNull(keyline, "keyline");
        Require.nonNull(clock, "clock");
        Require.nonNull(line, "line");
        Require.nonNull(print, "print");
        CapexProjects projects = CapexProjects.on(keyline);
        CapexProjectSnapshot p = projects.propose(REQUEST, PROJECT, CapexKind.ROLLING, SUZHOU, FIBRE,
                "forecast demand of the industrial park exceeds the fibre pool by 48");
        print.accept(line(clock, p, "proposed for request " + REQUEST + ": " + FIBRE));
        clock.advance(Duration.ofDays(7));
        p = projects.startFeasibility(NETWORK_CENTRE, PROJECT, "route survey along the ring road");
        print.accept(line(clock, p, "feasibility study started by " + NETWORK_CENTRE.user()));
        clock.advance(Duration.ofDays(14));
        Instant now = clock.instant();
        p = projects.approve(GENERAL_MANAGER, PROJECT, line, PLANNED,
                new CapexSchedule(now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(90))), "company meeting");
        print.accept(line(clock, p, "approved by " + GENERAL_MANAGER.user() + " for " + PLANNED + " on line " + line));
        clock.advance(Duration.ofDays(7));
        p = projects.startConstruction(NETWORK_CENTRE, PROJECT, "contractor on site");
        print.accept(line(clock, p, "construction started"));
        p = projects.bookCommitment(NETWORK_CENTRE, PROJECT, "PO-SZ-7781", Money.cny("352000.00"));
        print.accept(line(clock, p, "order PO-SZ-7781 committed: committed " + committed(p) + ", actual " + actual(p)));
        clock.advance(Duration.ofDays(60));
        projects.releaseCommitment(NETWORK_CENTRE, PROJECT, "PO-SZ-7781", Money.cny("352000.00"));
        p = projects.bookActual(NETWORK_CENTRE, PROJECT, "INV-SZ-0932", Money.cny("349500.00"));
        print.accept(line(clock, p, "invoice INV-SZ-0932 replaces the order: committed " + committed(p) + ", actual "
                + actual(p)));
        clock.advance(Duration.ofDays(5));
        p = projects.accept(NETWORK_CENTRE, PROJECT, List.of(FIBRE), true, 36, "passed at the first inspection");
        print.accept(line(clock, p, "accepted first time right, 36 lines added; " + FIBRE + " reaches the pool"));
        return p;
    }

    private static String line(DemoClock clock, CapexProjectSnapshot p, String what) {
        return clock.instant() + "  " + p.id() + "  " + p.stage() + "  " + what;
    }

    private static Money committed(CapexProjectSnapshot p) {
        return dev.keyline.domain.budget.CapexProject.restore(p).committed();
    }

    private static Money actual(CapexProjectSnapshot p) {
        return dev.keyline.domain.budget.CapexProject.restore(p).actual();
    }
}
