package dev.keyline.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the PostgreSQL plan tests of the outbox share: the rows they start from and how they count a plan's rows. */
final class PostgresPlans {

    /** The rows a plan node read and threw away. */
    static final Pattern REMOVED = Pattern.compile("Rows Removed by (?:Filter|Join Filter|Index Recheck): (\\d+)");

    /** The descents of an index a plan node made, as PostgreSQL 18 reports them. */
    static final Pattern SEARCHES = Pattern.compile("Index Searches: (\\d+)");

    /** The start of an INSERT of an entry row with the columns the tests set. */
    static final String INSERT_ENTRY = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_subject, payload, status, version, delivered_at) ";

    private PostgresPlans() {
    }

    /**
     * Writes {@code count} delivered entries, the {@code g}-th in the aggregate the SQL expression
     * {@code aggregate} names, each with its delivery row to the sink {@code recorder}.
     */
    static void insertDelivered(Statement s, int count, String aggregate) throws SQLException {
        s.execute(INSERT_ENTRY + "SELECT gen_random_uuid(), " + aggregate + ", 't', TIMESTAMPTZ '2026-03-01 08:00:00+00', "
                + "'s', '{}', 'DELIVERED', 1, TIMESTAMPTZ '2026-03-01 08:00:00+00' FROM generate_series(1, " + count + ") g");
        s.execute("INSERT INTO keyline_outbox_delivery (event_id, sink, status, attempts, next_attempt_at, last_error, "
                + "delivered_at, claim_number) SELECT event_id, 'recorder', 'DELIVERED', 1, delivered_at, NULL, "
                + "delivered_at, 1 FROM keyline_outbox WHERE status = 'DELIVERED'");
    }

    /** Analyses both outbox tables, so that the plans that follow see the rows written. */
    static void analyse(Statement s) throws SQLException {
        s.execute("ANALYZE keyline_outbox");
        s.execute("ANALYZE keyline_outbox_delivery");
    }

    /**
     * The executed generic plan of {@code sql}, the plan PostgreSQL keeps for a statement it has run
     * a few times, which cannot see the parameters' values: prepared with
     * {@code plan_cache_mode = force_generic_plan} and the parameter {@code types}, then run under
     * {@code EXPLAIN (ANALYZE, COSTS OFF)} with the SQL literals {@code arguments}.
     *
     * @param sql the statement, with JDBC placeholders
     */
    static String genericPlan(Statement s, String sql, List<String> types, List<String> arguments) throws SQLException {
        s.execute("SET plan_cache_mode = force_generic_plan");
        try {
            s.execute("PREPARE generic_plan (" + String.join(", ", types) + ") AS " + numbered(sql));
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) EXECUTE generic_plan ("
                    + String.join(", ", arguments) + ")")) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(plan.length() == 0 ? "" : "\n").append(rs.getString(1));
                }
                return plan.toString();
            } finally {
                s.execute("DEALLOCATE generic_plan");
            }
        } finally {
            s.execute("RESET plan_cache_mode");
        }
    }

    /** The statement with its JDBC placeholders numbered ({@code $1}, {@code $2}, ...), as {@code PREPARE} takes them. */
    static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        return numbered.toString();
    }

    /** The sum of the numbers the pattern's first group matches in the plan's text. */
    static long sum(Pattern pattern, String text) {
        long sum = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }
}
