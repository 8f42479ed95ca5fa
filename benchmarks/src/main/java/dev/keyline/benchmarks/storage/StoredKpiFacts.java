package dev.keyline.benchmarks.storage;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A database holding the facts of three computed KPIs, spread over 2026: provisioning orders
 * accepted by the customer (market-response compliance), fault tickets resolved (fault-handling
 * timeliness) and key accounts, half of which exit (churn rate); of every {@value #SEEDS} facts,
 * {@value #ORDERS} orders, {@value #FAULTS} tickets and {@value #ACCOUNTS} accounts.
 *
 * <p>Loading writes {@value #SEEDS} seed aggregates through Keyline's runtime and repositories in
 * one transaction (ids {@code T-0000} and up; times drawn with a fixed seed, so every load stores
 * the same facts), then copies every row of their tables with {@code INSERT ... SELECT} until there
 * are {@code facts} facts, and deletes the seeds: copy {@code r} of seed {@code k} is fact number
 * {@code r * SEEDS + k} ({@code PO-}, {@code FT-} or {@code KA-} and nine digits), identical to its
 * seed but for the id. Each copy is a valid aggregate of Keyline's schema, read back by its
 * repository like any other.
 */
public final class StoredKpiFacts {

    /** The seed aggregates of one load, all kinds together. */
    public static final int SEEDS = 1_000;

    /** Provisioning orders among the seeds. */
    public static final int ORDERS = 400;

    /** Fault tickets among the seeds. */
    public static final int FAULTS = 400;

    /** Key accounts among the seeds. */
    public static final int ACCOUNTS = SEEDS - ORDERS - FAULTS;

    /** The period computed: one month of the year the facts are spread over. */
    public static final Period PERIOD = Period.month(YearMonth.of(2026, 6));

    /** The zone whose local midnights bound the period. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Instant YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MINUTES_IN_YEAR = 365 * 24 * 60;
    private static final BusinessCalendar DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);
    private static final StageId ONLY = new StageId("only");
    private static final StagePlan ONE_DAY = StagePlan.of(List.of(PlannedStage.ofDays(ONLY, BigDecimal.ONE, List.of())));
    private static final Actor CALL_CENTRE = Actor.withRoles(new UserId("li"), Role.ACCOUNT_MANAGER);
    private static final Actor NETWORK = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor STATION = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);
    private static final TicketClockPolicy POLICY = policy();

    /** Each kind's tables (parent first), the column that holds the aggregate's id, and its copies' prefix. */
    private enum Kind {
        ORDER("provisioning_order_id", "PO-", List.of("keyline_provisioning_order", "keyline_provisioning_stage",
                "keyline_provisioning_stage_after", "keyline_provisioning_hand_off")),
        FAULT("ticket_id", "FT-", List.of("keyline_fault_ticket", "keyline_fault_ticket_transition",
                "keyline_fault_clock_transition")),
        ACCOUNT("account_id", "KA-", List.of("keyline_key_account", "keyline_key_account_churn_signal",
                "keyline_key_account_tier_change"));

        final String idColumn;
        final String prefix;
        final List<String> tables;

        Kind(String idColumn, String prefix, List<String> tables) {
            this.idColumn = idColumn;
            this.prefix = prefix;
            this.tables = tables;
        }
    }

    private StoredKpiFacts() {
    }

    private static TicketClockPolicy policy() {
        Map<FaultPriority, TicketClockTargets> table = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            table.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
        }
        return TicketClockPolicy.byPriority(table);
    }

    /** The id of provisioning order {@code n} once loaded. */
    public static String orderId(long n) {
        return Ids.padded("PO-", n);
    }

    /** The id of fault ticket {@code n} once loaded. */
    public static String ticketId(long n) {
        return Ids.padded("FT-", n);
    }

    /** The id of key account {@code n} once loaded. */
    public static String accountId(long n) {
        return Ids.padded("KA-", n);
    }

    /**
     * A new database of {@code database}'s kind holding {@code facts} facts.
     *
     * @param database the kind
     * @param facts the number of facts, a multiple of {@value #SEEDS}
     * @return the fixture; close it to drop the database
     */
    public static Fixture load(Database database, int facts) {
        if (facts <= 0 || facts % SEEDS != 0) {
            throw new IllegalArgumentException("facts must be a positive multiple of " + SEEDS + ", was " + facts);
        }
        Fixture fixture = Fixture.create(database);
        long started = System.nanoTime();
        try {
            writeSeeds(fixture);
            System.out.printf("# seeds written after %.1f s%n", (System.nanoTime() - started) / 1e9);
            copySeeds(fixture, facts / SEEDS);
        } catch (SQLException | RuntimeException e) {
            fixture.close();
            throw new IllegalStateException("loading " + facts + " KPI facts into " + database + " failed", e);
        }
        System.out.printf("# loaded %,d KPI facts into %s in %.1f s%n", facts, database, (System.nanoTime() - started) / 1e9);
        return fixture;
    }

    private static String seedId(int k) {
        return String.format("T-%04d", k);
    }

    private static Instant someTime(Random random) {
        return YEAR.plus(Duration.ofMinutes(random.nextInt(MINUTES_IN_YEAR)));
    }

    /** The seeds, each saved by a command of its own, all in one transaction. */
    private static void writeSeeds(Fixture fixture) {
        Keyline keyline = fixture.keyline();
        ProvisioningOrderRepository orders = fixture.storage().port(ProvisioningOrderRepository.class);
        FaultTicketRepository tickets = fixture.storage().port(FaultTicketRepository.class);
        KeyAccountRepository accounts = fixture.storage().port(KeyAccountRepository.class);
        Random random = new Random(20_260_601L);
        keyline.transactions().run(() -> {
            int k = 0;
            for (int i = 0; i < ORDERS; i++, k++) {
                ProvisioningOrder order = acceptedOrder(seedId(k), random);
                keyline.run(ctx -> ctx.save(orders, order));
            }
            for (int i = 0; i < FAULTS; i++, k++) {
                FaultTicket ticket = resolvedTicket(seedId(k), random);
                keyline.run(ctx -> ctx.save(tickets, ticket));
            }
            for (int i = 0; i < ACCOUNTS; i++, k++) {
                KeyAccount account = keyAccount(seedId(k), random);
                keyline.run(ctx -> ctx.save(accounts, account));
            }
        });
    }

    /**
     * An order of one stage of a day, opened at a random time, done up to two days later and
     * accepted when done or up to ten hours after: about half on time.
     */
    private static ProvisioningOrder acceptedOrder(String id, Random random) {
        Instant start = someTime(random);
        ProvisioningOrder order = ProvisioningOrder.open(new ProvisioningOrderId(id),
                new ProvisioningParties(new AccountId("A-" + random.nextInt(50)), new ProductCode("DDN"),
                        new LocalNetworkId("SZ"), new UserId("am-" + random.nextInt(2)), new UserId("it-" + random.nextInt(2))),
                ONE_DAY, List.of(new StageAssignment(ONLY, new WorkOrderStation("st-1"), new LocalNetworkId("SZ"),
                        new UserId("sm-" + random.nextInt(3)), new UserId("ex-" + random.nextInt(3)))),
                start, DAYS, ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.empty());
        Instant done = start.plus(Duration.ofMinutes(1 + random.nextInt(60 * 48)));
        order.start(ONLY, DAYS, start);
        order.complete(ONLY, done);
        order.accept("customer", random.nextBoolean() ? done : done.plus(Duration.ofMinutes(random.nextInt(600))));
        return order;
    }

    /** A ticket reported at a random time and returned repaired 4 minutes to 16 hours later, against an 8-hour target. */
    private static FaultTicket resolvedTicket(String id, Random random) {
        Instant at = someTime(random);
        FaultTicket ticket = FaultTicket.report(new FaultTicketId(id), new AccountId("A-" + random.nextInt(50)),
                new ProductCode("DDN"), FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(),
                "line down", POLICY, CALL_CENTRE, DAYS, at);
        ticket.diagnose(NETWORK, "card", DAYS, at.plusSeconds(60));
        ticket.dispatch(NETWORK, new FaultStation("ST-1"), "replace it", DAYS, at.plusSeconds(120));
        ticket.startRepair(STATION, "on site", DAYS, at.plusSeconds(180));
        ticket.returnRepaired(NETWORK, new FaultCause("CARD"), "replaced", DAYS,
                at.plus(Duration.ofMinutes(4 + random.nextInt(60 * 16))));
        return ticket;
    }

    /** An account registered at a random time; half of them exit up to 200 days later. */
    private static KeyAccount keyAccount(String id, Random random) {
        Instant registered = someTime(random);
        KeyAccount account = KeyAccount.register(new AccountId(id), "Customer " + id, new LocalNetworkId("SZ"),
                Industry.FINANCE, new UserId("clerk"), registered);
        if (random.nextBoolean()) {
            account.exit("moved to a competitor", new UserId("clerk"),
                    registered.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 200))));
        }
        return account;
    }

    /** Copies every seed row {@code copies} times under new ids, then deletes the seeds and the outbox. */
    private static void copySeeds(Fixture fixture, int copies) throws SQLException {
        Database database = fixture.database();
        String range = database == Database.H2 ? "SYSTEM_RANGE(0, " + (copies - 1) + ") r"
                : "generate_series(0, " + (copies - 1) + ") AS r(x)";
        long started = System.nanoTime();
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (Kind kind : Kind.values()) {
                String newId = "'" + kind.prefix + "' || LPAD(CAST(r.x * " + SEEDS + " + CAST(SUBSTRING(t."
                        + kind.idColumn + ", 3) AS INTEGER) AS VARCHAR), 9, '0')";
                for (String table : kind.tables) {
                    List<String> columns = columns(s, table);
                    StringBuilder select = new StringBuilder();
                    for (String column : columns) {
                        select.append(select.length() == 0 ? "" : ", ")
                                .append(column.equalsIgnoreCase(kind.idColumn) ? newId : "t." + column);
                    }
                    s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select
                            + " FROM " + range + ", " + table + " t WHERE t." + kind.idColumn + " LIKE 'T-%'");
                }
                for (int i = kind.tables.size() - 1; i >= 0; i--) {
                    String table = kind.tables.get(i);
                    s.executeUpdate("DELETE FROM " + table + " WHERE " + kind.idColumn + " LIKE 'T-%'");
                }
                System.out.printf("# %s rows copied after %.1f s%n", kind.name().toLowerCase(Locale.ROOT),
                        (System.nanoTime() - started) / 1e9);
            }
            s.executeUpdate("DELETE FROM keyline_outbox");
            s.execute(database == Database.POSTGRES ? "VACUUM ANALYZE" : "ANALYZE");
        }
    }

    /** A table's columns, in its order. */
    private static List<String> columns(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            return columns;
        }
    }
}
