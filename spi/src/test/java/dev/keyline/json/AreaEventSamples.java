package dev.keyline.json;

import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
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
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SparePartNumber;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareScrapSource;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import java.math.BigDecimal;
import java.time.Instant;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.YearMonth;
import java.time.ZoneOffset;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassTable;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;

/**
 * One story through Keyline's areas that raises every event type of them at least once, with the
 * aggregates it leaves behind, for JSON round-trip tests.
 */
final class AreaEventSamples {

    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    static final UserId WANG = new UserId("wang");
    static final UserId CHEN = new UserId("chen");
    static final AccountId BANK = new AccountId("A-BANK");
    static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    static final ProductCode DDN = new ProductCode("DDN");
    static final Actor SLA_MARKETING = Actor.withRoles(new UserId("ma"), Role.MARKETING_MANAGER);
    static final Actor SLA_NETWORK = Actor.withRoles(new UserId("nc"), Role.NETWORK_CENTRE_MANAGER);
    static final Actor SLA_GM = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);

    final KeyAccount account;
    final AccountPlan plan;
    final FloorPriceList floors;
    final List<PriceAuthorisation> requests = new ArrayList<>();
    final SpareStock spares;
    final ServiceLevelAgreement sla;
    final dev.keyline.domain.workorder.FaultTicket fault;
    final CapexProject capex;
    final ProvisioningOrder provisioning;
    final List<DomainEvent> events = new ArrayList<>();
    final ResourcePool pool;

    AreaEventSamples() {
        account = KeyAccount.register(BANK, "Bank of Suzhou", SUZHOU, Industry.FINANCE, WANG, T0);
        account.assignManager(WANG, CHEN, at(1));
        account.assignTeam(new AccountTeam(CHEN, new UserId("li"), new UserId("zhao")), CHEN, at(2));
        account.updateProfile(new AccountProfile(12, Money.cny("900000000.00"), new BigDecimal("0.08"),
                Money.cny("50000000.00"), new BigDecimal("0.65"), true, false, 9, 1_200_000L), WANG, at(3));
        account.flagPotential(new PotentialFlags(false, Optional.of(InfluencerKind.PROPERTY_MANAGER),
                Optional.of("runs the new financial district")), WANG, at(4));
        account.activate(CHEN, at(5));
        account.classify(Tier.NATIONAL, "share", LocalDate.of(2026, 1, 1), CHEN, at(6));
        account.overrideTier(Tier.LOCAL, "group list withdrawn", WANG, CHEN, at(7));
        account.raiseChurnWarning(List.of(new ChurnSignal("falling-spend", ChurnSignalKind.FALLING_SPEND,
                LocalDate.of(2026, 1, 5), "spend fell 3 months in a row")), at(8));
        account.clearChurnWarning(WANG, at(9));
        account.exit("moved to another operator", WANG, at(10));
        events.addAll(account.pendingEvents());

        plan = AccountPlan.draw(new AccountPlanId("P-BANK-2026"), BANK, SUZHOU, Year.of(2026),
                Money.cny("1200000.00"), WANG, at(1));
        plan.addAction("visit the CIO", WANG, LocalDate.of(2026, 3, 1), WANG, at(2));
        plan.completeAction(1, WANG, at(3));
        plan.addResourceItem(DDN, 4, LocalDate.of(2026, 6, 30), "for the new branch", WANG, at(4));
        plan.fulfilResourceItem(1, CHEN, at(5));
        plan.reviseTarget(Money.cny("1500000.00"), "second data centre", WANG, at(6));
        events.addAll(plan.pendingEvents());

        Actor finance = Actor.withRoles(new UserId("sun"), Role.FINANCIAL_MANAGER);
        Actor director = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
        Actor industryManager = Actor.industryManager(CHEN, List.of(Industry.FINANCE));
        Actor accountManager = Actor.accountManager(WANG);
        floors = FloorPriceList.create(new FloorPriceListId("SZ"));
        floors.setFloorPrice(finance, DDN, Money.cny("700.00"), at(1));
        floors.setFloorPrice(finance, DDN, Money.cny("800.00"), at(2));
        events.addAll(floors.pendingEvents());

        AuthorityMatrix matrix = AuthorityMatrix.of(Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
                Role.INDUSTRY_MANAGER, new BigDecimal("0.15"), Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30")));
        PriceAuthorisation below = PriceAuthorisation.request(new PriceAuthorisationId("PA-1"),
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("700.00")), accountManager,
                "competitor quotes 690", floors, matrix, at(3));
        below.approve(finance, matrix, "margin still positive", at(4));
        below.approve(director, matrix, "keeps the bank", at(5));
        PriceAuthorisation rejected = PriceAuthorisation.request(new PriceAuthorisationId("PA-2"),
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("880.00")), accountManager,
                "renewal", floors, matrix, at(6));
        rejected.reject(industryManager, matrix, "no competitor offer on file", at(7));
        PriceAuthorisation withdrawn = PriceAuthorisation.request(new PriceAuthorisationId("PA-3"),
                new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("990.00")), accountManager,
                "small gesture", floors, matrix, at(8));
        withdrawn.withdraw(accountManager, "customer accepted the list price", at(9));
        requests.addAll(List.of(below, rejected, withdrawn));
        for (PriceAuthorisation request : requests) {
            events.addAll(request.pendingEvents());
        }

        spares = SpareStock.create(SpareStockId.of(new DepotId("SZ-CENTRAL"), new SparePartNumber("OPT-10G")));
        SpareReservationRef fault = new SpareReservationRef("FT-42");
        spares.receive(4, at(1));
        spares.setMinimum(2, at(2));
        spares.reserve(fault, 2, at(3));
        spares.issueReserved(fault, 1, at(4));
        spares.releaseReservation(fault, 1, at(5));
        spares.returnFaulty(2, at(6));
        spares.repairDone(1, at(7));
        spares.returnUnused(1, at(8));
        spares.scrap(SpareScrapSource.UNDER_REPAIR, 1, "burnt laser", at(9));
        spares.issueDirectly(4, at(9));
        spares.checkMinimum(LocalDate.of(2026, 1, 5), at(10));
        events.addAll(spares.pendingEvents());
        sla = slaStory();
        this.fault = faultStory();
        events.addAll(this.fault.pendingEvents());
        events.add(new dev.keyline.domain.workorder.FaultClockAlertDue(EventId.random(), at(40), this.fault.id(), BANK,
                dev.keyline.domain.workorder.TicketClockKind.RESOLUTION,
                dev.keyline.domain.workorder.FaultClockAlertDue.Alert.BREACH));
        // resources
        pool = ResourcePool.open(new PoolId("SZ-DDN-1"), ResourceType.DDN_PORT, new PoolLocation(SUZHOU, "EXCH-1"), 10,
                Duration.ofHours(1), at(1));
        Reservation order = pool.reserve(new ReservationId("R-1"), new ReservationTerms(BANK, ReservationPurpose.ORDER,
                "ORD-1", 4, at(2), at(60 * 24 * 30), at(60)), at(2));
        order.redate(at(90), at(3));
        pool.allocate(order, new AllocationId("L-1"), 4, at(4));
        Reservation sla = pool.reserve(new ReservationId("R-2"), new ReservationTerms(BANK, ReservationPurpose.SLA,
                "SLA-1", 2, at(5), at(60 * 24 * 365), at(120)), at(5));
        pool.cancel(sla, "SLA renegotiated", at(6));
        Reservation lapsing = pool.reserve(new ReservationId("R-3"), new ReservationTerms(BANK, ReservationPurpose.ORDER,
                "ORD-2", 1, at(7), at(60 * 24), at(8)), at(7));
        pool.expire(lapsing, at(8));
        Reservation exiting = pool.reserve(new ReservationId("R-4"), new ReservationTerms(BANK, ReservationPurpose.ORDER,
                "ORD-3", 1, at(9), at(60 * 24), at(60)), at(9));
        pool.releaseReservation(exiting, "key account exited", at(10));
        Reservation tooLarge = pool.reserve(new ReservationId("R-5"), new ReservationTerms(BANK, ReservationPurpose.ORDER,
                "ORD-4", 20, at(11), at(60 * 24), at(60)), at(11));
        pool.release(new AllocationId("L-1"), at(12));
        pool.addCapacity(5, "construction project CX-7 completed", at(13));
        pool.retire(2, "rack 3 end of life", at(14));
        pool.forecastShortfall(40, "2027 market forecast", at(15));
        events.addAll(pool.pendingEvents());
        for (Reservation r : List.of(order, sla, lapsing, exiting, tooLarge)) {
            events.addAll(r.pendingEvents());
        }
        events.add(new ReservationExpiryDue(EventId.random(), at(90), order.id(), pool.id(), at(90)));
        events.addAll(budgetYear().pendingEvents());
        events.addAll(billingAccount().pendingEvents());
        Actor networkCentre = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
        Actor generalManager = Actor.withRoles(new UserId("zhou"), Role.GENERAL_MANAGER);
        CapexCapacity fibre = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48);
        capex = CapexProject.proposeFor(new CapexProjectId("CP-1"), new CapexRequestRef("REQ-1"), CapexKind.ROLLING,
                "fibre ring Suzhou industrial park", SUZHOU, List.of(fibre), "pool short by 48 fibres", at(1));
        capex.startFeasibility(networkCentre, "route survey", at(2));
        capex.approve(generalManager, new CapexBudgetLine(new BudgetId("BUD-SZ-2026"), new BudgetLineId("CAPEX-NET")), Money.cny("100000.00"),
                new CapexSchedule(at(10), at(30)), "company meeting", at(3));
        capex.bookCommitment(networkCentre, "PO-1", Money.cny("60000.00"), at(4));
        capex.flagOverdue(at(11));
        capex.startConstruction(networkCentre, "contractor on site", at(12));
        capex.releaseCommitment(networkCentre, "PO-1", Money.cny("38000.00"), at(15));
        capex.bookActual(networkCentre, "INV-1", Money.cny("38000.00"), at(15));
        capex.accept(networkCentre, List.of(fibre), true, 24, "passed at the first inspection", at(20));
        events.addAll(capex.pendingEvents());
        provisioning = provisioningOrder();
        events.addAll(provisioning.pendingEvents());
        events.addAll(kpiStanding().pendingEvents());
        events.add(new dev.keyline.domain.workorder.ProvisioningStageAlertDue(EventId.random(), at(620 + 25 * 60),
                provisioning.id(), BANK, new StageId("local"),
                dev.keyline.domain.workorder.ProvisioningStageAlertDue.Alert.ESCALATION));
        // staff: a division planned, staffed and a person released; a ledger, a new table and an award
        dev.keyline.domain.staff.DivisionStaffing staffing = dev.keyline.domain.staff.StaffSamples.staffing();
        staffing.release(dev.keyline.domain.staff.StaffSamples.ALICE, dev.keyline.domain.staff.StaffSamples.DGM,
                dev.keyline.domain.staff.StaffSamples.T0.plusSeconds(60));
        events.addAll(staffing.pendingEvents());
        dev.keyline.domain.staff.IncentiveLedger ledger = dev.keyline.domain.staff.StaffSamples.ledger();
        ledger.changeTable(dev.keyline.domain.staff.IncentiveTable.of("1.5", "1", "0.5"),
                dev.keyline.domain.staff.StaffSamples.DGM, dev.keyline.domain.staff.StaffSamples.T0.plusSeconds(60));
        events.addAll(ledger.pendingEvents());
        events.add(new dev.keyline.domain.priority.PriorityRankingRecorded(EventId.random(), at(700),
                new dev.keyline.domain.priority.PriorityRankingId("2025-Q4.industry:FINANCE"),
                dev.keyline.domain.common.Period.quarter(2025, 4), "industry:FINANCE", List.of(BANK, new AccountId("A-INSURER"))));
    }

    /** The group customers' SLA for 2026 through every event of the SLA area. */
    private ServiceLevelAgreement slaStory() {
        ServiceClassTable table = ServiceClassTable.seedDefaults();
        ServiceLevelAgreement sla = ServiceLevelAgreement.draft(new SlaId("SLA-SZ-2026"), MarketingDepartment.GROUP_CUSTOMERS,
                SUZHOU, SlaTerm.year(2026), ZoneOffset.UTC, 1,
                new SlaTerms("network centre answers for provisioning", "PRC law", "electronic work orders",
                        "volumes are confidential", false, PricingMethod.PRICE_BASED),
                List.of(new ServiceAgreement(DDN, List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 5), 40, 60, Money.cny("1000.00"),
                        "same price city-wide", new BigDecimal("0.05"), "99.9 % availability", "1 % per hour of outage")),
                SLA_MARKETING, T0);
        sla.sign(SLA_MARKETING, SlaParty.MARKETING, at(1));
        sla.sign(SLA_NETWORK, SlaParty.NETWORK_CENTRE, at(2));
        sla.approve(SLA_GM, at(3));
        Instant march = Instant.parse("2026-03-02T08:00:00Z");
        sla.recordDocument(SLA_MARKETING, SlaDocumentKind.RESOURCE_REQUIREMENT, "REQ-1", DDN, "4 circuits in March", march);
        sla.recordBindingReservation("RES-1", DDN, 4, march.plusSeconds(60));
        sla.acceptOrder(SLA_MARKETING, "WO-1", DDN, ServiceClass.A, table, BusinessCalendar.allDays(ZoneOffset.UTC),
                march.plusSeconds(120));
        sla.recordCompletion(SLA_NETWORK, "WO-1", march.plusSeconds(86_400));
        sla.recordReservationReleased("RES-1", march.plusSeconds(2 * 86_400));
        List<Integer> volumes = new ArrayList<>(List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 5));
        volumes.set(5, 8);
        sla.amend(SLA_MARKETING, SLA_GM, DDN, volumes, "new branch opens in June", march.plusSeconds(3 * 86_400));
        sla.issueMonthlyReport(SLA_NETWORK, YearMonth.of(2026, 3), Instant.parse("2026-04-01T08:00:00Z"));
        Instant after = Instant.parse("2027-01-04T08:00:00Z");
        sla.evaluate(SLA_GM, new BigDecimal("0.2"), after);
        sla.expire(after.plusSeconds(60));
        ServiceLevelAgreement ended = ServiceLevelAgreement.draft(new SlaId("SLA-SZ-2026-B"),
                MarketingDepartment.BUSINESS_CUSTOMERS, SUZHOU, SlaTerm.year(2026), ZoneOffset.UTC, 0, sla.terms(),
                sla.agreements(), SLA_MARKETING, T0);
        ended.terminate(SLA_GM, "departments merged", at(5));
        events.addAll(sla.pendingEvents());
        events.addAll(ended.pendingEvents());
        return sla;
    }

    /**
     * A fault of the bank's DDN line: reported, its response clock warns and breaches, then it is
     * diagnosed and dispatched, and its deadlines are recomputed on office hours.
     */
    private static dev.keyline.domain.workorder.FaultTicket faultStory() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        dev.keyline.domain.common.BusinessCalendar allDays = dev.keyline.domain.common.BusinessCalendar.allDays(shanghai);
        dev.keyline.domain.workorder.TicketClockTargets targets = new dev.keyline.domain.workorder.TicketClockTargets(
                java.time.Duration.ofHours(1), java.time.Duration.ofHours(8));
        Map<dev.keyline.domain.workorder.FaultPriority, dev.keyline.domain.workorder.TicketClockTargets> table =
                new java.util.EnumMap<>(dev.keyline.domain.workorder.FaultPriority.class);
        for (dev.keyline.domain.workorder.FaultPriority p : dev.keyline.domain.workorder.FaultPriority.values()) {
            table.put(p, targets);
        }
        dev.keyline.domain.workorder.TicketClockPolicy policy = dev.keyline.domain.workorder.TicketClockPolicy
                .byPriority(table).withServiceClass(dev.keyline.domain.workorder.FaultServiceClass.A,
                        new dev.keyline.domain.workorder.TicketClockTargets(java.time.Duration.ofMinutes(30),
                                java.time.Duration.ofHours(4)));
        Actor callCentre = Actor.withRoles(new UserId("li"), Role.ACCOUNT_MANAGER);
        Actor network = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
        dev.keyline.domain.workorder.FaultTicket ticket = dev.keyline.domain.workorder.FaultTicket.report(
                new dev.keyline.domain.workorder.FaultTicketId("FT-1"), BANK, DDN,
                dev.keyline.domain.workorder.FaultSource.CALL_CENTRE, dev.keyline.domain.workorder.FaultPriority.HIGH,
                Optional.of(dev.keyline.domain.workorder.FaultServiceClass.A), "DDN line to the branch is down", policy,
                callCentre, allDays, at(1));
        ticket.recordDueAlerts(at(40));
        ticket.diagnose(network, "far-end line card failed", allDays, at(45));
        ticket.dispatch(network, new dev.keyline.domain.workorder.FaultStation("SZ-TRANS-1"), "replace the line card",
                allDays, at(50));
        ticket.recomputeDeadlines(dev.keyline.domain.common.WeeklyCalendar.builder(shanghai)
                .weekdays(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(17, 30)).build(), at(55));
        return ticket;
    }

    /** The bank's billing account opened, its preferences set, rerated, its limit cut below its exposure. */
    private static dev.keyline.domain.billing.BillingAccount billingAccount() {
        UserId finance = new UserId("sun");
        dev.keyline.domain.account.AccountId bank = new dev.keyline.domain.account.AccountId("A-BANK");
        dev.keyline.domain.billing.AgeBands bands = dev.keyline.domain.billing.AgeBands.standard();
        dev.keyline.domain.billing.BillingAccount account = dev.keyline.domain.billing.BillingAccount.open(bank,
                dev.keyline.domain.billing.CreditRating.A, Money.cny("50000.00"), bands, finance, at(20),
                java.time.LocalDate.of(2026, 1, 5));
        account.changePreferences(new dev.keyline.domain.billing.BillPreferences(dev.keyline.domain.billing.BillChannel.EDI,
                dev.keyline.domain.billing.BillFrequency.MONTHLY, dev.keyline.domain.billing.BillFormat.XML,
                dev.keyline.domain.billing.BillDetail.ITEMISED, dev.keyline.domain.billing.BillSplit.PER_BRANCH,
                List.of("SZ-HQ", "SZ-SIP"), List.of()), new UserId("wang"), at(21), "the bank's treasury asked for EDI");
        account.rate(dev.keyline.domain.billing.CreditRating.BB, finance, at(22), "two bills paid late");
        account.recordArrears(new dev.keyline.domain.billing.ArrearsAgeing(java.time.LocalDate.of(2026, 1, 6), bands,
                List.of(Money.cny("9000.00"), Money.zero(), Money.zero(), Money.cny("12000.00")), Money.cny("21000.00"),
                Money.cny("25000.00"), java.util.Optional.of(java.time.LocalDate.of(2025, 10, 1))), at(23));
        account.setCreditLimit(Money.cny("20000.00"), finance, at(24));
        return account;
    }

    /** Suzhou's budget from targets to a revision, raising every budget event type. */
    private static Budget budgetYear() {
        UserId reviewer = new UserId("js-gm");
        UserId drafter = new UserId("sz-fin");
        OrgUnit suzhou = OrgUnit.localNetwork(new OrgUnitId("JS-SZ"), SUZHOU, new OrgUnitId("JS"));
        Budget budget = Budget.setTargets(new BudgetId("SZ-2026"), BudgetTargets.of(suzhou, 2026, null,
                Money.cny("2000000.00")), reviewer, "targets for 2026", at(10));
        budget.startDraft(drafter, "drafting", at(11));
        BudgetLineId access = new BudgetLineId("CAPEX-ACCESS");
        budget.planLine(new BudgetLine(access, LineKind.CAPEX, "access network", Money.cny("1000000.00"),
                BudgetControl.uniform(ControlLevel.WARN), null), drafter, at(12));
        budget.submit(drafter, "first draft", at(13));
        budget.challenge("why does access grow by a third?", reviewer, at(14));
        budget.answerChallenge(1, "two new industrial parks", drafter, at(15));
        budget.submit(drafter, "answered", at(16));
        budget.approve(reviewer, "approved", at(17));
        budget.issue(reviewer, "issued", at(18));
        budget.bookCommitment(access, new CommitmentId("PR-1"), DocumentStage.REQUEST, Money.cny("850000.00"), null,
                drafter, Instant.parse("2026-12-01T02:00:00Z"));
        budget.bookCommitment(access, new CommitmentId("PO-1"), DocumentStage.ORDER, Money.cny("1050000.00"),
                new CommitmentId("PR-1"), drafter, Instant.parse("2026-12-02T02:00:00Z"));
        budget.recordActual(access, new CommitmentId("INV-1"), Money.cny("1050000.00"), new CommitmentId("PO-1"),
                drafter, Instant.parse("2026-12-03T02:00:00Z"));
        budget.approveRevision(access, Money.cny("50000.00"), "cover the overrun", reviewer,
                Instant.parse("2026-12-04T02:00:00Z"));
        return budget;
    }

    /**
     * A two-stage provisioning order taken through every event: the order is held and resumed, the
     * local stage is handed off, runs past its warning and due times, and the customer accepts.
     */
    /** Market-response compliance of a centre: red in one month, back to green the next. */
    private static dev.keyline.domain.kpi.KpiStanding kpiStanding() {
        dev.keyline.domain.kpi.KpiDefinition definition = dev.keyline.domain.kpi.KpiCatalogue.seed()
                .get(dev.keyline.domain.kpi.KpiCatalogue.MARKET_RESPONSE_COMPLIANCE);
        dev.keyline.domain.kpi.KpiStanding standing = dev.keyline.domain.kpi.KpiStanding.open(definition.id(),
                new dev.keyline.domain.kpi.KpiUnit("suzhou-network-centre"));
        dev.keyline.domain.common.Period first = dev.keyline.domain.common.Period.containing(LocalDate.of(2026, 1, 1),
                definition.granularity());
        standing.record(definition, dev.keyline.domain.kpi.KpiValue.ratio(definition.id(), first, 1, 10), at(700));
        standing.record(definition, dev.keyline.domain.kpi.KpiValue.ratio(definition.id(), first.next(), 10, 10), at(800));
        return standing;
    }

    private static ProvisioningOrder provisioningOrder() {
        BusinessCalendar days = BusinessCalendar.allDays(ZoneOffset.UTC);
        StageId order = new StageId("order");
        StageId local = new StageId("local");
        StagePlan plan = StagePlan.of(List.of(PlannedStage.ofDays(order, new BigDecimal("0.5"), List.of()),
                PlannedStage.ofDays(local, BigDecimal.ONE, List.of(order))));
        ProvisioningOrder po = ProvisioningOrder.open(new ProvisioningOrderId("PO-1"), new ProvisioningParties(BANK, DDN,
                SUZHOU, WANG, new UserId("it-li")), plan, List.of(
                        new StageAssignment(order, new WorkOrderStation("crc"), SUZHOU, new UserId("sm-zhao"), new UserId("ex-qian")),
                        new StageAssignment(local, new WorkOrderStation("local-tx"), SUZHOU, new UserId("sm-sun"),
                                new UserId("ex-zhou"))),
                T0, days, ProvisioningOrder.DEFAULT_WARNING_SHARE,
                Optional.of(new ProvisioningSlaLink("SLA-DDN-1", T0.plus(Duration.ofDays(3)))));
        po.start(order, days, T0);
        po.hold(order, new UserId("sm-zhao"), "customer's room locked", at(60));
        po.resume(order, new UserId("sm-zhao"), days, at(120));
        po.complete(order, at(600));
        po.handOff(new StageAssignment(local, new WorkOrderStation("far-tx"), new LocalNetworkId("KM"), new UserId("sm-wu"),
                new UserId("ex-zheng")), "far-end station takes the local loop", at(610));
        po.start(local, days, at(620));
        po.raiseDueAlerts(at(620 + 25 * 60));
        po.complete(local, at(620 + 26 * 60));
        po.accept("customer zhang", at(620 + 27 * 60));
        return po;
    }

    private static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }
}
