package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.FaultyDataSource.Fault;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.StorageException;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import dev.keyline.tck.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@link ReliabilityAreas#ALL}. A bulk transaction runs the same way, its inserts sent as
 * batches, and on PostgreSQL as copies.
 */
abstract class FaultInjectionContract {

    private static final AtomicInteger INJECTED = new AtomicInteger();

    /** The real data source of the database under test. */
    protected abstract DataSource database();

    /** The database's name, for the report line. */
    protected abstract String databaseName();

    @TestFactory
    List<DynamicTest> everyAreaSurvivesEveryFault() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReliabilityAreas.Area area : ReliabilityAreas.ALL) {
            for (Fault fault : Fault.values()) {
                tests.add(DynamicTest.dynamicTest(area.name() + " / " + fault, () -> survives(area, fault)));
            }
        }
        return tests;
    }

    /**
     * A bulk transaction: {@link #BULK} key accounts saved in one transaction, so that the
     * write-behind sends their rows and their events as one batch each, and on PostgreSQL as one
     * copy each (see {@link PostgresCopy}), which the faults reach as they reach a statement.
     */
    @TestFactory
    List<DynamicTest> aBulkTransactionSurvivesEveryFault() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            tests.add(DynamicTest.dynamicTest("bulk / " + fault, () -> {
                FaultyDataSource faulty = survives("bulk", k -> { }, FaultInjectionContract::bulk, fault);
                if (databaseName().equals("PostgreSQL")) {
                    assertThat(faulty.copies()).as("copies sent").isPositive();
                    if (fault != Fault.DROP_ON_COMMIT) {
                        assertThat(faulty.injectedIntoCopies()).as("faults that failed a copy").isPositive();
                    }
                }
            }));
        }
        return tests;
    }

    /** How many accounts {@link #bulk} saves: enough for a copy. */
    private static final int BULK = PostgresCopy.FEWEST_ROWS + 10;

    private static void bulk(Keyline keyline, int n) {
        KeyAccountRepository accounts = keyline.storage().port(KeyAccountRepository.class);
        keyline.transactions().run(() -> {
            for (int i = 0; i < BULK; i++) {
                KeyAccount account = KeyAccount.register(new AccountId("B" + n + "-" + i), "Bulk\t" + n + "\t" + i,
                        KeyAccountServiceFixture.SUZHOU, Industry.FINANCE, new UserId("clerk"),
                        Instant.parse("2027-03-02T08:00:00Z"));
                keyline.run(ctx -> ctx.save(accounts, account));
            }
        });
    }

    private void survives(ReliabilityAreas.Area area, Fault fault) {
        survives(area.name(), area.setup(), area.command(), fault);
    }

    /** Runs the command with the fault at every k it reaches; returns the data source that injected them. */
    private FaultyDataSource survives(String name, ReliabilityAreas.Setup setup, ReliabilityAreas.Command command,
            Fault fault) {
        DataSource real = database();
        TestDatabases.emptyStorage(real);
        FaultyDataSource faulty = new FaultyDataSource(real);
        JdbcStorage storage = JdbcStorage.builder(faulty.dataSource()).build();
        Keyline keyline = Keyline.builder().storage(storage).clock(TestClock.at(Instant.parse("2027-03-02T08:00:00Z")))
                .build();
        setup.run(keyline);
        int n = 0;
        for (int k = 1; ; k++) {
            n++;
            String before = dump(real);
            faulty.arm(fault, k);
            int commandNumber = n;
            Throwable thrown = catchThrowable(() -> command.run(keyline, commandNumber));
            if (faulty.pending()) {
                // the command ran fewer than k statements (or commits): every k has been tried
                faulty.disarm();
                assertThat(thrown).as("%s without a fault", name).isNull();
                assertThat(k).as("faults injected into %s", name).isGreaterThan(1);
                break;
            }
            INJECTED.incrementAndGet();
            assertThat(thrown).as("%s, %s at %d", name, fault, k).isInstanceOf(StorageException.class);
            assertThat(((StorageException) thrown).sqlState()).as("SQL state kept").isNotNull();
            assertThat(dump(real)).as("%s, %s at %d: nothing stored", name, fault, k).isEqualTo(before);
            assertThatCode(() -> command.run(keyline, commandNumber))
                    .as("%s works again after %s at %d", name, fault, k).doesNotThrowAnyException();
            assertThat(dump(real)).as("%s stored the retried command", name).isNotEqualTo(before);
            if (fault == Fault.DROP_ON_COMMIT) {
                break; // a command commits once
            }
        }
        return faulty;
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
