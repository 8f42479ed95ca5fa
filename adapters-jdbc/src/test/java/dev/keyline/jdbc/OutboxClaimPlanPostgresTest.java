package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The claim's query (a page of the claimable rows, {@link JdbcOutbox#CLAIMABLE_PAGE}) stays cheap on
 * PostgreSQL when many timers wait and many deliveries are done:
 * with 20,000 timers due next week, 20,000 delivered entries not yet purged (each with its delivery
 * row for the sink), 20 open entries and 5 timers due now, the plan reads the open entries and the
 * due timers through their indexes, never walks the waiting timers or the delivered rows, and looks
 * each candidate's delivery up by its primary key. That holds with fresh statistics and with stale
 * ones: the delivery table analysed while it was still empty (as after a purge or a fresh start),
 * where a join may read all of the sink's delivery rows for every candidate. Checked by counting the
 * rows the executed plan read and threw away (EXPLAIN ANALYZE), not by timing it. The rows are
 * written with plain SQL, as the outbox stores them, so the test builds a large outbox in a moment.
 * A backlog of 6,000 open entries behind 20,000 delivered ones is claimed from without walking
 * either, with the plan for the parameters' values and with the generic plan PostgreSQL keeps for a
 * statement run many times.
 */
class OutboxClaimPlanPostgresTest {

    private static final int WAITING = 20_000;
    private static final int DELIVERED = 20_000;
    private static final int BACKLOG = 6_000;
    /** The rows a scan of the claim's candidates ({@code o}, {@code o_1}) returned. */
    private static final Pattern OUTBOX_SCAN_ROWS = Pattern.compile(
            "Scan (?:using \\S+ )?on keyline_outbox o(?:_\\d+)? \\(actual [^)]*rows=(\\d+)");
    private static final Pattern DELIVERY_SCAN = Pattern.compile("(\\S+(?: Scan)?)(?: using (\\S+))? on keyline_outbox_delivery");

    @Test
    void claimingReadsTheOpenEntriesAndTheDueTimersOnlyWithStaleDeliveryStatistics() throws SQLException {
        checkPlan(false);
    }

    @Test
    void claimingReadsTheOpenEntriesAndTheDueTimersOnlyWithFreshStatistics() throws SQLException {
        checkPlan(true);
    }

    private static void checkPlan(boolean analyseDeliveriesWhenFilled) throws SQLException {
        DataSource ds = PostgresServer.dataSource();
        TestDatabases.emptyStorage(ds);
        List<String> plan = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // statistics that say the delivery table is empty
            s.execute("ANALYZE keyline_outbox_delivery");
            String insert = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, audience_subject, "
                    + "payload, status, version, timer_key, pending_timer_key, timer_due_at, delivered_at) ";
            s.execute(insert + "SELECT gen_random_uuid(), 'agg-' || (g % 500), 't', TIMESTAMPTZ '2026-03-09 08:00:00+00' "
                    + "+ g * INTERVAL '1 second', 's', '{}', 'SCHEDULED', 0, 'k' || g, 'k' || g, "
                    + "TIMESTAMPTZ '2026-03-09 08:00:00+00' + g * INTERVAL '1 second', NULL "
                    + "FROM generate_series(1, " + WAITING + ") g");
            s.execute(insert + "SELECT gen_random_uuid(), 'agg-' || (g % 500), 't', TIMESTAMPTZ '2026-03-01 08:00:00+00', "
                    + "'s', '{}', 'DELIVERED', 1, NULL, NULL, NULL, TIMESTAMPTZ '2026-03-01 08:00:00+00' "
                    + "FROM generate_series(1, " + DELIVERED + ") g");
            s.execute("INSERT INTO keyline_outbox_delivery (event_id, sink, status, attempts, next_attempt_at, last_error, "
                    + "delivered_at, claim_number) SELECT event_id, 'recorder', 'DELIVERED', 1, delivered_at, NULL, "
                    + "delivered_at, 1 FROM keyline_outbox WHERE status = 'DELIVERED'");
            s.execute(insert + "SELECT gen_random_uuid(), 'agg-' || g, 't', TIMESTAMPTZ '2026-03-02 07:00:00+00', 's', '{}', "
                    + "'PENDING', 0, NULL, NULL, NULL, NULL FROM generate_series(1, 20) g");
            s.execute(insert + "SELECT gen_random_uuid(), 'agg-' || (100 + g), 't', TIMESTAMPTZ '2026-03-02 07:00:00+00', "
                    + "'s', '{}', 'SCHEDULED', 0, 'due' || g, 'due' || g, TIMESTAMPTZ '2026-03-02 07:00:00+00', NULL "
                    + "FROM generate_series(1, 5) g");
            s.execute("ANALYZE keyline_outbox");
            if (analyseDeliveriesWhenFilled) {
                s.execute("ANALYZE keyline_outbox_delivery");
            }
            plan.addAll(explainClaim(c, OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC), 300));
        }
        String text = String.join("\n", plan);

        assertThat(text).as("the page has the 25 claimable entries").containsPattern("Limit \\(actual [^)]*rows=25");
        assertThat(text).as("no probe of an aggregate's entries per candidate:%n%s", text).doesNotContain("keyline_outbox_aggregate_ix");
        assertThat(PostgresPlans.sum(PostgresPlans.REMOVED, text)).as("rows read and thrown away by the plan:%n%s", text).isLessThan(1_000);
        assertThat(text).as("no scan of the whole outbox:%n%s", text)
                .doesNotContain("Seq Scan on keyline_outbox o").doesNotContain("Index Scan using keyline_outbox_pk");
        List<String> deliveryScans = new ArrayList<>();
        Matcher scan = DELIVERY_SCAN.matcher(text);
        while (scan.find()) {
            deliveryScans.add(scan.group());
        }
        assertThat(deliveryScans).as("the delivery table is read by its key only:%n%s", text).isNotEmpty()
                .allMatch(d -> d.endsWith("Index Scan using keyline_outbox_delivery_pk on keyline_outbox_delivery"));
    }

    @Test
    void claimingABacklogReadsAboutAsManyEntriesAsItClaimsWhateverTheDeliveredHistory() throws SQLException {
        DataSource ds = PostgresServer.dataSource();
        TestDatabases.emptyStorage(ds);
        List<String> plan;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // the delivered history first, as it is in sequence order, then a backlog of three open
            // entries per aggregate (as after a sink was down for a while)
            PostgresPlans.insertDelivered(s, DELIVERED, "'agg-' || (g / 3)");
            s.execute(PostgresPlans.INSERT_ENTRY + "SELECT gen_random_uuid(), 'open-' || (g / 3), 't', TIMESTAMPTZ '2026-03-02 07:00:00+00', "
                    + "'s', '{}', 'PENDING', 0, NULL FROM generate_series(0, " + (BACKLOG - 1) + ") g");
            PostgresPlans.analyse(s);
            plan = explainClaim(c, OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC), 1_500);
            // the plan PostgreSQL keeps for a statement the relay runs again and again: a generic one,
            // which cannot see the parameters' values
            List<String> generic = explainGenericClaim(s, "2026-03-02 08:00:00+00", 1_500);
            checkBacklogPlan(String.join("\n", generic));
        }
        checkBacklogPlan(String.join("\n", plan));
    }

    /** A claim of 500 from the backlog reads about as many rows as it returns, held back ones included. */
    private static void checkBacklogPlan(String text) {
        assertThat(text).as("the page (for a claim of 500) has the first 1,500 open entries: the first ones of 500 "
                + "aggregates and the two behind each").containsPattern("Limit \\(actual [^)]*rows=1500");
        assertThat(text).as("no probe of an aggregate's entries per candidate:%n%s", text).doesNotContain("keyline_outbox_aggregate_ix");
        assertThat(PostgresPlans.sum(PostgresPlans.REMOVED, text)).as("rows read and thrown away by the plan:%n%s", text).isLessThan(1_000);
        // 1,500 rows in sequence order, and neither the backlog of 6,000 nor the delivered history of 20,000
        assertThat(PostgresPlans.sum(OUTBOX_SCAN_ROWS, text)).as("candidate rows read:%n%s", text).isPositive().isLessThan(2_000);
    }

    /** The executed generic plan of the claim's query for the sink {@code recorder} (see {@link PostgresPlans#genericPlan}). */
    private static List<String> explainGenericClaim(Statement s, String now, int size) throws SQLException {
        Object[] parameters = JdbcOutbox.claimablePageParameters(java.time.Instant.EPOCH, "recorder", 0, size);
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Object p : parameters) {
            if (p instanceof java.time.Instant) {
                types.add("timestamptz");
                values.add("'" + now + "'");
            } else if (p instanceof String text) {
                types.add("text");
                values.add("'" + text + "'");
            } else {
                types.add("int");
                values.add(String.valueOf(p));
            }
        }
        return List.of(PostgresPlans.genericPlan(s, JdbcOutbox.CLAIMABLE_PAGE, types, values).split("\n"));
    }

    /** The executed plan of the claim's query for the sink {@code recorder}, line by line. */
    private static List<String> explainClaim(Connection c, OffsetDateTime now, int size) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + JdbcOutbox.CLAIMABLE_PAGE)) {
            Object[] parameters = JdbcOutbox.claimablePageParameters(now.toInstant(), "recorder", 0, size);
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i] instanceof java.time.Instant at ? at.atOffset(ZoneOffset.UTC) : parameters[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }
}
