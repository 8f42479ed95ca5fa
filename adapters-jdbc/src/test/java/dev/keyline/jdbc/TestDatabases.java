package dev.keyline.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.example.notes.jdbc.JdbcNotesArea;

/** Gives each test an empty Keyline schema on a shared database, quickly. */
final class TestDatabases {

    private static final Set<DataSource> MIGRATED = ConcurrentHashMap.newKeySet();

    private TestDatabases() {
    }

    /**
     * A provider on the data source with every Keyline table empty: migrates once per JVM and data
     * source, then empties the tables (and restarts their identities) before each test.
     */
    static JdbcStorage emptyStorage(DataSource dataSource) {
        boolean first = MIGRATED.add(dataSource);
        JdbcStorage storage = JdbcStorage.builder(dataSource).migrate(first)
                .area(new JdbcNotesArea()) // a host's own area, registered explicitly
                .area(new JdbcTallyArea()).build(); // the TCK's fixture aggregate, a test area
        reset(dataSource, storage.dialect());
        return storage;
    }

    /** Empties every {@code keyline_} table except the schema history, and the test-only notes area's table. */
    static void reset(DataSource dataSource, SqlDialect dialect) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if ((name.startsWith("keyline_") || name.startsWith("notes_")) && !name.equals(JdbcStorage.SCHEMA_HISTORY_TABLE)) {
                        tables.add(name);
                    }
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            if (dialect == SqlDialect.POSTGRESQL) {
                s.execute("TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            } else {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
                for (String table : tables) {
                    s.execute("TRUNCATE TABLE " + table + " RESTART IDENTITY");
                }
                s.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("emptying the Keyline tables failed", e);
        }
    }
}
