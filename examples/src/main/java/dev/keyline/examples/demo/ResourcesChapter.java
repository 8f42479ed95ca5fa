package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.Availability;
import dev.keyline.domain.resource.InvestmentRequested;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.ScarcityBreakpoint;
import dev.keyline.domain.resource.ScarcityPriceCurve;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.resource.AccountHoldings;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.spi.OutboxEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.examples.report.Block;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Network resources (资源调配) in Suzhou in January 2026, through the runtime's {@link ResourcePools}:
 * in the pool of DDN ports the network centre opened at an exchange ({@link SlaOrdersChapter}), the
 * marketing service centre reserves ports (预占)
 * for three orders; one reservation is not allocated in time and expires through its outbox timer,
 * its ports returning to the pool; the leasing price follows the pool's utilisation on the host's
 * scarcity curve; the others are allocated; a customer exits and the area's reaction to {@code account.exited}
 * releases exactly its ports; a reservation beyond the free ports is rejected and asks for
 * emergency construction, and a forecast beyond them for rolling investment. Utilisation is charted per
 * pool at each step, read back from the stored movements, and time-weighted over the chapter; the spare-parts depot runs its daily check and draws
 * next month's plan ({@link SparePartsStep}).
 */
public final class ResourcesChapter implements DemoChapter {

    /** The network centre's manager (网络中心经理), who runs the pool. */
    public static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("qian.feng"), Role.NETWORK_CENTRE_MANAGER);

    /** The manager of the Guanqian transmission station (工位经理), whose team repairs faults with spare parts. */
    public static final Actor STATION = Actor.withRoles(new UserId("he.lin"), Role.STATION_MANAGER);

    /** The marketing service centre's manager (营销服务中心经理), who reserves for orders. */
    public static final Actor MARKETING = Actor.withRoles(new UserId("lu.yun"), Role.MARKETING_MANAGER);

    /** The pool of DDN ports at the Guanqian exchange. */
    public static final PoolId POOL = new PoolId("SZ-DDN-GUANQIAN");

    /** Where the pool is. */
    public static final PoolLocation LOCATION = new PoolLocation(SeedMinimums.SUZHOU, "GUANQIAN-EXCH");

    /** How many ports the pool starts with. */
    public static final long CAPACITY = 12;

    /** How long released ports rest before they are given again. */
    public static final Duration COOL_DOWN = Duration.ofDays(1);

    /** The trading house, a Wuxi key account with a branch in Suzhou, that takes ports and then exits. */
    public static final AccountId TRADING_HOUSE = new AccountId("WX-TRADE-0901");

    /** Wuxi, the trading house's local network. */
    public static final LocalNetworkId WUXI = new LocalNetworkId("WX");

    /** The reservation of the national account's first order. */
    public static final ReservationId FIRST_ORDER = new ReservationId("RES-SZ-2026-101");
    /** The reservation of the trading house's order. */
    public static final ReservationId TRADING_ORDER = new ReservationId("RES-SZ-2026-102");
    /** The reservation that is never allocated and expires. */
    public static final ReservationId LAPSING_ORDER = new ReservationId("RES-SZ-2026-103");
    /** The reservation beyond the free ports, rejected. */
    public static final ReservationId TOO_LARGE = new ReservationId("RES-SZ-2026-104");

    /** The price of leasing a network element for a month, before scarcity (网元出租). */
    public static final Money LEASE_BASE_PRICE = Money.cny("1000.00");

    /**
     * The host's scarcity curve of network-element leasing (the seed's 稀缺定价): the base price up to
     * half use, 1.5 times at 80 %, 3 times at 95 %, piecewise linear in between.
     */
    public static final ScarcityPriceCurve LEASING = ScarcityPriceCurve.of(List.of(ScarcityBreakpoint.at("0.5", "1"),
            ScarcityBreakpoint.at("0.8", "1.5"), ScarcityBreakpoint.at("0.95", "3")));

    /** The start of the caption of the chapter's chart of utilisation per pool. */
    public static final String UTILISATION_CHART = "Utilisation per pool at";

    /** The caption of the table of the chart's figures. */
    public static final String UTILISATION_TABLE = "Utilisation per pool at each step of the chapter";

    /** The name of the chart's line at full capacity. */
    public static final String FULL = "full capacity";

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A resources chapter. */
    public ResourcesChapter() {
    }

    @Override
    public String title() {
        return "Network resources";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        ResourcePools resources = ResourcePools.on(context.keyline());
        KeyAccounts accounts = KeyAccounts.on(context.keyline());
        AccountId national = KeyAccountsChapter.planAccount(Reclassifications.on(context.keyline())).account();
        ZoneId zone = context.clock().getZone();

        Instant opened = context.moveTo(LocalDateTime.of(2026, 1, 13, 9, 0));
        List<Instant> moments = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        moments.add(opened);
        labels.add("start");
        accounts.register(DemoStaff.SUZHOU_GENERAL_MANAGER, TRADING_HOUSE, "Wuxi Silk Road Trading Co.", WUXI,
                Industry.COMMERCE_TRADE);

        context.clock().advance(Duration.ofHours(1));
        reserve(resources, context, FIRST_ORDER, national, "ORD-SZ-2026-1101", 4, Duration.ofDays(2));
        reserve(resources, context, TRADING_ORDER, TRADING_HOUSE, "ORD-SZ-2026-1102", 3, Duration.ofDays(2));
        reserve(resources, context, LAPSING_ORDER, national, "ORD-SZ-2026-1103", 2, Duration.ofDays(1));
        moments.add(context.clock().instant());
        labels.add("reserved");
        context.clock().advance(Duration.ofHours(3));
        resources.allocate(NETWORK_CENTRE, FIRST_ORDER, new dev.keyline.domain.resource.AllocationId("ALLOC-101"), 4);
        resources.allocate(NETWORK_CENTRE, TRADING_ORDER, new dev.keyline.domain.resource.AllocationId("ALLOC-102"), 3);
        moments.add(context.clock().instant());
        labels.add("allocated");

        context.clock().advance(Duration.ofDays(1));
        context.deliverNotifications("a reservation's expiry timer fell due");
        ReservationSnapshot lapsed = resources.findReservation(LAPSING_ORDER).orElseThrow();
        if (lapsed.state() != ReservationState.EXPIRED) {
            throw new InvalidStateException("the expiry timer left " + LAPSING_ORDER + " " + lapsed.state());
        }
        Availability beforeExit = resources.checkAvailability(POOL);
        BigDecimal utilisation = resources.utilisationAt(POOL, context.clock().instant()).orElseThrow();
        Money leasePrice = LEASING.priceAt(LEASE_BASE_PRICE, utilisation);
        moments.add(context.clock().instant());
        labels.add("expired");

        UnitSet tradingUnits = resources.holdingsOf(TRADING_HOUSE).get(0).units();
        context.clock().advance(Duration.ofHours(2));
        accounts.exit(DemoStaff.SUZHOU_GENERAL_MANAGER, TRADING_HOUSE, "closed its Suzhou branch");
        context.deliverNotifications("a key account exited");
        if (!resources.holdingsOf(TRADING_HOUSE).isEmpty()) {
            throw new InvalidStateException("the exit left ports with " + TRADING_HOUSE);
        }
        Availability afterExit = resources.checkAvailability(POOL);
        moments.add(context.clock().instant());
        labels.add("exit");
        if (afterExit.cooling() != tradingUnits.size() || afterExit.allocated() != beforeExit.allocated() - tradingUnits.size()) {
            throw new InvalidStateException("the exit did not release exactly the trading house's " + tradingUnits
                    + ": " + beforeExit + " then " + afterExit);
        }

        context.clock().advance(Duration.ofHours(1));
        ReservationSnapshot rejected = reserve(resources, context, TOO_LARGE, national, "ORD-SZ-2026-1104", 8,
                Duration.ofDays(2));
        if (rejected.state() != ReservationState.REJECTED) {
            throw new InvalidStateException("a reservation beyond the free ports was " + rejected.state());
        }
        long shortfall = resources.forecastShortfall(NETWORK_CENTRE, POOL, 20,
                "2025 forecast for the Suzhou Industrial Park's new tenants");
        Instant end = context.clock().advance(Duration.ofHours(1));
        context.deliverNotifications("network resources");
        moments.add(end);
        labels.add("end");
        BigDecimal weighted = resources.utilisationOver(POOL, opened, end).orElseThrow();
        SparePartsStep.Outcome spares = SparePartsStep.run(context.keyline(), NETWORK_CENTRE, STATION);
        context.deliverNotifications("spare parts");

        out.paragraph("The seed wants resources allocated against market forecasts and real orders, reserved (预占) "
                + "before provisioning, released when a customer leaves, and a shortfall turned into a request for "
                + "rolling investment or emergency construction. Keyline's rule: for every pool, allocated + reserved "
                + "(+ ports resting after release) ≤ capacity, no port is ever held twice, and a reservation expires at "
                + "its deadline and gives back what it had not allocated. The network centre (" + NETWORK_CENTRE.user()
                + ") runs pool " + POOL + " of " + CAPACITY + " DDN ports at " + LOCATION + " with a cool-down of "
                + COOL_DOWN.toDays() + " day; the marketing service centre (" + MARKETING.user() + ") reserves ports for "
                + "orders of " + national + " and of " + TRADING_HOUSE + ", a Wuxi trading house with a branch in Suzhou.");

        out.heading("Reservations");
        List<List<String>> rows = new ArrayList<>();
        for (ReservationId id : List.of(FIRST_ORDER, TRADING_ORDER, LAPSING_ORDER, TOO_LARGE)) {
            ReservationSnapshot r = resources.findReservation(id).orElseThrow();
            rows.add(List.of(id.value(), r.holder().value(), r.purpose() + " " + r.reference(),
                    String.valueOf(r.requested()), String.valueOf(r.allocated()), Figures.time(r.expiresAt(), zone),
                    r.state().name(), r.reason() == null ? "" : r.reason()));
        }
        out.table("Reservations in pool " + POOL, List.of("Reservation", "Account", "For", "Ports", "Allocated",
                "Expires", "State", "Reason"), rows);
        out.fact("Expired by its timer", LAPSING_ORDER + ": reserving it wrote a timer in the outbox due at its expiry, "
                + Figures.time(lapsed.expiresAt(), zone) + "; the relay delivered it then and the area's reaction gave its "
                + lapsed.requested() + " unallocated ports back to the pool");
        out.fact("Utilisation before the exit", Figures.percent(utilisation) + " (" + beforeExit.allocated() + " of "
                + beforeExit.capacity() + " ports allocated)");
        out.fact("Leasing price at this utilisation", leasePrice.amount().toPlainString() + " "
                + leasePrice.currency().getCurrencyCode() + " a month for a network element (base "
                + LEASE_BASE_PRICE.amount().toPlainString() + "; the host's scarcity curve " + LEASING + ")");

        out.heading("An exit releases the account's ports");
        out.fact("Ports the trading house held", tradingUnits.toString());
        out.fact("After its account.exited reached the resource area",
                afterExit.cooling() + " ports resting until the cool-down is over, " + afterExit.available()
                        + " free, " + afterExit.allocated() + " allocated");

        out.heading("Shortfalls");
        List<List<String>> requests = new ArrayList<>();
        for (OutboxEntry entry : context.outbox()) {
            if (entry.message().type().equals(InvestmentRequested.TYPE)) {
                requests.add(List.of(entry.message().audience().subject()));
            }
        }
        out.table("Investment requests raised", List.of("Request"), requests);
        out.fact("Forecast shortfall", shortfall + " ports");
        out.fact("Time-weighted utilisation over the chapter", Figures.percent(weighted) + " (allocated port-hours over "
                + "capacity port-hours from " + Figures.time(opened, zone) + " to " + Figures.time(end, zone) + ")");
        AccountHoldings nationalHoldings = resources.holdingsOf(national).get(0);
        out.fact("Held by " + national, nationalHoldings.units().size() + " ports " + nationalHoldings.units());
        Block.LineChart utilisationChart = utilisationChart(resources, moments, labels);
        out.heading("Utilisation per pool");
        out.chart(utilisationChart);
        List<String> headers = new ArrayList<>(List.of("Step", "At"));
        List<Block.Series> pools = utilisationChart.series().stream().filter(line -> !line.name().equals(FULL)).toList();
        pools.forEach(line -> headers.add(line.name() + " (%)"));
        List<List<String>> utilisationRows = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            List<String> row = new ArrayList<>(List.of(labels.get(i), Figures.time(moments.get(i), zone)));
            for (Block.Series line : pools) {
                row.add(line.values().get(i).toPlainString());
            }
            utilisationRows.add(row);
        }
        out.table(UTILISATION_TABLE, headers, utilisationRows);
        out.heading("Spare parts");
        for (String line : spares.lines()) {
            out.paragraph(line);
        }
        out.summary("a reservation expired by its timer; the exit of " + TRADING_HOUSE + " released its "
                + tradingUnits.size() + " ports through the reaction; utilisation " + Figures.percent(utilisation)
                + " (leasing " + leasePrice.amount().toPlainString() + "); an emergency and a rolling investment request; "
                + spares.check().raised().size() + " spare parts below their minimum");
    }

    /**
     * The utilisation of every DDN port pool at {@link #LOCATION} at each step of the chapter, read
     * back from the stored pool movements, against a line at full capacity.
     */
    private static Block.LineChart utilisationChart(ResourcePools resources, List<Instant> moments, List<String> labels) {
        List<Block.Series> series = new ArrayList<>();
        for (ResourcePoolSnapshot pool : resources.pools(LOCATION, ResourceType.DDN_PORT)) {
            List<BigDecimal> values = new ArrayList<>();
            for (Instant moment : moments) {
                values.add(resources.utilisationAt(pool.id(), moment).orElse(BigDecimal.ZERO)
                        .multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN));
            }
            series.add(new Block.Series(pool.id().value(), values));
        }
        series.add(new Block.Series(FULL, java.util.Collections.nCopies(moments.size(), HUNDRED)));
        return new Block.LineChart(UTILISATION_CHART + " " + LOCATION + " (%, allocated units over capacity)",
                labels, series);
    }

    private static ReservationSnapshot reserve(ResourcePools resources, DemoContext context, ReservationId id,
            AccountId holder, String order, long ports, Duration held) {
        Instant now = context.clock().instant();
        return resources.reserve(MARKETING, POOL, id, new ReservationTerms(holder, ReservationPurpose.ORDER, order, ports,
                now, now.plus(Duration.ofDays(365)), now.plus(held)));
    }
}
