package dev.keyline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The anchor for {@code keyline classify} at scale: the same question asked of DuckDB over the same
 * spend file in one SQL query through JDBC. Each customer's average is its total over every month
 * of the file divided by the number of those months; per network, the key accounts are the
 * shortest prefix of the ranking (average descending, customer ascending) reaching 30 % of the
 * network's total, ties kept together ({@code share}), or those at or above a monthly minimum
 * ({@code minimum}). It lists the key accounts, as {@code classify} does, and prints their count
 * and threshold per network.
 *
 * <p>Usage: {@code DuckDbClassify FILE share [0.30]} or {@code DuckDbClassify FILE minimum AMOUNT}.
 */
public final class DuckDbClassify {

    private static final String AVERAGES = """
            WITH spend AS (
              SELECT * FROM read_csv(?, header = true,
                columns = {'customer': 'VARCHAR', 'network': 'VARCHAR', 'month': 'VARCHAR', 'spend': 'DECIMAL(18,2)'})
            ),
            window_months AS (SELECT count(DISTINCT month) AS n FROM spend),
            averages AS (
              SELECT customer, network, round(sum(spend) / (SELECT n FROM window_months), 2) AS average
              FROM spend GROUP BY customer, network
            )
            """;

    private static final String SHARE = AVERAGES + """
            , ranked AS (
              SELECT customer, network, average,
                sum(average) OVER (PARTITION BY network ORDER BY average DESC, customer
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before,
                sum(average) OVER (PARTITION BY network) AS total
              FROM averages
            ),
            cut AS (
              SELECT network, min(average) AS threshold FROM ranked
              WHERE average > 0 AND coalesce(before, 0) < ? * total GROUP BY network
            )
            SELECT r.network, r.customer, r.average, c.threshold FROM ranked r JOIN cut c USING (network)
            WHERE r.average >= c.threshold AND r.average > 0
            ORDER BY r.network, r.average DESC, r.customer
            """;

    private static final String MINIMUM = AVERAGES + """
            SELECT network, customer, average, CAST(? AS DECIMAL(18,2)) AS threshold FROM averages
            WHERE average >= ? ORDER BY network, average DESC, customer
            """;

    private DuckDbClassify() {
    }

    /**
     * Runs the query and prints per network the number of key accounts and the threshold.
     *
     * @param args FILE share [S] | FILE minimum AMOUNT
     * @throws SQLException when DuckDB fails
     */
    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: DuckDbClassify FILE share [0.30] | FILE minimum AMOUNT");
            System.exit(2);
        }
        boolean share = args[1].equals("share");
        String value = args.length > 2 ? args[2] : "0.30";
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> thresholds = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement query = db.prepareStatement(share ? SHARE : MINIMUM)) {
            query.setString(1, args[0]);
            query.setBigDecimal(2, new java.math.BigDecimal(value));
            if (!share) {
                query.setBigDecimal(3, new java.math.BigDecimal(value));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String network = rows.getString(1);
                    rows.getString(2);
                    rows.getBigDecimal(3);
                    counts.computeIfAbsent(network, n -> new long[1])[0]++;
                    thresholds.putIfAbsent(network, rows.getBigDecimal(4).toPlainString());
                }
            }
        }
        counts.forEach((network, n) -> System.out.println(network + " " + n[0] + " " + thresholds.get(network)));
    }
}
