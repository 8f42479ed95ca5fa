package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A purge deletes its entries' delivery rows by key on PostgreSQL, however many delivered entries
 * are kept: with 20,000 delivered entries analysed, the generic plan of the purge's delivery delete
 * (the one PostgreSQL keeps for a statement run many times) for a chunk of 500 entries reads the 500
 * delivery rows it deletes, not the delivery table with the chunk hashed beside it (which the form
 * {@code IN (SELECT ...)} got here: a sequential scan of all 20,000 rows per chunk). Checked by the
 * executed plan (EXPLAIN ANALYZE): no scan of the delivery table, no rows read and thrown away.
 */
class OutboxPurgePlanPostgresTest {

    private static final int DELIVERED = 20_000;
    private static final int CHUNK = 500;

    @Test
    void aPurgeChunksDeliveriesAreDeletedByKeyWhateverTheHistory() throws SQLException {
        DataSource ds = PostgresServer.dataSource();
        TestDatabases.emptyStorage(ds);
        String text;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            PostgresPlans.insertDelivered(s, DELIVERED, "'agg-' || g");
            PostgresPlans.analyse(s);
            List<String> oldest = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT sequence_number FROM keyline_outbox ORDER BY sequence_number LIMIT " + CHUNK)) {
                while (rs.next()) {
                    oldest.add(rs.getString(1));
                }
            }

            text = PostgresPlans.genericPlan(s, JdbcOutbox.purgeDeliveries(SqlDialect.POSTGRESQL, CHUNK),
                    Collections.nCopies(CHUNK, "bigint"), oldest);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM keyline_outbox_delivery")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the chunk's deliveries deleted, the others kept").isEqualTo(DELIVERED - CHUNK);
            }
        }

        assertThat(text).as("the plan:%n%s", text).doesNotContain("Seq Scan on keyline_outbox_delivery");
        assertThat(PostgresPlans.sum(PostgresPlans.REMOVED, text)).as("rows read and thrown away by the plan:%n%s", text)
                .isLessThan(CHUNK);
    }
}
