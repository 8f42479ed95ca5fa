package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
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
import dev.keyline.jdbc.FaultyDataSource.Fault;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import dev.keyline.runtime.staff.Staffings;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.spi.StorageException;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The "Fault" reliability suite on one database: one command of every area runs through the real
 * runtime and the JDBC provider over a {@link FaultyDataSource}, with the database failing at the
 * k-th statement for every k the command reaches (a plain SQL error, a dropped connection, a
 * timeout) and at its commit (the connection drops). Each time the caller gets a
 * {@link StorageException} carrying the SQL state, every Keyline table (aggregates, their child
 * rows and the outbox) holds exactly what it held before, and once the database answers again
 * the same command, with the same ids, succeeds. An area joins the suite with one entry in
 * {@link #AREAS}.
 */
abstract class FaultInjectionContract {

    /** Every area's command under fault: a set-up run once without faults, then the command n. */
    private record AreaCommand(String area, Setup setup, Command command) {
    }

    private interface Setup {
        void run(Keyline keyline);
    }

    private interface Command {
        void run(Keyline keyline, int n);
    }

    private static final Actor NETWORK_CENTRE = SlaSamples.NETWORK_CENTRE;
    private static final PoolId POOL = new PoolId("FAULT-POOL");
    private static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("js-gm"), Role.GENERAL_MANAGER);
    private static final Actor DGM = Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER);

    private static final List<AreaCommand> AREAS = List.of(
            new AreaCommand("account", k -> { },
                    (k, n) -> KeyAccounts.on(k).register(KeyAccountServiceFixture.ZHOU, new AccountId("F" + n),
                            "Fault " + n, KeyAccountServiceFixture.SUZHOU, Industry.FINANCE)),
            new AreaCommand("authority", k -> { },
                    (k, n) -> PriceAuthorisations.on(k, KeyAccountServiceFixture.MATRIX).setFloorPrice(
                            KeyAccountServiceFixture.SUN, new FloorPriceListId("FL" + n), new ProductCode("DDN"),
                            Money.cny("800.00"))),
            new AreaCommand("resource",
                    k -> ResourcePools.on(k).openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT,
                            new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 1_000_000, Duration.ZERO),
                    (k, n) -> {
                        Instant now = k.clock().instant();
                        ResourcePools.on(k).reserve(SlaSamples.MARKETING, POOL, new ReservationId("R" + n),
                                new ReservationTerms(new AccountId("A1"), ReservationPurpose.ORDER, "order " + n, 1, now,
                                        now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(5))));
                    }),
            new AreaCommand("sla", k -> { },
                    (k, n) -> ServiceLevelAgreements.on(k).draft(SlaSamples.MARKETING, new SlaId("SLA-" + n),
                            MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2028), 2,
                            SlaSamples.terms(), SlaSamples.agreements(12))),
            new AreaCommand("workorder", k -> { }, (k, n) -> {
                StageId order = new StageId("order");
                ProvisioningOrders.on(k).open(Actor.accountManager(new UserId("am-wang")), new ProvisioningOrderId("PO-" + n),
                        new ProvisioningParties(new AccountId("KA-1"), new ProductCode("DDN"), new LocalNetworkId("SZ"),
                                new UserId("am-wang"), new UserId("it-li")),
                        StagePlan.of(List.of(PlannedStage.ofDays(order, BigDecimal.ONE, List.of()))),
                        List.of(new StageAssignment(order, new WorkOrderStation("crc"), new LocalNetworkId("SZ"),
                                new UserId("sm-zhao"), new UserId("ex-qian"))), Optional.empty());
            }),
            new AreaCommand("budget", k -> { },
                    (k, n) -> Budgets.on(k).setTargets(GENERAL_MANAGER, new BudgetId("JS-" + n),
                            BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS" + n)), 2027, null, Money.cny("5000000")),
                            "provincial plan " + n)),
            new AreaCommand("staff", k -> { },
                    (k, n) -> Staffings.on(k).open(DGM, new StaffingId("ST-" + n), Industry.FINANCE)));

    private static final AtomicInteger INJECTED = new AtomicInteger();

    /** The real data source of the database under test. */
    protected abstract DataSource database();

    /** The database's name, for the report line. */
    protected abstract String databaseName();

    @TestFactory
    List<DynamicTest> everyAreaSurvivesEveryFault() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AreaCommand area : AREAS) {
            for (Fault fault : Fault.values()) {
                tests.add(DynamicTest.dynamicTest(area.area() + " / " + fault, () -> survives(area, fault)));
            }
        }
        return tests;
    }

    private void survives(AreaCommand area, Fault fault) {
        DataSource real = database();
        TestDatabases.emptyStorage(real);
        FaultyDataSource faulty = new FaultyDataSource(real);
        JdbcStorage storage = JdbcStorage.builder(faulty.dataSource()).build();
        Keyline keyline = Keyline.builder().storage(storage).clock(TestClock.at(Instant.parse("2027-03-02T08:00:00Z")))
                .build();
        area.setup().run(keyline);
        int n = 0;
        for (int k = 1; ; k++) {
            n++;
            String before = dump(real);
            faulty.arm(fault, k);
            int commandNumber = n;
            Throwable thrown = catchThrowable(() -> area.command().run(keyline, commandNumber));
            if (faulty.pending()) {
                // the command ran fewer than k statements (or commits): every k has been tried
                faulty.disarm();
                assertThat(thrown).as("%s without a fault", area.area()).isNull();
                assertThat(k).as("faults injected into %s", area.area()).isGreaterThan(1);
                break;
            }
            INJECTED.incrementAndGet();
            assertThat(thrown).as("%s, %s at %d", area.area(), fault, k).isInstanceOf(StorageException.class);
            assertThat(((StorageException) thrown).sqlState()).as("SQL state kept").isNotNull();
            assertThat(dump(real)).as("%s, %s at %d: nothing stored", area.area(), fault, k).isEqualTo(before);
            assertThatCode(() -> area.command().run(keyline, commandNumber))
                    .as("%s works again after %s at %d", area.area(), fault, k).doesNotThrowAnyException();
            assertThat(dump(real)).as("%s stored the retried command", area.area()).isNotEqualTo(before);
            if (fault == Fault.DROP_ON_COMMIT) {
                break; // a command commits once
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.println("Fault suite: " + INJECTED.get() + " faults injected");
    }

    /** Every row of every Keyline table (the schema history aside), as sorted text. */
    static String dump(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith("keyline_") && !name.equals(JdbcStorage.SCHEMA_HISTORY_TABLE)) {
                        tables.add(name);
                    }
                }
            }
            TreeMap<String, List<String>> rows = new TreeMap<>();
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            line.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, lines);
            }
            return rows.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the Keyline tables failed", e);
        }
    }
}
