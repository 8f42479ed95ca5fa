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
 * Recording a batch's outcomes stays linear in the batch on PostgreSQL when the statistics were
 * taken while no delivery was in flight, as they are in a table whose rows are nearly all delivered:
 * with 20,000 delivered entries analysed and then 500 deliveries put in flight, the generic plan of
 * the outcomes' delivery update (the one PostgreSQL keeps for a statement run many times) looks each
 * row of the batch up by the delivery's key, rather than walking the in-flight rows and scanning the
 * whole batch for each (500 × 500 rows thrown away). Checked by counting the rows the executed plan
 * threw away (EXPLAIN ANALYZE), not by timing it. The entries' status of the batch is written by
 * one scan of the primary key (counted in the plan's index searches).
 */
class OutboxOutcomePlanPostgresTest {

    private static final int DELIVERED = 20_000;
    private static final int BATCH = 500;

    @Test
    void theOutcomesOfABatchAreWrittenByKeyWhateverTheStatisticsExpectInFlight() throws SQLException {
        DataSource ds = PostgresServer.dataSource();
        TestDatabases.emptyStorage(ds);
        String text;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // statistics with no delivery in flight, then a batch put in flight
            deliveredAnalysedThenABatchPending(s);
            s.execute("INSERT INTO keyline_outbox_delivery (event_id, sink, status, attempts, next_attempt_at, last_error, "
                    + "delivered_at, claim_number) SELECT event_id, 'recorder', 'IN_FLIGHT', 1, "
                    + "TIMESTAMPTZ '2026-03-02 08:01:00+00', NULL, NULL, 1 FROM keyline_outbox WHERE status = 'PENDING'");
            List<String> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT event_id FROM keyline_outbox WHERE status = 'PENDING'")) {
                while (rs.next()) {
                    events.add(rs.getString(1));
                }
            }
            assertThat(events).hasSize(BATCH);

            String at = "2026-03-02 08:00:30+00";
            text = PostgresPlans.genericPlan(s, JdbcOutbox.UPDATE_IN_FLIGHT_DELIVERIES_POSTGRESQL,
                    List.of("text[]", "int[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]"),
                    List.of(array("DELIVERED"), array("1"), array(at), array("NULL"), array(at), array("1"),
                            "'{" + String.join(",", events) + "}'", array("recorder"), array("1")));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM keyline_outbox_delivery WHERE status = 'IN_FLIGHT'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("every delivery of the batch written").isZero();
            }
        }

        assertThat(PostgresPlans.sum(PostgresPlans.REMOVED, text)).as("rows read and thrown away by the plan:%n%s", text).isLessThan(1_000);
    }

    /**
     * The entries' summed-up status of a batch of 500, among 20,000 delivered entries analysed, is
     * written by one scan of the primary key for the whole batch (whose sequence numbers lie
     * together in the index), not by a descent of the index per entry, as the join to the batch's
     * values alone was planned (a nested loop, 500 index searches). Counted in the index searches
     * the executed generic plan reports, not timed.
     */
    @Test
    void theStatusOfABatchIsWrittenInOneScanOfThePrimaryKey() throws SQLException {
        DataSource ds = PostgresServer.dataSource();
        TestDatabases.emptyStorage(ds);
        String text;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            deliveredAnalysedThenABatchPending(s);
            List<String> sequences = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT sequence_number FROM keyline_outbox WHERE status = 'PENDING' "
                    + "ORDER BY sequence_number")) {
                while (rs.next()) {
                    sequences.add(rs.getString(1));
                }
            }
            assertThat(sequences).hasSize(BATCH);

            String batch = "'{" + String.join(",", sequences) + "}'";
            text = PostgresPlans.genericPlan(s, JdbcOutbox.UPDATE_SUMMARIES_POSTGRESQL,
                    List.of("text[]", "text[]", "text[]", "text[]", "text[]"),
                    List.of(array("DELIVERED"), array("2026-03-02 08:00:30+00"), array("recorder"), batch, batch));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM keyline_outbox WHERE status = 'DELIVERED' "
                    + "AND delivered_sink = 'recorder' AND aggregate_id LIKE 'open-%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("every entry of the batch written").isEqualTo(BATCH);
            }
        }

        assertThat(PostgresPlans.sum(PostgresPlans.SEARCHES, text)).as("index searches of the plan:%n%s", text).isLessThan(50);
    }

    /**
     * {@value #DELIVERED} delivered entries, each with its delivery row, analysed; then {@value #BATCH}
     * pending entries in aggregates of their own, which the statistics have not seen.
     */
    private static void deliveredAnalysedThenABatchPending(Statement s) throws SQLException {
        PostgresPlans.insertDelivered(s, DELIVERED, "'agg-' || g");
        PostgresPlans.analyse(s);
        s.execute(PostgresPlans.INSERT_ENTRY + "SELECT gen_random_uuid(), 'open-' || g, 't', TIMESTAMPTZ '2026-03-02 07:00:00+00', "
                + "'s', '{}', 'PENDING', 0, NULL FROM generate_series(1, " + BATCH + ") g");
    }

    /** An array literal of {@value #BATCH} copies of the value. */
    private static String array(String value) {
        return "'{" + String.join(",", Collections.nCopies(BATCH, value.contains(" ") ? "\"" + value + "\"" : value)) + "}'";
    }
}
