package dev.keyline.domain.testing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountRegistered;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.ArrearsAgeRule;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.account.ChurnInputs;
import dev.keyline.domain.account.ChurnRule;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountEvent;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.PlanAction;
import dev.keyline.domain.account.PotentialAssessment;
import dev.keyline.domain.account.PotentialCandidate;
import dev.keyline.domain.account.PotentialCriterion;
import dev.keyline.domain.account.PotentialCriteria;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.ResourcePlanItem;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendAverages;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.SpendFold;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierChange;
import dev.keyline.domain.account.TierChangeCause;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.AllDaysCalendar;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.WeeklyCalendar;
import dev.keyline.domain.common.WorkingWindow;
import dev.keyline.domain.sla.AllocationShare;
import dev.keyline.domain.sla.CostSplit;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageHandOff;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.domain.priority.AccountResult;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.RankedAccount;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.priority.ServiceTierBand;
import dev.keyline.domain.priority.ServiceTierTable;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.resource.ScarcityBreakpoint;
import dev.keyline.domain.resource.ScarcityPriceCurve;
import dev.keyline.domain.resource.SpareIssued;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultStatistics;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.FaultTransition;
import dev.keyline.domain.workorder.TicketClock;
import dev.keyline.domain.workorder.TicketClockKind;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.CoolingUnits;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitRange;
import dev.keyline.domain.resource.UnitSet;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassTable;
import dev.keyline.domain.sla.ServiceClassTerms;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;

/**
 * Valid sample values and instances of the domain's types, for {@link NullArgumentsTester}: one
 * account (a bank in the Suzhou local network, managed by {@code wang}), its plan, spend, a price
 * request, the dates around a classification run on 2 March 2026, and the JDK values they use.
 * Everything is built through the public factories, so a sample is as valid as a caller's value.
 */
public final class DomainSamples {

    /** The instant every sample happens at. */
    public static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");
    /** The business date of the samples (a Monday). */
    public static final LocalDate DATE = LocalDate.of(2026, 3, 2);
    /** The zone of the samples. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The sample account. */
    public static final AccountId ACCOUNT = new AccountId("A-1");
    /** The sample local network. */
    public static final LocalNetworkId NETWORK = SeedMinimums.SUZHOU;
    /** The sample user, the account's manager. */
    public static final UserId USER = new UserId("wang");
    /** The sample product. */
    public static final ProductCode PRODUCT = new ProductCode("DDN");
    /** A month inside the sample assessment window. */
    public static final YearMonth MONTH = YearMonth.of(2026, 1);

    private DomainSamples() {
    }

    /**
     * A provisioning order of the seed's parallel DDN plan, opened at {@link #AT}, every stage at
     * one station of the sample network.
     *
     * @return the order
     */
    public static ProvisioningOrder provisioningOrder() {
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        List<StageAssignment> assignments = plan.stages().stream().map(p -> new StageAssignment(p.id(),
                new WorkOrderStation("st-" + p.id()), NETWORK, new UserId("sm"), new UserId("ex"))).toList();
        return ProvisioningOrder.open(new ProvisioningOrderId("PO-1"), new ProvisioningParties(ACCOUNT, PRODUCT, NETWORK, USER,
                new UserId("it")), plan, assignments, AT, new AllDaysCalendar(ZONE), ProvisioningOrder.DEFAULT_WARNING_SHARE,
                Optional.empty());
    }

    /**
     * A tester with every domain sample registered.
     *
     * @return the tester
     */
    public static NullArgumentsTester tester() {
        return register(new NullArgumentsTester());
    }

    /**
     * Registers the domain's samples on {@code tester}.
     *
     * @param tester the tester
     * @return the same tester
     */
    public static NullArgumentsTester register(NullArgumentsTester tester) {
        // JDK values
        tester.value(String.class, () -> "sample")
                .value(BigDecimal.class, () -> new BigDecimal("0.10"))
                .value(Currency.class, () -> Money.CNY)
                .value(Instant.class, () -> AT)
                .value(LocalDate.class, () -> DATE)
                .value(LocalTime.class, () -> LocalTime.of(9, 0))
                .value(YearMonth.class, () -> MONTH)
                .value(Year.class, () -> Year.of(2026))
                .value(Duration.class, () -> Duration.ofHours(1))
                .value(ZoneId.class, () -> ZONE)
                .value(Clock.class, () -> Clock.fixed(AT, ZoneOffset.UTC))
                .value(UUID.class, () -> UUID.fromString("00000000-0000-4000-8000-000000000001"));
        // kernel values
        tester.value(Money.class, () -> Money.cny("100.00"))
                .value(EventId.class, () -> new EventId(UUID.fromString("00000000-0000-4000-8000-000000000002")))
                .value(UserId.class, () -> USER)
                .value(ProductCode.class, () -> PRODUCT)
                .value(Period.class, () -> Period.month(MONTH))
                .value(Audience.class, () -> Audience.of("sample subject"))
                .value(WorkingWindow.class, () -> WorkingWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .value(BusinessCalendar.class, () -> new AllDaysCalendar(ZONE))
                .instance(WeeklyCalendar.class, DomainSamples::weeklyCalendar)
                .instance(WeeklyCalendar.Builder.class, () -> WeeklyCalendar.builder(ZONE));
        // cost allocation (SLA)
        tester.value(CostSplit.class, () -> CostSplit.byLargestRemainder(Money.cny("100.00"),
                List.of(new AllocationShare("sample", BigDecimal.ONE))));
        // provisioning plans (work orders)
        tester.value(StageId.class, () -> SeedProvisioningPlans.LOCAL)
                .value(StagePlan.class, SeedProvisioningPlans::ddnParallel)
                .value(StageHandOff.class, () -> new StageHandOff(SeedProvisioningPlans.LOCAL, new WorkOrderStation("st-a"), USER,
                        new WorkOrderStation("st-b"), new UserId("li"), AT, "sample"))
                .value(StageProgress.class, () -> provisioningOrder().stage(SeedProvisioningPlans.ORDER_ESTABLISHED))
                .instance(ProvisioningOrder.class, DomainSamples::provisioningOrder);
        // key accounts
        tester.value(AccountId.class, () -> ACCOUNT)
                .value(LocalNetworkId.class, () -> NETWORK)
                .value(SpendFactId.class, () -> new SpendFactId("F-1"))
                .value(AccountPlanId.class, () -> new AccountPlanId("P-1"))
                .value(Industry.class, () -> Industry.FINANCE)
                .value(AccountProfile.class, AccountProfile::blank)
                .value(PotentialFlags.class, PotentialFlags::none)
                .value(AccountTeam.class, () -> new AccountTeam(new UserId("li"), new UserId("zhao"), new UserId("sun")))
                .value(SpendFact.class, DomainSamples::spendFact)
                .value(SpendFold.class, () -> SpendFold.over(Set.of(MONTH)))
                .value(AssessmentWindow.class, () -> AssessmentWindow.endingBefore(DATE, 6))
                .value(ClassificationRule.class, SeedMinimums::suzhou)
                .value(Classification.class, () -> SeedMinimums.suzhou().classify(NETWORK, Map.of(ACCOUNT, Money.cny("900000.00"))))
                .value(ClassificationResult.class, DomainSamples::classificationResult)
                .value(ReclassificationPlan.class, () -> ReclassificationPlan.of(classificationResult(), List.of(keyAccount().snapshot())))
                .value(ReclassificationPolicy.class, ReclassificationPolicy::halfYearly)
                .value(NationalList.class, NationalList::empty)
                .value(PotentialCriteria.class, () -> PotentialCriteria.withCutOffs(Map.of()))
                .value(PotentialCandidate.class, () -> PotentialCandidate.of(keyAccount().snapshot()))
                .value(ChurnRule.class, () -> new ArrearsAgeRule(90))
                .value(ChurnEvaluator.class, ChurnEvaluator::standard)
                .value(ChurnSignal.class, () -> new ChurnSignal(ArrearsAgeRule.NAME, ChurnSignalKind.values()[0], DATE, "sample"))
                .value(ChurnInputs.class, () -> ChurnInputs.from(ACCOUNT, DATE, List.of(spendFact()), Money.cny("0.00"),
                        Optional.empty(), List.of()))
                .value(TierChangeCause.class, () -> new TierChangeCause.ClassificationRun(SeedMinimums.suzhou().name(), DATE))
                .value(TierChange.class, () -> keyAccountClassified().tierHistory().get(0))
                .value(PlanAction.class, () -> new PlanAction(1, "sample", USER, DATE, Optional.empty(), Optional.empty()))
                .value(ResourcePlanItem.class, () -> new ResourcePlanItem(1, PRODUCT, 1, DATE, "sample", Optional.empty(),
                        Optional.empty()))
                .value(KeyAccountSnapshot.class, () -> keyAccount().snapshot())
                .value(AccountPlanSnapshot.class, () -> accountPlan().snapshot())
                .instance(KeyAccount.class, DomainSamples::keyAccount)
                .instance(AccountPlan.class, DomainSamples::accountPlan)
                .value(PotentialAssessment.class, () -> new PotentialAssessment(ACCOUNT, Industry.FINANCE,
                        List.of(PotentialCriterion.values()[0]), "sample"))
                .value(KeyAccountEvent.class, DomainSamples::registered)
                .value(DomainEvent.class, DomainSamples::registered);
        // parameters whose type's sample breaks another rule of the member
        tester.argument(KeyAccount.class, "overrideTier", "approvedBy", () -> new UserId("li"))
                .argument(KeyAccount.class, "raiseChurnWarning", "signals", () -> List.of(new ChurnSignal(ArrearsAgeRule.NAME,
                        ChurnSignalKind.ARREARS_AGE, DATE, "sample")))
                .argument(ChurnInputs.class, NullArgumentsTester.CONSTRUCTOR, "arrears", () -> Money.cny("0.00"))
                .argument(ChurnInputs.class, "from", "arrears", () -> Money.cny("0.00"))
                .argument(PotentialAssessment.class, NullArgumentsTester.CONSTRUCTOR, "criteria",
                        () -> List.of(PotentialCriterion.values()[0]))
                .argument(SpendAverages.class, "over", "window", () -> Set.of(MONTH))
                .argument(SpendAverages.class, "byNetwork", "window", () -> Set.of(MONTH));
        // authority
        tester.value(Actor.class, () -> Actor.accountManager(USER))
                .value(AccessScope.class, () -> ACCOUNT.accessScope(NETWORK, Industry.FINANCE, Optional.empty()))
                .value(PriceOffer.class, DomainSamples::offer)
                .value(AuthorityMatrix.class, DomainSamples::matrix)
                .value(PriceAuthorisationId.class, () -> new PriceAuthorisationId("PA-1"))
                .value(FloorPriceListId.class, () -> new FloorPriceListId("FL-1"))
                .value(Role.class, () -> Role.ACCOUNT_MANAGER)
                .value(FloorPriceListSnapshot.class, () -> floorPriceList().snapshot())
                .value(PriceAuthorisationSnapshot.class, () -> priceAuthorisation().snapshot())
                .instance(FloorPriceList.class, DomainSamples::floorPriceList)
                .instance(PriceAuthorisation.class, DomainSamples::priceAuthorisation);
        // spare parts and scarcity prices (resource)
        tester.value(SpareStockId.class, () -> new SpareStockId("D-1:P-1"))
                .value(SpareReservationRef.class,
                        () -> new SpareReservationRef("FT-1"))
                .value(SpareStockSnapshot.class, () -> spareStock().snapshot())
                .value(SpareIssued.class, () -> new SpareIssued(
                        new EventId(UUID.fromString("00000000-0000-4000-8000-000000000003")), AT,
                        new SpareStockId("D-1:P-1"), 1, null))
                .value(ScarcityPriceCurve.class, () -> ScarcityPriceCurve.of(
                        List.of(ScarcityBreakpoint.at("0.5", "1"))))
                .instance(SpareStock.class, DomainSamples::spareStock);
        tester.argument(ScarcityBreakpoint.class, "at", "utilisation", () -> "0.5")
                .argument(ScarcityBreakpoint.class, "at", "multiplier", () -> "1.5");
        // sla
        tester.value(SlaId.class, () -> new SlaId("SLA-1"))
                .value(MarketingDepartment.class, () -> MarketingDepartment.GROUP_CUSTOMERS)
                .value(SlaTerm.class, () -> SlaTerm.year(2026))
                .value(SlaTerms.class, SlaSamples::terms)
                .value(ServiceAgreement.class, () -> SlaSamples.agreements(12).get(0))
                .value(ServiceClassTable.class, ServiceClassTable::seedDefaults)
                .value(ServiceClassTerms.class, () -> ServiceClassTable.seedDefaults().terms(ServiceClass.A))
                .value(ServiceLevelAgreementSnapshot.class, () -> SlaSamples.inForce(new SlaId("SLA-1")).snapshot())
                .instance(ServiceLevelAgreement.class, () -> SlaSamples.inForce(new SlaId("SLA-1")));
        tester.argument(ServiceLevelAgreement.class, "draft", "agreements", () -> SlaSamples.agreements(12))
                .argument(ServiceLevelAgreement.class, "amend", "approver", () -> SlaSamples.GENERAL_MANAGER)
                .argument(ServiceLevelAgreement.class, "amend", "requester", () -> SlaSamples.MARKETING);
        // work orders: fault tickets
        tester.value(FaultTicketId.class, () -> new FaultTicketId("FT-1"))
                .value(FaultStation.class, () -> new FaultStation("ST-1"))
                .value(FaultCause.class, () -> new FaultCause("FIBRE-CUT"))
                .value(TicketClockTargets.class, DomainSamples::ticketClockTargets)
                .value(TicketClockPolicy.class, DomainSamples::ticketClockPolicy)
                .value(TicketClock.class, () -> faultTicket().responseClock())
                .value(FaultTicketSnapshot.class, () -> faultTicket().snapshot())
                .instance(FaultTicket.class, DomainSamples::faultTicket)
                .argument(FaultTransition.class, NullArgumentsTester.CONSTRUCTOR, "from", () -> FaultTicketState.DIAGNOSED)
                .argument(FaultTransition.class, NullArgumentsTester.CONSTRUCTOR, "to", () -> FaultTicketState.DISPATCHED)
                .argument(FaultTransition.class, NullArgumentsTester.CONSTRUCTOR, "cause", () -> null)
                .argument(FaultStatistics.class, NullArgumentsTester.CONSTRUCTOR, "resolved", () -> 0)
                .argument(FaultStatistics.class, NullArgumentsTester.CONSTRUCTOR, "responseBreached", () -> 0)
                .argument(FaultStatistics.class, NullArgumentsTester.CONSTRUCTOR, "resolutionBreached", () -> 0)
                .argument(TicketClockPolicy.class, NullArgumentsTester.CONSTRUCTOR, "byPriority",
                        () -> ticketClockPolicy().byPriority())
                .argument(TicketClockPolicy.class, "byPriority", "byPriority", () -> ticketClockPolicy().byPriority());
        // resources
        tester.value(PoolId.class, () -> new PoolId("P-1"))
                .value(ReservationId.class, () -> new ReservationId("R-1"))
                .value(AllocationId.class, () -> new AllocationId("L-1"))
                .value(ResourceType.class, () -> ResourceType.DDN_PORT)
                .value(PoolLocation.class, () -> new PoolLocation(NETWORK, "EXCH-1"))
                .value(UnitSet.class, () -> UnitSet.of(1, 2))
                .value(UnitRange.class, () -> new UnitRange(1, 2))
                .value(PoolMovement.class, () -> new PoolMovement(1, AT, 10, 0, 2))
                .value(ReservationTerms.class, () -> new ReservationTerms(ACCOUNT, ReservationPurpose.ORDER, "ORD-1", 2,
                        AT, AT.plusSeconds(86_400), AT.plusSeconds(3_600)))
                .value(CoolingUnits.class, () -> new CoolingUnits(new AllocationId("L-1"), UnitSet.of(1, 2), AT))
                .value(ResourcePoolSnapshot.class, () -> resourcePool().snapshot())
                .value(ReservationSnapshot.class, () -> reservation().snapshot())
                .instance(ResourcePool.class, DomainSamples::resourcePool)
                .instance(Reservation.class, DomainSamples::reservation);
        // budgets
        tester.value(BudgetId.class, () -> new BudgetId("B-1"))
                .value(OrgUnit.class, () -> OrgUnit.province(new OrgUnitId("JS")))
                .value(BudgetTargets.class, () -> BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS")), 2026, null,
                        Money.cny("1000.00")))
                .value(BudgetSnapshot.class, () -> budget().snapshot())
                .instance(Budget.class, DomainSamples::budget);
        // customer priority
        tester.value(AccountResultFactId.class, () -> new AccountResultFactId("F-1"))
                .value(AccountResultFact.class, DomainSamples::accountResultFact)
                .value(Segment.class, Segment::all)
                .value(GrowthBasis.class, () -> GrowthBasis.SAME_PERIOD_LAST_YEAR)
                .value(RankingWeights.class, () -> RankingWeights.EQUAL)
                .value(AccountResult.class, () -> AccountResult.summarise(List.of(accountResultFact()), List.of(), Segment.all()).get(0))
                .value(RankedAccount.class, () -> priorityRanking().entries().get(0))
                .value(PriorityRankingId.class, () -> new PriorityRankingId("2026-03.all"))
                .value(PriorityRankingSnapshot.class, () -> priorityRanking().snapshot())
                .value(ServiceTierBand.class, () -> new ServiceTierBand("PLATINUM", 1, 10, new BigDecimal("0.5"), new BigDecimal("0.5")))
                .value(ServiceTierTable.class, () -> ServiceTierTable.of(
                        new ServiceTierBand("PLATINUM", 1, 10, new BigDecimal("0.5"), new BigDecimal("0.5"))))
                .value(ServicePriority.class, () -> ServicePriority.STANDARD)
                .instance(PriorityRanking.class, DomainSamples::priorityRanking);
        return tester;
    }

    /**
     * One of billing's result facts: the sample account's DDN revenue and profit in the sample month.
     *
     * @return the fact
     */
    public static AccountResultFact accountResultFact() {
        return new AccountResultFact(new AccountResultFactId("F-1"), ACCOUNT, Period.month(MONTH), new ProductCode("DDN"),
                Industry.FINANCE, Money.cny("1000.00"), Money.cny("300.00"), AT);
    }

    /**
     * The ranking of all accounts in the sample month, with the sample account alone.
     *
     * @return the recorded ranking (never saved)
     */
    public static PriorityRanking priorityRanking() {
        return PriorityRanking.record(Period.month(MONTH), Segment.all(), RankingWeights.EQUAL, GrowthBasis.SAME_PERIOD_LAST_YEAR,
                AccountResult.summarise(List.of(accountResultFact()), List.of(), Segment.all()), AT);
    }

    /**
     * A spare stock with five units on hand, one of them reserved for {@code FT-1}, one under repair.
     *
     * @return the stock
     */
    public static SpareStock spareStock() {
        SpareStock stock = SpareStock.create(
                new SpareStockId("D-1:P-1"));
        stock.receive(5, AT);
        stock.reserve(new SpareReservationRef("FT-1"), 1, AT);
        stock.returnFaulty(1, AT);
        return stock;
    }

    /**
     * Clock targets of one hour to respond and eight to resolve.
     *
     * @return the targets
     */
    public static TicketClockTargets ticketClockTargets() {
        return new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8));
    }

    /**
     * The same targets for every priority, warning at 80 %.
     *
     * @return the policy
     */
    public static TicketClockPolicy ticketClockPolicy() {
        Map<FaultPriority, TicketClockTargets> table = new java.util.EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            table.put(p, ticketClockTargets());
        }
        return TicketClockPolicy.byPriority(table);
    }

    /**
     * A fault of the sample account reported at {@link #AT} on all-day time.
     *
     * @return the ticket
     */
    public static FaultTicket faultTicket() {
        return FaultTicket.report(new FaultTicketId("FT-1"), ACCOUNT, PRODUCT, FaultSource.CALL_CENTRE,
                FaultPriority.HIGH, Optional.empty(), "line down", ticketClockPolicy(), Actor.accountManager(USER),
                new AllDaysCalendar(ZONE), AT);
    }

    /**
     * A pool of ten DDN ports, opened an hour before {@link #AT}.
     *
     * @return the pool
     */
    public static ResourcePool resourcePool() {
        return ResourcePool.open(new PoolId("P-1"), ResourceType.DDN_PORT, new PoolLocation(NETWORK, "EXCH-1"), 10,
                Duration.ZERO, AT.minusSeconds(3_600));
    }

    /**
     * A reservation of two ports of {@link #resourcePool()}, made an hour before {@link #AT} and
     * held until a day after it.
     *
     * @return the reservation, in progress
     */
    public static Reservation reservation() {
        return resourcePool().reserve(new ReservationId("R-1"), new ReservationTerms(ACCOUNT, ReservationPurpose.ORDER,
                "ORD-1", 2, AT, AT.plusSeconds(2 * 86_400), AT.plusSeconds(86_400)), AT.minusSeconds(3_600));
    }

    /**
     * The sample budget: the province's, its targets just set.
     *
     * @return the budget
     */
    public static Budget budget() {
        return Budget.setTargets(new BudgetId("B-1"), BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS")), 2026, null,
                Money.cny("1000.00")), USER, "sample", AT);
    }

    /**
     * A calendar of weekdays from nine to five.
     *
     * @return the calendar
     */
    public static WeeklyCalendar weeklyCalendar() {
        return WeeklyCalendar.builder(ZONE).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
    }

    /**
     * January's spend of the sample account.
     *
     * @return the fact
     */
    public static SpendFact spendFact() {
        return SpendFact.original(new SpendFactId("F-1"), ACCOUNT, NETWORK, MONTH, Money.cny("900000.00"), AT);
    }

    /**
     * The sample account, registered as a prospect.
     *
     * @return a fresh account with its registration pending
     */
    public static KeyAccount keyAccount() {
        return KeyAccount.register(ACCOUNT, "Suzhou Bank", NETWORK, Industry.FINANCE, USER, AT);
    }

    /** The sample account after a classification run gave it a tier. */
    private static KeyAccountSnapshot keyAccountClassified() {
        KeyAccount account = keyAccount();
        account.classify(Tier.LOCAL, SeedMinimums.suzhou().name(), DATE, USER, AT);
        return account.snapshot();
    }

    /**
     * The sample account's plan for 2026.
     *
     * @return a fresh plan
     */
    public static AccountPlan accountPlan() {
        return AccountPlan.draw(new AccountPlanId("P-1"), ACCOUNT, NETWORK, Year.of(2026), Money.cny("1200000.00"), USER, AT);
    }

    /**
     * The sample classification run of the Suzhou network.
     *
     * @return the result
     */
    public static ClassificationResult classificationResult() {
        return Reclassification.run(NETWORK, DATE, AssessmentWindow.endingBefore(DATE, 6), List.of(spendFact()),
                SeedMinimums.suzhou(), NationalList.empty());
    }

    /**
     * A 10% discount on the sample product for the sample account.
     *
     * @return the offer
     */
    public static PriceOffer offer() {
        return new PriceOffer(ACCOUNT, PRODUCT, Money.cny("100.00"), Money.cny("90.00"));
    }

    /**
     * An authority matrix of 5%, 15% and 30% for the three approving roles up the line.
     *
     * @return the matrix
     */
    public static AuthorityMatrix matrix() {
        return AuthorityMatrix.of(Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
                Role.INDUSTRY_MANAGER, new BigDecimal("0.15"), Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30")));
    }

    /**
     * An empty floor price list.
     *
     * @return a fresh list
     */
    public static FloorPriceList floorPriceList() {
        return FloorPriceList.create(new FloorPriceListId("FL-1"));
    }

    /**
     * The sample account manager's open request for the sample offer.
     *
     * @return a fresh request
     */
    public static PriceAuthorisation priceAuthorisation() {
        return PriceAuthorisation.request(new PriceAuthorisationId("PA-1"), offer(), Actor.accountManager(USER),
                "sample", floorPriceList(), matrix(), AT);
    }

    private static AccountRegistered registered() {
        return new AccountRegistered(new EventId(UUID.fromString("00000000-0000-4000-8000-000000000003")), AT, ACCOUNT,
                NETWORK, "Suzhou Bank", Industry.FINANCE, USER);
    }

}
