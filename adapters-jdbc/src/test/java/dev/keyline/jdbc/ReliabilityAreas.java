package dev.keyline.jdbc;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.runtime.billing.BillingAccounts;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.kpi.KpiService;
import dev.keyline.runtime.priority.PriorityRankings;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import dev.keyline.runtime.staff.Staffings;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every area the reliability suites drive, one entry each: a set-up run once, a command that
 * creates or changes aggregate number n (fresh ids for each n), and a corruption of what command 1
 * stored (plain SQL that breaks one of the aggregate's rules), with the load that must refuse it.
 * Adding an area to the "Fault" and "Corruption" suites is one more entry in {@link #ALL}.
 */
final class ReliabilityAreas {

    /** Runs once before the commands, without faults. */
    interface Setup {
        void run(Keyline keyline);
    }

    /** Command number n of an area. */
    interface Command {
        void run(Keyline keyline, int n);
    }

    /** Loads what command n stored, through the area's restore path. */
    interface Load {
        Object run(Keyline keyline, int n);
    }

    /**
     * One area's entry.
     *
     * @param name the area
     * @param setup the set-up
     * @param command command number n
     * @param corruption SQL statements that break a rule of what command 1 stored
     * @param aggregate the words naming the corrupted aggregate in the refusal
     * @param rule a word of the broken rule in the refusal
     * @param load loads what command n stored
     */
    record Area(String name, Setup setup, Command command, List<String> corruption, String aggregate, String rule,
                Load load) {
    }

    private static final Actor NETWORK_CENTRE = SlaSamples.NETWORK_CENTRE;
    private static final PoolId POOL = new PoolId("FAULT-POOL");
    private static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("js-gm"), Role.GENERAL_MANAGER);
    private static final Actor DGM = Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER);
    private static final Actor FINANCE = Actor.withRoles(new UserId("fm-qian"), Role.FINANCIAL_MANAGER);
    private static final Actor BILLING_INTERFACE = Actor.withRoles(new UserId("it-li"), Role.IT_SUPPORT);
    /**
     * How many aggregates the set-ups prepare for the areas whose command needs something stored
     * first (a key account to bill, facts to rank): more than the statements of one command, so
     * the "Fault" suite never runs out of them while it fails each statement in turn.
     */
    private static final int PREPARED = 40;
    private static final KpiDefinition SATISFACTION = KpiCatalogue.seed().get(KpiCatalogue.CUSTOMER_SATISFACTION);
    private static final Actor SATISFACTION_OWNER = Actor.withRoles(new UserId("kpi-owner"), SATISFACTION.owner());
    private static final Period MARCH = Period.containing(LocalDate.of(2027, 3, 1), SATISFACTION.granularity());
    private static final Period A_YEAR_EARLIER = Period.containing(LocalDate.of(2026, 3, 1), SATISFACTION.granularity());

    /** Every area on main with storage. */
    static final List<Area> ALL = List.of(
            new Area("account", k -> { },
                    (k, n) -> KeyAccounts.on(k).register(KeyAccountServiceFixture.ZHOU, new AccountId("F" + n),
                            "Fault " + n, KeyAccountServiceFixture.SUZHOU, Industry.FINANCE),
                    List.of("UPDATE keyline_key_account SET status = 'ACTIVE' WHERE account_id = 'F1'"),
                    "key account F1", "ACTIVE without an account manager",
                    (k, n) -> KeyAccounts.on(k).get(new AccountId("F" + n))),
            new Area("authority", k -> { },
                    (k, n) -> PriceAuthorisations.on(k, KeyAccountServiceFixture.MATRIX).setFloorPrice(
                            KeyAccountServiceFixture.SUN, new FloorPriceListId("FL" + n), new ProductCode("DDN"),
                            Money.cny("800.00")),
                    List.of("UPDATE keyline_floor_price SET price = -800 WHERE list_id = 'FL1'"),
                    "list FL1", "must be above zero",
                    (k, n) -> PriceAuthorisations.on(k, KeyAccountServiceFixture.MATRIX).floorPrices(new FloorPriceListId("FL" + n))),
            new Area("resource",
                    k -> ResourcePools.on(k).openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT,
                            new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 1_000_000, Duration.ZERO),
                    (k, n) -> {
                        Instant now = k.clock().instant();
                        ResourcePools.on(k).reserve(SlaSamples.MARKETING, POOL, new ReservationId("R" + n),
                                new ReservationTerms(new AccountId("A1"), ReservationPurpose.ORDER, "order " + n, 1, now,
                                        now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(5))));
                    },
                    List.of("UPDATE keyline_reservation SET allocated = requested + 1 WHERE reservation_id = 'R1'"),
                    "reservation R1", "allocated 2 units of 1",
                    (k, n) -> ResourcePools.on(k).findReservation(new ReservationId("R" + n))),
            new Area("sla", k -> { },
                    (k, n) -> ServiceLevelAgreements.on(k).draft(SlaSamples.MARKETING, new SlaId("SLA-" + n),
                            MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2028), 2,
                            SlaSamples.terms(), SlaSamples.agreements(12)),
                    List.of("UPDATE keyline_sla_agreement SET expected_minimum = expected_maximum + 1 WHERE sla_id = 'SLA-1' AND line_no = 1"),
                    "SLA SLA-1", "expectedMaximum: must be between the minimum",
                    (k, n) -> ServiceLevelAgreements.on(k).find(new SlaId("SLA-" + n))),
            new Area("workorder", k -> { }, (k, n) -> {
                StageId order = new StageId("order");
                ProvisioningOrders.on(k).open(Actor.accountManager(new UserId("am-wang")), new ProvisioningOrderId("PO-" + n),
                        new ProvisioningParties(new AccountId("KA-1"), new ProductCode("DDN"), new LocalNetworkId("SZ"),
                                new UserId("am-wang"), new UserId("it-li")),
                        StagePlan.of(List.of(PlannedStage.ofDays(order, BigDecimal.ONE, List.of()))),
                        List.of(new StageAssignment(order, new WorkOrderStation("crc"), new LocalNetworkId("SZ"),
                                new UserId("sm-zhao"), new UserId("ex-qian"))), Optional.empty());
            },
                    List.of("UPDATE keyline_provisioning_order SET order_state = 'ACCEPTED' WHERE provisioning_order_id = 'PO-1'"),
                    "provisioning order PO-1", "ACCEPTED though some stage is not done",
                    (k, n) -> ProvisioningOrders.on(k).find(new ProvisioningOrderId("PO-" + n))),
            new Area("budget", k -> { },
                    (k, n) -> Budgets.on(k).setTargets(GENERAL_MANAGER, new BudgetId("JS-" + n),
                            BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS" + n)), 2027, null, Money.cny("5000000")),
                            "provincial plan " + n),
                    List.of("UPDATE keyline_budget SET fund_plan = -1 WHERE budget_id = 'JS-1'"),
                    "budget JS-1", "fundPlan: must not be negative",
                    (k, n) -> Budgets.on(k).get(new BudgetId("JS-" + n))),
            new Area("staff", k -> { },
                    (k, n) -> Staffings.on(k).open(DGM, new StaffingId("ST-" + n), Industry.FINANCE),
                    List.of("INSERT INTO keyline_staffing_change (staffing_id, line_no, kind, role, headcount, person,"
                            + " changed_by, changed_at) VALUES ('ST-1', 1, 'ASSIGN', 'ACCOUNT_MANAGER', 0, 'bob', 'dgm',"
                            + " CURRENT_TIMESTAMP)"),
                    "division staffing ST-1", "no open place for ACCOUNT_MANAGER",
                    (k, n) -> Staffings.on(k).get(new StaffingId("ST-" + n))),
            new Area("kpi", k -> { },
                    (k, n) -> KpiService.on(k).recordMeasurement(SATISFACTION_OWNER, SATISFACTION.id(), new KpiUnit("KU-" + n),
                            MARCH, new BigDecimal("91.5")),
                    List.of("INSERT INTO keyline_kpi_standing_entry (standing_id, line_no, period, kpi_value, band, recorded_at)"
                            + " VALUES ('" + standingOf(1) + "', 2, '" + A_YEAR_EARLIER + "', 90, 'GREEN', CURRENT_TIMESTAMP)"),
                    "KPI standing " + standingOf(1), "period " + A_YEAR_EARLIER + " does not follow " + MARCH,
                    (k, n) -> KpiService.on(k).standing(SATISFACTION.id(), new KpiUnit("KU-" + n)).orElseThrow()),
            new Area("billing", k -> {
                for (int n = 1; n <= PREPARED; n++) {
                    KeyAccounts.on(k).register(KeyAccountServiceFixture.ZHOU, new AccountId("B" + n), "Billed " + n,
                            KeyAccountServiceFixture.SUZHOU, Industry.FINANCE);
                }
            },
                    (k, n) -> BillingAccounts.on(k).open(FINANCE, new AccountId("B" + n), CreditRating.A, Money.cny("10000.00"),
                            AgeBands.standard()),
                    List.of("INSERT INTO keyline_billing_preference_change (account_id, line_no, channel, frequency, bill_format,"
                            + " bill_detail, split, branches, projects, changed_by, changed_at, reason) VALUES ('B1', 1, 'PAPER',"
                            + " 'MONTHLY', 'CSV', 'ITEMISED', 'CONSOLIDATED', '', '', 'fm-qian', CURRENT_TIMESTAMP, 'edited')"),
                    "billing account B1", "PRINTED_NEEDS_PDF",
                    (k, n) -> BillingAccounts.on(k).get(FINANCE, new AccountId("B" + n))),
            new Area("priority", k -> {
                PriorityRankings priority = PriorityRankings.on(k);
                for (int n = 1; n <= PREPARED; n++) {
                    for (String account : List.of("KA-A", "KA-B")) {
                        priority.recordResult(BILLING_INTERFACE, new AccountResultFact(
                                new AccountResultFactId(account + "-" + n), new AccountId(account), rankedPeriod(n),
                                new ProductCode("DDN"), Industry.FINANCE,
                                Money.cny(account.equals("KA-A") ? "900.00" : "100.00"), Money.cny("1.00"), k.clock().instant()));
                    }
                }
            },
                    (k, n) -> PriorityRankings.on(k).rank(GENERAL_MANAGER, rankedPeriod(n), Segment.all(),
                            new RankingWeights(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO), GrowthBasis.PREVIOUS_PERIOD),
                    List.of("UPDATE keyline_priority_ranking_entry SET score = 2 WHERE ranking_id = '"
                            + PriorityRankingId.of(rankedPeriod(1), Segment.all()).value() + "' AND account_rank = 2"),
                    "priority ranking " + PriorityRankingId.of(rankedPeriod(1), Segment.all()).value(),
                    "ranks must follow the scores",
                    (k, n) -> PriorityRankings.on(k).find(rankedPeriod(n), Segment.all()).orElseThrow()));

    /** The id of the KPI standing that the kpi area's command n bands. */
    private static String standingOf(int n) {
        return KpiStanding.open(SATISFACTION.id(), new KpiUnit("KU-" + n)).id().value();
    }

    /** The period the priority area's command n ranks: a year of its own, so each ranking is new. */
    private static Period rankedPeriod(int n) {
        return Period.year(2000 + n);
    }

    private ReliabilityAreas() {
    }
}
