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
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One story through the key-account, authority and budget (CAPEX) areas that raises every event
 * type of them at least once, with the aggregates it leaves behind, for JSON round-trip tests.
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
    final CapexProject capex;
    final List<DomainEvent> events = new ArrayList<>();

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

        Actor networkCentre = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
        Actor generalManager = Actor.withRoles(new UserId("zhou"), Role.GENERAL_MANAGER);
        CapexCapacity fibre = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48);
        capex = CapexProject.proposeFor(new CapexProjectId("CP-1"), new CapexRequestRef("REQ-1"), CapexKind.ROLLING,
                "fibre ring Suzhou industrial park", SUZHOU, List.of(fibre), "pool short by 48 fibres", at(1));
        capex.startFeasibility(networkCentre, "route survey", at(2));
        capex.approve(generalManager, new CapexBudgetLine("BUD-SZ-2026", "CAPEX-NET"), Money.cny("100000.00"),
                new CapexSchedule(at(10), at(30)), "company meeting", at(3));
        capex.bookCommitment(networkCentre, "PO-1", Money.cny("60000.00"), at(4));
        capex.flagOverdue(at(11));
        capex.startConstruction(networkCentre, "contractor on site", at(12));
        capex.releaseCommitment(networkCentre, "PO-1", Money.cny("38000.00"), at(15));
        capex.bookActual(networkCentre, "INV-1", Money.cny("38000.00"), at(15));
        capex.accept(networkCentre, List.of(fibre), true, 24, "passed at the first inspection", at(20));
        events.addAll(capex.pendingEvents());
    }

    private static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }
}
