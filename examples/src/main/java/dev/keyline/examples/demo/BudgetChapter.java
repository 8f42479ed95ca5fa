package dev.keyline.examples.demo;

import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetExceededException;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineBalance;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.budget.CapexCommitments;
import dev.keyline.runtime.budget.CapexProjects;
import dev.keyline.runtime.resource.ResourcePools;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget year 2026 (预算): the province sets targets, Suzhou drafts, the province challenges
 * (质询) and Suzhou answers and revises, the budget is approved and issued (下达) to two departments;
 * through the year requests, orders and invoices are booked on the network department's access
 * line, a request over budget is stopped, a revision is approved, and the year's burn-down is drawn.
 * A rolling-investment request for a new DDN pool becomes a CAPEX project through the budget area's
 * reaction; it is approved on the access line, its request, order and invoice flow into that line
 * (and the burn-down), and at acceptance its ports reach the pool through the resources area's reaction.
 */
public final class BudgetChapter implements DemoChapter {

    /** The fiscal year of the chapter. */
    public static final int YEAR = 2026;

    /** The province's budget. */
    public static final BudgetId PROVINCE_BUDGET = new BudgetId("JS-2026");

    /** Suzhou's budget, under the province's. */
    public static final BudgetId SUZHOU_BUDGET = new BudgetId("SZ-2026");

    /** The network department's budget, under Suzhou's. */
    public static final BudgetId NETWORK_DEPT_BUDGET = new BudgetId("SZ-NET-2026");

    /** The key-account department's budget, under Suzhou's. */
    public static final BudgetId KEY_ACCOUNT_DEPT_BUDGET = new BudgetId("SZ-KA-2026");

    /** The access-network line (CAPEX). */
    public static final BudgetLineId ACCESS = new BudgetLineId("CAPEX-ACCESS");

    /** The maintenance line (OPEX). */
    public static final BudgetLineId MAINTENANCE = new BudgetLineId("OPEX-MAINT");

    /** The province's general manager, who reviews Suzhou's budget. */
    public static final Actor PROVINCE_GENERAL_MANAGER = Actor.withRoles(new UserId("lin.feng"), Role.GENERAL_MANAGER);

    /** Suzhou's general manager (总经理), who reviews and issues the departments' budgets. */
    public static final Actor SUZHOU_GENERAL_MANAGER = Actor.withRoles(new UserId("song.wei"), Role.GENERAL_MANAGER);

    /** The province's financial manager, who drafts the province's own budget. */
    public static final Actor PROVINCE_FINANCE = Actor.withRoles(new UserId("qian.yu"), Role.FINANCIAL_MANAGER);

    /** The network department's financial manager. */
    public static final Actor NETWORK_DEPT_FINANCE = Actor.withRoles(new UserId("ma.rui"), Role.FINANCIAL_MANAGER);

    /** The DDN pool the chapter's CAPEX project extends. */
    public static final PoolId CAPEX_POOL = new PoolId("SZ-DDN-SIP");

    /** The ports the pool starts with; the forecast asks for twice as many. */
    public static final long CAPEX_POOL_PORTS = 24;

    /** The amount the CAPEX project is approved for. */
    public static final Money CAPEX_PLANNED = Money.cny("60000.00");

    /** The CAPEX project's invoice, booked as an actual on the access line. */
    public static final Money CAPEX_INVOICED = Money.cny("56500.00");

    private static final OrgUnit PROVINCE = OrgUnit.province(new OrgUnitId("JS"));
    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final OrgUnit SUZHOU = OrgUnit.localNetwork(new OrgUnitId("JS-SZ"), SZ, PROVINCE.id());
    private static final OrgUnit NETWORK_DEPT = OrgUnit.department(new OrgUnitId("JS-SZ-NET"), SZ, SUZHOU.id());
    private static final OrgUnit KEY_ACCOUNT_DEPT = OrgUnit.department(new OrgUnitId("JS-SZ-KA"), SZ, SUZHOU.id());

    /** A budget chapter. */
    public BudgetChapter() {
    }

    @Override
    public String title() {
        return "Budgets";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        Budgets budgets = Budgets.on(context.keyline());
        Actor suzhouGm = SUZHOU_GENERAL_MANAGER;
        Actor suzhouFinance = DemoStaff.FINANCIAL_MANAGER;
        BudgetControl stop = BudgetControl.uniform(ControlLevel.STOP);
        BudgetControl warn = BudgetControl.uniform(ControlLevel.WARN);

        out.summary("The province sets the 2026 targets, Suzhou drafts, is challenged and answers; the budget is"
                + " issued to two departments; documents are booked through the year, one is stopped over"
                + " budget, a revision is approved, and the year burns down.");

        context.moveTo(LocalDateTime.of(YEAR, 1, 19, 9, 0));
        budgets.setTargets(PROVINCE_GENERAL_MANAGER, PROVINCE_BUDGET, BudgetTargets.of(PROVINCE, YEAR, null,
                Money.cny("50000000.00")), "provincial fund plan for 2026");
        budgets.startDraft(PROVINCE_FINANCE, PROVINCE_BUDGET, "provincial lines");
        budgets.planLine(PROVINCE_FINANCE, PROVINCE_BUDGET, new BudgetLine(ACCESS, LineKind.CAPEX, "access network",
                Money.cny("30000000.00"), stop, null));
        budgets.planLine(PROVINCE_FINANCE, PROVINCE_BUDGET, new BudgetLine(MAINTENANCE, LineKind.OPEX, "maintenance",
                Money.cny("10000000.00"), warn, null));
        budgets.submit(PROVINCE_FINANCE, PROVINCE_BUDGET, "provincial budget");
        budgets.approve(PROVINCE_GENERAL_MANAGER, PROVINCE_BUDGET, "board decision of 19 January");
        budgets.issue(PROVINCE_GENERAL_MANAGER, PROVINCE_BUDGET, "provincial budget issued");

        budgets.setTargets(PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET, BudgetTargets.of(SUZHOU, YEAR, PROVINCE_BUDGET,
                Money.cny("12000000.00")), "expected targets for Suzhou");
        context.moveTo(LocalDateTime.of(YEAR, 1, 20, 9, 0));
        budgets.startDraft(suzhouFinance, SUZHOU_BUDGET, "from the departments' plans");
        budgets.planLine(suzhouFinance, SUZHOU_BUDGET, new BudgetLine(ACCESS, LineKind.CAPEX, "access network",
                Money.cny("8400000.00"), stop, ACCESS));
        budgets.planLine(suzhouFinance, SUZHOU_BUDGET, new BudgetLine(MAINTENANCE, LineKind.OPEX, "maintenance",
                Money.cny("3000000.00"), warn, MAINTENANCE));
        budgets.submit(suzhouFinance, SUZHOU_BUDGET, "first draft");
        context.moveTo(LocalDateTime.of(YEAR, 1, 21, 9, 0));
        String question = "Access grows by 40 % on 2024; which estates does it serve?";
        budgets.challenge(PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET, question);
        context.moveTo(LocalDateTime.of(YEAR, 1, 22, 9, 0));
        String answer = "Two industrial parks in Suzhou New District; the third estate moves to 2026.";
        budgets.answerChallenge(suzhouFinance, SUZHOU_BUDGET, 1, answer);
        budgets.planLine(suzhouFinance, SUZHOU_BUDGET, new BudgetLine(ACCESS, LineKind.CAPEX, "access network",
                Money.cny("7500000.00"), stop, ACCESS));
        budgets.submit(suzhouFinance, SUZHOU_BUDGET, "revised after the challenge");
        context.moveTo(LocalDateTime.of(YEAR, 1, 23, 9, 0));
        budgets.approve(PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET, "approved by the provincial budget meeting");
        budgets.issue(PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET, "issued (下达) to Suzhou");
        context.deliverNotifications("Suzhou's budget issued");

        context.moveTo(LocalDateTime.of(YEAR, 1, 26, 9, 0));
        department(budgets, suzhouGm, NETWORK_DEPT_FINANCE, NETWORK_DEPT_BUDGET, NETWORK_DEPT, Money.cny("8000000.00"),
                new BudgetLine(ACCESS, LineKind.CAPEX, "access network", Money.cny("6000000.00"), stop, ACCESS));
        department(budgets, suzhouGm, suzhouFinance, KEY_ACCOUNT_DEPT_BUDGET, KEY_ACCOUNT_DEPT, Money.cny("1500000.00"),
                new BudgetLine(MAINTENANCE, LineKind.OPEX, "key-account circuits upkeep", Money.cny("1200000.00"), warn,
                        MAINTENANCE));

        BudgetSnapshot suzhou = budgets.get(SUZHOU_BUDGET);
        List<List<String>> history = new ArrayList<>();
        suzhou.history().forEach(c -> history.add(List.of(String.valueOf(c.from()), c.to().name(), c.by().value(),
                c.at().toString(), c.reason())));
        out.heading("Targets, draft, challenge, issue");
        out.table("Status history of " + SUZHOU_BUDGET, List.of("from", "to", "by", "at", "why"), history);
        out.fact("challenge (质询)", question);
        out.fact("Suzhou's answer", answer);

        // the year's documents on the network department's access line: request -> order -> invoice
        String[][] projects = {
            {"2", "ESTATE-A", "900000.00", "880000.00", "880000.00"},
            {"4", "ESTATE-B", "1100000.00", "1050000.00", "1060000.00"},
            {"6", "PARK-1", "1000000.00", "980000.00", "980000.00"},
            {"8", "PARK-2", "1000000.00", "1020000.00", null},
            {"9", "RING-UPGRADE", "500000.00", null, null},
        };
        CapexProjectId capex = capexProposedAndApproved(context, out);
        CapexCommitments capexBookings = CapexCommitments.on(context.keyline());
        CapexProjects capexProjects = CapexProjects.on(context.keyline());
        for (String[] p : projects) {
            int month = Integer.parseInt(p[0]);
            CommitmentId request = new CommitmentId("PR-" + p[1]);
            context.moveTo(LocalDateTime.of(YEAR, month, 3, 10, 0));
            budgets.bookCommitment(NETWORK_DEPT_FINANCE, NETWORK_DEPT_BUDGET, ACCESS, request, DocumentStage.REQUEST,
                    Money.cny(p[2]), null);
            if (p[3] != null) {
                context.moveTo(LocalDateTime.of(YEAR, month, 20, 10, 0));
                budgets.bookCommitment(NETWORK_DEPT_FINANCE, NETWORK_DEPT_BUDGET, ACCESS, new CommitmentId("PO-" + p[1]),
                        DocumentStage.ORDER, Money.cny(p[3]), request);
            }
            if (p[4] != null) {
                context.moveTo(LocalDateTime.of(YEAR, month + 1, 25, 10, 0));
                budgets.recordActual(NETWORK_DEPT_FINANCE, NETWORK_DEPT_BUDGET, ACCESS, new CommitmentId("INV-" + p[1]),
                        Money.cny(p[4]), new CommitmentId("PO-" + p[1]));
            }
            if (p[1].equals("ESTATE-B")) {
                context.moveTo(LocalDateTime.of(YEAR, 5, 26, 10, 0));
                capexProjects.startConstruction(ResourcesChapter.NETWORK_CENTRE, capex, "line cards ordered");
                capexBookings.commit(NETWORK_DEPT_FINANCE, capex, "PR-CAPEX-SIP", DocumentStage.REQUEST,
                        Money.cny("58000.00"), null);
                context.moveTo(LocalDateTime.of(YEAR, 5, 28, 10, 0));
                capexBookings.commit(NETWORK_DEPT_FINANCE, capex, "PO-CAPEX-SIP", DocumentStage.ORDER,
                        CAPEX_INVOICED, "PR-CAPEX-SIP");
            } else if (p[1].equals("PARK-1")) {
                context.moveTo(LocalDateTime.of(YEAR, 7, 27, 10, 0));
                capexBookings.invoice(NETWORK_DEPT_FINANCE, capex, "INV-CAPEX-SIP", CAPEX_INVOICED, "PO-CAPEX-SIP");
            }
        }
        capexAccepted(context, out, capex);

        context.moveTo(LocalDateTime.of(YEAR, 10, 8, 10, 0));
        BudgetSnapshot beforeStop = budgets.get(NETWORK_DEPT_BUDGET);
        String stopped;
        try {
            budgets.bookCommitment(NETWORK_DEPT_FINANCE, NETWORK_DEPT_BUDGET, ACCESS, new CommitmentId("PR-PARK-3"),
                    DocumentStage.REQUEST, Money.cny("900000.00"), null);
            throw new InvalidStateException("a request over budget was booked under STOP control");
        } catch (BudgetExceededException e) {
            stopped = e.getMessage();
        }
        if (!budgets.get(NETWORK_DEPT_BUDGET).equals(beforeStop)) {
            throw new InvalidStateException("the stopped request changed the budget");
        }
        out.heading("Commitments, actuals and control");
        out.paragraph("Each project's request is booked as a commitment, its order reverses the request, and its"
                + " invoice reverses the order and is recorded as an actual. The access line stops any document"
                + " that would take it over its issued amount or over the amount phased to the document's month.");
        out.fact("stopped request", stopped);

        context.moveTo(LocalDateTime.of(YEAR, 10, 15, 10, 0));
        budgets.approveRevision(suzhouGm, NETWORK_DEPT_BUDGET, ACCESS, Money.cny("1000000.00"),
                "the third park is brought forward from 2026");
        context.moveTo(LocalDateTime.of(YEAR, 10, 16, 10, 0));
        budgets.bookCommitment(NETWORK_DEPT_FINANCE, NETWORK_DEPT_BUDGET, ACCESS, new CommitmentId("PR-PARK-3"),
                DocumentStage.REQUEST, Money.cny("900000.00"), null);
        out.fact("revision approved", "+1000000.00 CNY on " + ACCESS + " of " + NETWORK_DEPT_BUDGET + " by "
                + suzhouGm.user());

        context.moveTo(LocalDateTime.of(YEAR, 12, 31, 18, 0));
        budgets.close(suzhouGm, NETWORK_DEPT_BUDGET, "year end");
        BudgetSnapshot network = budgets.get(NETWORK_DEPT_BUDGET);
        List<List<String>> balances = new ArrayList<>();
        for (LineBalance b : budgets.balances(NETWORK_DEPT_BUDGET)) {
            balances.add(List.of(b.line().value(), b.original().toString(), b.issued().toString(),
                    b.committed().toString(), b.actual().toString(), b.available().toString()));
        }
        out.table("Balances of " + NETWORK_DEPT_BUDGET + " at year end", List.of("line", "original", "issued",
                "committed", "actual", "available"), balances);
        out.heading("The year's burn-down");
        context.deliverNotifications("the budget year closed");
        out.chart(BudgetBurnDown.of(network).chart("Issued, committed and actual amounts of " + NETWORK_DEPT_BUDGET
                + " at the end of each month of " + YEAR + " (CNY)"));
    }

    /**
     * The network centre forecasts a demand the new pool cannot meet: the resources area raises a
     * rolling-investment request, the budget area's reaction proposes a project for it, and the
     * project is studied and approved on the network department's access line.
     */
    private static CapexProjectId capexProposedAndApproved(DemoContext context, ReportSection out) {
        ResourcePools resources = ResourcePools.on(context.keyline());
        CapexProjects capexProjects = CapexProjects.on(context.keyline());
        context.moveTo(LocalDateTime.of(YEAR, 1, 27, 9, 0));
        resources.openPool(ResourcesChapter.NETWORK_CENTRE, CAPEX_POOL, ResourceType.DDN_PORT,
                new PoolLocation(SZ, "SIP-EXCH"), CAPEX_POOL_PORTS, Duration.ZERO);
        long shortfall = resources.forecastShortfall(ResourcesChapter.NETWORK_CENTRE, CAPEX_POOL, 2 * CAPEX_POOL_PORTS,
                "DDN demand of the industrial park's new data centres in 2026");
        context.deliverNotifications("the rolling-investment request");
        CapexProjectSnapshot proposed = capexProjects.inStage(CapexStage.PROPOSED).stream()
                .filter(p -> p.plannedCapacity().stream().anyMatch(c -> c.pool().equals(CAPEX_POOL.value())))
                .findFirst().orElseThrow(() -> new InvalidStateException("the investment request for " + CAPEX_POOL
                        + " proposed no CAPEX project"));
        CapexProjectId id = proposed.id();
        context.moveTo(LocalDateTime.of(YEAR, 1, 28, 9, 0));
        capexProjects.startFeasibility(ResourcesChapter.NETWORK_CENTRE, id, "line-card slots surveyed");
        context.moveTo(LocalDateTime.of(YEAR, 1, 29, 9, 0));
        java.time.Instant now = context.clock().instant();
        capexProjects.approve(SUZHOU_GENERAL_MANAGER, id, new CapexBudgetLine(NETWORK_DEPT_BUDGET, ACCESS),
                CAPEX_PLANNED, new CapexSchedule(now.plus(Duration.ofDays(120)), now.plus(Duration.ofDays(240))),
                "paid from the access line");
        out.heading("A CAPEX project from a shortfall");
        out.paragraph("The network centre forecasts twice the ports of the new pool " + CAPEX_POOL + "; the resources"
                + " area raises a rolling-investment request, which the budget area's reaction turns into a proposed"
                + " project. Suzhou's general manager approves it (立项) on " + ACCESS + " of " + NETWORK_DEPT_BUDGET
                + "; its request, order and invoice are booked on the project and the line together.");
        out.fact("investment request", shortfall + " ports short in " + CAPEX_POOL + " (" + proposed.kind() + ")");
        out.fact("proposed project", id + ": " + proposed.title());
        out.fact("approved", CAPEX_PLANNED + " on " + NETWORK_DEPT_BUDGET + "/" + ACCESS);
        return id;
    }

    /** The project is accepted, and its ports reach the pool through the resources area's reaction. */
    private static void capexAccepted(DemoContext context, ReportSection out, CapexProjectId id) {
        ResourcePools resources = ResourcePools.on(context.keyline());
        CapexProjects capexProjects = CapexProjects.on(context.keyline());
        context.moveTo(LocalDateTime.of(YEAR, 9, 10, 10, 0));
        long before = resources.checkAvailability(CAPEX_POOL).capacity();
        CapexProjectSnapshot project = capexProjects.find(id).orElseThrow();
        capexProjects.accept(ResourcesChapter.NETWORK_CENTRE, id, project.plannedCapacity(), true,
                project.plannedCapacity().stream().mapToLong(c -> c.units()).sum(), "passed at the first inspection");
        context.deliverNotifications("the CAPEX project's acceptance");
        long after = resources.checkAvailability(CAPEX_POOL).capacity();
        out.fact("accepted (竣工验收)", id + " on " + context.today() + ", first time right, invoiced " + CAPEX_INVOICED);
        out.fact("pool capacity", CAPEX_POOL + ": " + before + " ports before acceptance, " + after + " after");
    }

    private static void department(Budgets budgets, Actor reviewer, Actor drafter, BudgetId id, OrgUnit unit,
            Money fundPlan, BudgetLine line) {
        budgets.setTargets(reviewer, id, BudgetTargets.of(unit, YEAR, SUZHOU_BUDGET, fundPlan),
                "department targets");
        budgets.startDraft(drafter, id, "department draft");
        budgets.planLine(drafter, id, line);
        budgets.submit(drafter, id, "department plan");
        budgets.approve(reviewer, id, "approved by the local network");
        budgets.issue(reviewer, id, "issued to the department");
    }
}
