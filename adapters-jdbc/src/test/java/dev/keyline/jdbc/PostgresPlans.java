package dev.keyline.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the PostgreSQL plan tests of the outbox share: the rows they start from and how they count a plan's rows. */
final class PostgresPlans {

    /** The rows a plan node read and threw away. */
    static final Pattern REMOVED = Pattern.compile("Rows Removed by (?:Filter|Join Filter|Index Recheck): (\\d+)");

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
