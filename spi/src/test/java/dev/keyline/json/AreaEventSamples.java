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

/**
 * One story through the key-account, authority and resource areas that raises every event type of them at
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
    }

    private static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }
}
