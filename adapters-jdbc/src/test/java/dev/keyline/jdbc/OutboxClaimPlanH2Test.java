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
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The claim query H2 runs filters the entries by status while it scans them, before it tries the
 * {@code NOT EXISTS} that walks an entry's earlier entries of the same aggregate. Were the
 * {@code NOT EXISTS} tried first, every claim would walk the history of every stored aggregate, done
 * entries included, and its cost would grow with the square of an aggregate's history: the
 * PostgreSQL form of the query ({@link JdbcOutbox#DUE_BY_KEY}) is planned that way by H2, and it made
 * the demo five times slower. Checked on the plan H2 prints for the query, not by timing it, after
 * the outbox holds 2,000 entries of 200 aggregates delivered to nine sinks and 20 open entries
 * (about the demo's outbox), both with the statistics H2 keeps by itself as rows are written and
 * after an {@code ANALYZE}.
 */
class OutboxClaimPlanH2Test {

    private static final int HISTORY = 2_000;
    private static final List<String> SINKS = List.of("recorder", "router", "timers", "reactions", "audit", "crm",
            "billing", "expiry", "alerts");
    private static final String STATUS_FILTER = "O.STATUS IN('PENDING', 'IN_FLIGHT', 'FAILED')";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theJoinFormFiltersByStatusBeforeWalkingAnAggregatesHistory() throws SQLException {
        DataSource ds = H2Database.fresh("outbox_claim_plan");
        TestDatabases.emptyStorage(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String insert = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, audience_subject, "
                    + "payload, status, version, delivered_at) ";
            s.execute(insert + "SELECT RANDOM_UUID(), 'agg-' || MOD(X, 200), 't', TIMESTAMP WITH TIME ZONE '2026-03-01 08:00:00+00', "
                    + "'s', '{}', 'DELIVERED', 1, TIMESTAMP WITH TIME ZONE '2026-03-01 08:00:00+00' "
                    + "FROM SYSTEM_RANGE(1, " + HISTORY + ")");
            for (String sink : SINKS) {
                s.execute("INSERT INTO keyline_outbox_delivery (event_id, sink, status, attempts, next_attempt_at, last_error, "
                        + "delivered_at, claim_number) SELECT event_id, '" + sink + "', 'DELIVERED', 1, delivered_at, NULL, "
                        + "delivered_at, 1 FROM keyline_outbox WHERE status = 'DELIVERED'");
            }
            s.execute(insert + "SELECT RANDOM_UUID(), 'agg-' || X, 't', TIMESTAMP WITH TIME ZONE '2026-03-02 07:00:00+00', "
                    + "'s', '{}', 'PENDING', 0, NULL FROM SYSTEM_RANGE(1000, 1019)");

            String byKey = plan(c, JdbcOutbox.DUE_BY_KEY, NOW, NOW, "recorder", NOW, NOW, "recorder", 100);
            assertThat(beforeNotExists(byKey))
                    .as("why H2 does not get the PostgreSQL form: it tries the NOT EXISTS first:%n%s", byKey)
                    .doesNotContain(STATUS_FILTER);

            checkJoinForm(c, "with the statistics H2 keeps as rows are written");
            s.execute("ANALYZE");
            checkJoinForm(c, "after ANALYZE");
        }
    }

    private static void checkJoinForm(Connection c, String when) throws SQLException {
        String join = plan(c, JdbcOutbox.DUE_BY_JOIN, "recorder", NOW, NOW, "recorder", NOW, 100);
        assertThat(beforeNotExists(join)).as("%s, the status filter is applied in the scan of the entries:%n%s", when, join)
                .contains(STATUS_FILTER);
        assertThat(due(c, JdbcOutbox.DUE_BY_JOIN, "recorder", NOW, NOW, "recorder", NOW, 100))
                .as("the 20 open entries are due").isEqualTo(20);
    }

    /** The plan up to its first {@code NOT EXISTS}: what H2 does with each entry before walking its aggregate. */
    private static String beforeNotExists(String plan) {
        int at = plan.indexOf("NOT EXISTS");
        assertThat(at).as("the plan has a NOT EXISTS:%n%s", plan).isNotNegative();
        return plan.substring(0, at).replace("\"", "");
    }

    private static String plan(Connection c, String sql, Object... parameters) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("EXPLAIN " + sql)) {
            bind(p, parameters);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static int due(Connection c, String sql, Object... parameters) throws SQLException {
        int rows = 0;
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, parameters);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement p, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            p.setObject(i + 1, parameters[i]);
        }
    }
}
