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
 * The claim H2 runs reads the first open entry of each aggregate for the sink in one statement
 * ({@link JdbcOutbox#FIRST_OPEN}), then which of those are due ({@link JdbcOutbox#DUE_OF_FIRST}),
 * and neither walks an aggregate's history once per entry, as a {@code NOT EXISTS} per entry did,
 * which on H2 made a claim cost the open entries times their aggregates' histories. Checked on the
 * plans H2 prints,
 * not by timing them, on an outbox shaped like the demo's: 2,000 entries of 200 aggregates
 * delivered to nine sinks, then 20 open entries, two on each of ten of those aggregates (so each
 * has a delivered history before them); both with the statistics H2 keeps by itself as rows are
 * written and after an {@code ANALYZE}.
 */
class OutboxClaimPlanH2Test {

    private static final int HISTORY = 2_000;
    private static final List<String> SINKS = List.of("recorder", "router", "timers", "reactions", "audit", "crm",
            "billing", "expiry", "alerts");
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theClaimReadsTheFirstOpenEntriesWithoutWalkingAnAggregatePerEntry() throws SQLException {
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
            s.execute(insert + "SELECT RANDOM_UUID(), 'agg-' || MOD(X, 10), 't', TIMESTAMP WITH TIME ZONE '2026-03-02 07:00:00+00', "
                    + "'s', '{}', 'PENDING', 0, NULL FROM SYSTEM_RANGE(1000, 1019)");

            check(c, "with the statistics H2 keeps as rows are written");
            s.execute("ANALYZE");
            check(c, "after ANALYZE");
        }
    }

    private static void check(Connection c, String when) throws SQLException {
        String first = plan(c, JdbcOutbox.FIRST_OPEN, "recorder", NOW);
        assertThat(first).as("%s, the first open entries are grouped from one read of the entries:%n%s", when, first)
                .doesNotContain("EXISTS").contains("GROUP BY");
        List<Long> firstOpen = column(c, JdbcOutbox.FIRST_OPEN, "recorder", NOW);
        assertThat(firstOpen).as("%s: one first open entry for each of the ten aggregates", when).hasSize(10);
        assertThat(firstOpen).allMatch(sequence -> sequence > HISTORY, "after the delivered history");

        Object[] parameters = new Object[firstOpen.size() + 2];
        parameters[0] = "recorder";
        for (int i = 0; i < firstOpen.size(); i++) {
            parameters[i + 1] = firstOpen.get(i);
        }
        parameters[parameters.length - 1] = NOW;
        String due = String.format(JdbcOutbox.DUE_OF_FIRST, String.join(", ", java.util.Collections.nCopies(firstOpen.size(),
                "?")));
        String duePlan = plan(c, due, parameters);
        assertThat(duePlan).as("%s, the due ones are looked up by sequence:%n%s", when, duePlan).doesNotContain("EXISTS");
        assertThat(column(c, due, parameters)).as("%s: all ten are due", when).containsExactlyElementsOf(
                firstOpen.stream().sorted().toList());
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

    private static List<Long> column(Connection c, String sql, Object... parameters) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, parameters);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        return values;
    }

    private static void bind(PreparedStatement p, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            p.setObject(i + 1, parameters[i]);
        }
    }
}
