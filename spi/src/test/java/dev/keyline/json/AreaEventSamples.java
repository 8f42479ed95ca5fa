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
    final dev.keyline.domain.workorder.FaultTicket fault;
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

        fault = faultStory();
        events.addAll(fault.pendingEvents());
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

    private static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }
}
