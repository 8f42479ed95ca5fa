package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPrice;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.spi.OutboxEntry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Access scope and commercial authorisation (商务授权) in Suzhou, through the runtime's
 * {@link PriceAuthorisations} and {@link KeyAccounts} services: the financial manager (财务经理)
 * sets floor prices (底价); an offer below the floor price is approved by the financial manager and
 * the department general manager (大客户部总经理); an approver whose authority in the matrix does not
 * cover a discount is refused; an account manager (客户经理) who tries to change a colleague's
 * account is refused, and nothing changes.
 */
public final class CommercialAuthorisationChapter implements DemoChapter {

    /** The authority matrix: each role's largest discount off list price. */
    public static final AuthorityMatrix MATRIX = AuthorityMatrix.of(Map.of(
            Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
            Role.INDUSTRY_MANAGER, new BigDecimal("0.15"),
            Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30")));

    /** Suzhou's floor price list. */
    public static final FloorPriceListId FLOOR_PRICES = new FloorPriceListId("SZ");

    /** The product of the second request: an MPLS VPN. */
    public static final ProductCode MPLS_VPN = new ProductCode("MPLS-VPN");

    /** The first request, below the floor price. */
    public static final PriceAuthorisationId BELOW_FLOOR = new PriceAuthorisationId("PA-SZ-2024-001");

    /** The second request, above the floor price but beyond an industry manager's authority. */
    public static final PriceAuthorisationId BEYOND_INDUSTRY_MANAGER = new PriceAuthorisationId("PA-SZ-2024-002");

    private static final Money DDN_LIST = Money.cny("10000.00");
    private static final Money DDN_FLOOR = Money.cny("8000.00");
    private static final Money DDN_OFFER = Money.cny("7200.00");
    private static final Money VPN_LIST = Money.cny("20000.00");
    private static final Money VPN_FLOOR = Money.cny("15000.00");
    private static final Money VPN_OFFER = Money.cny("16400.00");

    /** An access and commercial authorisation chapter. */
    public CommercialAuthorisationChapter() {
    }

    @Override
    public String title() {
        return "Access and commercial authorisation";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        KeyAccounts accounts = KeyAccounts.on(context.keyline());
        PriceAuthorisations prices = PriceAuthorisations.on(context.keyline(), MATRIX);
        AccountId account = KeyAccountsChapter.planAccount(Reclassifications.on(context.keyline())).account();
        KeyAccountSnapshot customer = accounts.get(account);
        Actor manager = DemoStaff.accountManagerOf(accounts, account);
        Actor industryManager = DemoStaff.industryManagerFor(customer.industry());
        Actor general = DemoStaff.SUZHOU_GENERAL_MANAGER;
        Actor finance = DemoStaff.FINANCIAL_MANAGER;
        ZoneId zone = context.clock().getZone();

        context.moveTo(LocalDateTime.of(2024, 11, 5, 9, 0));
        prices.setFloorPrice(finance, FLOOR_PRICES, KeyAccountsChapter.DDN, DDN_FLOOR);
        prices.setFloorPrice(finance, FLOOR_PRICES, MPLS_VPN, VPN_FLOOR);

        prices.request(manager, BELOW_FLOOR, new PriceOffer(account, KeyAccountsChapter.DDN, DDN_LIST, DDN_OFFER),
                FLOOR_PRICES, "a competitor quotes 7,300 CNY for the disaster-recovery circuit");
        later(context);
        prices.approve(finance, BELOW_FLOOR, "the margin stays positive over a three-year term");
        later(context);
        prices.approve(general, BELOW_FLOOR, "keeps the second site of a national account with us");

        later(context);
        prices.request(manager, BEYOND_INDUSTRY_MANAGER, new PriceOffer(account, MPLS_VPN, VPN_LIST, VPN_OFFER),
                FLOOR_PRICES, "a three-site VPN for the customer's new branches");
        later(context);
        PriceAuthorisationSnapshot beforeRefusal = prices.find(BEYOND_INDUSTRY_MANAGER).orElseThrow();
        String exceeded;
        try {
            prices.approve(industryManager, BEYOND_INDUSTRY_MANAGER, "an important customer of my industry");
            throw new InvalidStateException("an industry manager approved a discount beyond the matrix");
        } catch (AuthorityExceededException e) {
            exceeded = e.getMessage();
        }
        if (!prices.find(BEYOND_INDUSTRY_MANAGER).orElseThrow().equals(beforeRefusal)) {
            throw new InvalidStateException("the refused approval changed the request");
        }
        later(context);
        prices.approve(general, BEYOND_INDUSTRY_MANAGER, "the volume of three sites justifies it");

        later(context);
        Actor colleague = DemoStaff.accountManagersOf(SeedMinimums.SUZHOU).stream()
                .filter(u -> !manager.is(u)).findFirst().map(u -> DemoStaff.accountManager(u)).orElseThrow();
        KeyAccountSnapshot beforeTakeOver = accounts.get(account);
        List<OutboxEntry> outboxBefore = context.outbox();
        String notAuthorised;
        try {
            accounts.assignManager(colleague, account, colleague.user());
            throw new InvalidStateException("an account manager took over a colleague's account");
        } catch (NotAuthorisedException e) {
            notAuthorised = e.getMessage();
        }
        if (!accounts.get(account).equals(beforeTakeOver) || !context.outbox().equals(outboxBefore)) {
            throw new InvalidStateException("the refused take-over changed the account or the outbox");
        }
        context.deliverNotifications("commercial authorisation");

        out.paragraph("The seed asks for quick commercial authorisation (商务授权) centred on the market: price and "
                + "discount authority by role, with a floor price (底价) set by the financial manager. Keyline's rule: an "
                + "authority matrix gives each role its largest discount off list price; an offer below the floor "
                + "price always needs the financial manager and the department general manager, whatever the matrix "
                + "says; every decision is recorded with who, when, why and on what authority. Access to an account "
                + "follows the roles too: an account manager changes only the accounts assigned to them. Everything "
                + "runs through PriceAuthorisations and KeyAccounts; the requests are for " + account + ", "
                + customer.name() + ", whose account manager is " + manager.user() + ".");

        out.heading("Authority and floor prices");
        List<List<String>> matrix = new ArrayList<>();
        for (Map.Entry<Role, BigDecimal> entry : MATRIX.maximumDiscounts().entrySet()) {
            matrix.add(List.of(entry.getKey() + " (" + entry.getKey().seedTerm() + ")",
                    Figures.percent(entry.getValue())));
        }
        matrix.add(List.of(Role.FINANCIAL_MANAGER + " (" + Role.FINANCIAL_MANAGER.seedTerm() + ")",
                "none in the matrix; sets floor prices and is one of the two approvers below them"));
        out.table("The authority matrix", List.of("Role", "Largest discount off list price"), matrix);
        List<List<String>> floors = new ArrayList<>();
        for (FloorPrice floor : prices.floorPrices(FLOOR_PRICES).orElseThrow().history()) {
            Money list = floor.product().equals(MPLS_VPN) ? VPN_LIST : DDN_LIST;
            floors.add(List.of(floor.product().value(), Figures.cny(list), Figures.cny(floor.price()),
                    floor.setBy().value(), Figures.time(floor.setAt(), zone)));
        }
        out.table("Floor prices in list " + FLOOR_PRICES + " (CNY a month)", List.of("Product", "List price",
                "Floor price", "Set by", "At"), floors);

        out.heading("Two price requests");
        List<List<String>> requests = new ArrayList<>();
        List<List<String>> decisions = new ArrayList<>();
        for (PriceAuthorisationId id : List.of(BELOW_FLOOR, BEYOND_INDUSTRY_MANAGER)) {
            PriceAuthorisationSnapshot request = prices.find(id).orElseThrow();
            if (request.state() != PriceAuthorisationState.APPROVED) {
                throw new InvalidStateException("request " + id + " ended " + request.state());
            }
            Optional<Money> floor = Optional.ofNullable(request.floorPrice());
            requests.add(List.of(id.value(), request.product().value(), Figures.cny(request.listPrice()),
                    Figures.cny(request.offeredPrice()), Figures.percent(discount(request)),
                    floor.map(Figures::cny).orElse("none"),
                    floor.map(f -> request.offeredPrice().isLessThan(f) ? "yes" : "no").orElse("no"),
                    request.requestedBy().value(), Figures.role(request.addressedTo().name()), request.state().name()));
            for (PriceDecision decision : request.decisions()) {
                decisions.add(List.of(id.value(), decision.decidedBy().value(),
                        decision.roleIfAny().map(r -> Figures.role(r.name())).orElse("-"),
                        decision.kind().name().toLowerCase(Locale.ROOT),
                        decision.maximumDiscountIfAny().map(Figures::percent).orElse("n/a: below the floor"),
                        Figures.time(decision.decidedAt(), zone), decision.reason()));
            }
        }
        out.table("Requests (CNY a month)", List.of("Request", "Product", "List", "Offered", "Discount", "Floor",
                "Below floor", "Requested by", "Addressed to", "State"), requests);
        out.paragraph("The first offer is below the floor price, so it goes to the financial manager and needs the "
                + "department general manager too: the first approval leaves it open, the second approves it. The "
                + "second offer is above its floor price; its 18 % discount is beyond the industry manager's 15 %, so "
                + "it is addressed to the department general manager, the most junior role whose authority covers it.");
        out.table("Decisions recorded on the requests", List.of("Request", "By", "As", "Decision",
                "Authority (largest discount)", "At", "Why"), decisions);

        out.heading("Refused: beyond a role's authority, outside an account manager's scope");
        out.paragraph("Before the department general manager decides the second request, the industry manager "
                + industryManager.user() + " tries to approve it. PriceAuthorisations.approve throws "
                + "AuthorityExceededException and the request stays exactly as it was (state "
                + beforeRefusal.state() + ", version " + beforeRefusal.version() + ", "
                + beforeRefusal.decisions().size() + " decisions):");
        out.preformatted(exceeded);
        out.paragraph("Later the account manager " + colleague.user() + ", whom the stored records name as the "
                + "account manager of " + accounts.accountsManagedBy(colleague.user()).size()
                + " other accounts of Suzhou, tries to make themself the account manager of " + account
                + ". Only an industry manager of the account's industry or a general manager assigns account "
                + "managers, so KeyAccounts.assignManager throws NotAuthorisedException before it changes anything; "
                + "the account's record (version " + beforeTakeOver.version()
                + ", account manager " + beforeTakeOver.accountManager().map(UserId::value).orElse("-")
                + ") and the outbox are unchanged, so nobody hears of the attempt:");
        out.preformatted(notAuthorised);
        out.summary("a below-floor price approved by " + finance.user() + " and " + general.user()
                + "; an industry manager refused beyond 15 %; an account manager refused outside their scope");
    }

    private static void later(DemoContext context) {
        context.clock().advance(Duration.ofMinutes(30));
    }

    private static BigDecimal discount(PriceAuthorisationSnapshot request) {
        return request.listPrice().amount().subtract(request.offeredPrice().amount())
                .divide(request.listPrice().amount(), MathContext.DECIMAL64);
    }
}
