package dev.keyline.examples.demo;

import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.budget.CapexProjects;
import dev.keyline.runtime.kpi.LinesInService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;

/**
 * The CAPEX side of the KPI chapter's year, through the budget services as the budget chapter does
 * for its own year: in January the province's {@value KpiChapter#YEAR} budget and Suzhou's (the leaf
 * whose CAPEX counts) are planned and issued, and three construction projects are approved on
 * Suzhou's access line; every month an invoice is recorded as an actual on that line, so the CAPEX
 * ratio and CAPEX per line grow with the year's spend; three projects are accepted during the
 * year, two by their planned acceptance and one late, so acceptance compliance moves between bands
 * in the months it has a value. The lines in service, which Keyline does not store, come from the
 * operator's inventory count ({@link #LINES_IN_SERVICE}).
 */
final class MonthlyCapex {

    /** The province's budget of the year. */
    static final BudgetId PROVINCE_BUDGET = new BudgetId("JS-" + KpiChapter.YEAR);

    /** Suzhou's budget of the year: a leaf, so its CAPEX is what the CAPEX KPIs count. */
    static final BudgetId SUZHOU_BUDGET = new BudgetId("SZ-" + KpiChapter.YEAR);

    /** Suzhou's issued access-network CAPEX of the year. */
    static final Money SUZHOU_CAPEX = Money.cny("9600000.00");

    /** The invoice recorded as an actual in each month, in thousands of CNY, January first. */
    static final List<Integer> MONTHLY_ACTUAL_THOUSANDS = List.of(520, 610, 700, 780, 820, 860, 900, 880, 910, 950,
            1010, 1100);

    /** The projects of the year: id, month of planned acceptance, month accepted (one is late). */
    static final List<int[]> PROJECTS = List.of(new int[] {1, 4, 4}, new int[] {2, 7, 7}, new int[] {3, 9, 10});

    /** The lines in service at the end of each month of the year, as the operator's inventory counts them. */
    static final LinesInService LINES_IN_SERVICE = period -> period.year() == KpiChapter.YEAR
            ? OptionalLong.of(3200 + 20L * period.lastMonth().getMonthValue()) : OptionalLong.empty();

    private static final OrgUnit PROVINCE = OrgUnit.province(new OrgUnitId("JS"));
    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final OrgUnit SUZHOU = OrgUnit.localNetwork(new OrgUnitId("JS-SZ"), SZ, PROVINCE.id());

    private MonthlyCapex() {
    }

    /** A project's id. */
    static CapexProjectId project(int number) {
        return new CapexProjectId("CP-" + KpiChapter.YEAR + "-" + number);
    }

    /**
     * Runs one month's CAPEX work, from the month's twentieth day or now, whichever is later, and
     * leaves the clock within the month.
     *
     * @param context the demo's context
     * @param month the month
     * @throws InvalidStateException when the clock has already left the month
     */
    static void during(DemoContext context, YearMonth month) {
        Require.nonNull(context, "context");
        Require.nonNull(month, "month");
        LocalDateTime twentieth = month.atDay(20).atTime(10, 0);
        LocalDateTime now = LocalDateTime.ofInstant(context.clock().instant(), Demo.ZONE);
        context.moveTo(now.isAfter(twentieth) ? now.plusHours(1) : twentieth);
        Budgets budgets = Budgets.on(context.keyline());
        CapexProjects projects = CapexProjects.on(context.keyline());
        int m = month.getMonthValue();
        if (m == 1) {
            budgetYear(context, budgets);
            approveProjects(context, projects);
        }
        if (m == 2) {
            for (int[] p : PROJECTS) {
                projects.startConstruction(ResourcesChapter.NETWORK_CENTRE, project(p[0]), "construction teams on site");
            }
        }
        budgets.recordActual(DemoStaff.FINANCIAL_MANAGER, SUZHOU_BUDGET, BudgetChapter.ACCESS,
                new CommitmentId("INV-" + month), Money.cny(MONTHLY_ACTUAL_THOUSANDS.get(m - 1) + "000.00"), null);
        for (int[] p : PROJECTS) {
            if (p[2] == m) {
                context.moveTo(LocalDateTime.ofInstant(context.clock().instant(), Demo.ZONE).plusHours(2));
                projects.accept(ResourcesChapter.NETWORK_CENTRE, project(p[0]), List.of(), true, 40,
                        p[2] > p[1] ? "accepted after its planned acceptance" : "accepted as planned");
            }
        }
        if (!YearMonth.from(LocalDateTime.ofInstant(context.clock().instant(), Demo.ZONE)).equals(month)) {
            throw new InvalidStateException("the CAPEX work of " + month + " ran past the month's end");
        }
        context.deliverNotifications("the CAPEX of " + month);
    }

    /** The province's and Suzhou's budgets of the year, planned, approved and issued. */
    private static void budgetYear(DemoContext context, Budgets budgets) {
        BudgetControl warn = BudgetControl.uniform(ControlLevel.WARN);
        int year = KpiChapter.YEAR;
        budgets.setTargets(BudgetChapter.PROVINCE_GENERAL_MANAGER, PROVINCE_BUDGET,
                BudgetTargets.of(PROVINCE, year, null, Money.cny("52000000.00")), "provincial fund plan for " + year);
        budgets.startDraft(BudgetChapter.PROVINCE_FINANCE, PROVINCE_BUDGET, "provincial lines");
        budgets.planLine(BudgetChapter.PROVINCE_FINANCE, PROVINCE_BUDGET, new BudgetLine(BudgetChapter.ACCESS,
                LineKind.CAPEX, "access network", Money.cny("30000000.00"), warn, null));
        budgets.submit(BudgetChapter.PROVINCE_FINANCE, PROVINCE_BUDGET, "provincial budget");
        budgets.approve(BudgetChapter.PROVINCE_GENERAL_MANAGER, PROVINCE_BUDGET, "board decision");
        budgets.issue(BudgetChapter.PROVINCE_GENERAL_MANAGER, PROVINCE_BUDGET, "provincial budget issued");
        budgets.setTargets(BudgetChapter.PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET,
                BudgetTargets.of(SUZHOU, year, PROVINCE_BUDGET, Money.cny("12000000.00")), "targets for Suzhou");
        budgets.startDraft(DemoStaff.FINANCIAL_MANAGER, SUZHOU_BUDGET, "Suzhou's lines");
        budgets.planLine(DemoStaff.FINANCIAL_MANAGER, SUZHOU_BUDGET, new BudgetLine(BudgetChapter.ACCESS,
                LineKind.CAPEX, "access network", SUZHOU_CAPEX, warn, BudgetChapter.ACCESS));
        budgets.submit(DemoStaff.FINANCIAL_MANAGER, SUZHOU_BUDGET, "Suzhou's plan");
        budgets.approve(BudgetChapter.PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET, "approved by the provincial budget meeting");
        budgets.issue(BudgetChapter.PROVINCE_GENERAL_MANAGER, SUZHOU_BUDGET, "issued to Suzhou");
        context.deliverNotifications("the budgets of " + year);
    }

    /** The year's projects proposed, studied and approved on Suzhou's access line. */
    private static void approveProjects(DemoContext context, CapexProjects projects) {
        for (int[] p : PROJECTS) {
            CapexProjectId id = project(p[0]);
            projects.propose(ResourcesChapter.NETWORK_CENTRE, id, CapexKind.ROLLING, "access extension " + p[0],
                    SZ, List.of(), "demand of the industrial parks");
            projects.startFeasibility(ResourcesChapter.NETWORK_CENTRE, id, "routes surveyed");
            Instant start = YearMonth.of(KpiChapter.YEAR, 2).atDay(1).atStartOfDay(Demo.ZONE).toInstant();
            Instant acceptance = Period.month(YearMonth.of(KpiChapter.YEAR, p[1])).endAt(Demo.ZONE).minusSeconds(1);
            projects.approve(BudgetChapter.SUZHOU_GENERAL_MANAGER, id, new CapexBudgetLine(SUZHOU_BUDGET,
                    BudgetChapter.ACCESS), Money.cny("800000.00"), new CapexSchedule(start, acceptance),
                    "paid from Suzhou's access line");
        }
        context.deliverNotifications("the CAPEX projects of " + KpiChapter.YEAR);
    }
}
