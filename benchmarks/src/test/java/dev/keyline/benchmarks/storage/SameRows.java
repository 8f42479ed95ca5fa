package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/** Compares every Keyline table of two databases row by row (see {@link TableRows}). */
final class SameRows {

    /** Random on every side: the outbox's event ids and the database's sequence numbers. */
    static final Set<String> RANDOM = Set.of("event_id", "sequence_number");

    private SameRows() {
    }

    /** The Keyline tables of a database, lower case, sorted. */
    static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) LIKE 'keyline\\_%' "
                        + "AND LOWER(table_name) <> 'keyline_schema_history'")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        tables.sort(null);
        return tables;
    }

    /**
     * Asserts that both databases hold the same rows in every Keyline table, and returns how many
     * rows each table holds (the tables with rows, as {@code table=count}), so a test can also
     * check that the workload wrote what it should.
     */
    static List<String> assertSame(DataSource expected, DataSource actual) throws SQLException {
        List<String> tables = tables(expected);
        assertThat(tables(actual)).isEqualTo(tables);
        List<String> counts = new ArrayList<>();
        for (String table : tables) {
            List<String> want = TableRows.of(expected, table, RANDOM);
            assertThat(TableRows.of(actual, table, RANDOM)).as(table).isEqualTo(want);
            if (!want.isEmpty()) {
                counts.add(table + "=" + want.size());
            }
        }
        return counts;
    }
}
