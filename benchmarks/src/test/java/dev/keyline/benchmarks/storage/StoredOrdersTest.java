package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored orders are copied from the templates in chunks (so that H2 in memory holds 1,000,000
 * of them): copied a chunk of one copy at a time, they are row for row what one statement per
 * table copies, and the chunks never copy the copies.
 */
class StoredOrdersTest {

    private static final List<String> TABLES = List.of("keyline_provisioning_order", "keyline_provisioning_stage",
            "keyline_provisioning_stage_after", "keyline_outbox");

    @Test
    void ordersCopiedInChunksAreTheRowsOfOneCopyPerTable() throws SQLException {
        int rows = 3 * StoredOrders.TEMPLATES;
        try (Fixture chunked = StoredOrders.load(Database.H2, rows, 1);
                Fixture whole = StoredOrders.load(Database.H2, rows, rows / StoredOrders.TEMPLATES)) {
            for (String table : TABLES) {
                assertThat(rowsOf(chunked, table)).as(table).isEqualTo(rowsOf(whole, table));
            }
            List<List<String>> orders = rowsOf(chunked, "keyline_provisioning_order");
            assertThat(orders).hasSize(rows);
            assertThat(orders.get(0).get(0)).isEqualTo("PO-000000000");
            assertThat(orders.get(rows - 1).get(0)).isEqualTo("PO-000000299");
            assertThat(rowsOf(chunked, "keyline_provisioning_stage")).hasSize(6 * rows);
            assertThat(rowsOf(chunked, "keyline_outbox")).isEmpty();
        }
    }

    /** Every row of the table, each column as text, ordered by all columns. */
    private static List<List<String>> rowsOf(Fixture fixture, String table) throws SQLException {
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2, 3")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<String>> result = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }
}
