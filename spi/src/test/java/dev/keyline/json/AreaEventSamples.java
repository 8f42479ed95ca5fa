package dev.keyline.json;

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
import java.math.BigDecimal;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One story through the key-account and authority areas that raises every event type of both at
 * least once, with the aggregates it leaves behind, for JSON round-trip tests.
 */
final class AreaEventSamples {

    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    static final UserId WANG = new UserId("wang");
    static final UserId CHEN = new UserId("chen");
    static final AccountId BANK = new AccountId("A-BANK");
    static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    static final ProductCode DDN = new ProductCode("DDN");

    final KeyAccount account;
    final AccountPlan plan;
    final FloorPriceList floors;
    final List<PriceAuthorisation> requests = new ArrayList<>();
    final List<DomainEvent> events = new ArrayList<>();
    final ProvisioningOrder provisioning;

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

        provisioning = provisioningOrder();
        events.addAll(provisioning.pendingEvents());
    }

    /**
     * A two-stage provisioning order taken through every event: the order is held and resumed, the
     * local stage is handed off, runs past its warning and due times, and the customer accepts.
     */
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
