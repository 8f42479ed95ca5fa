package dev.keyline.benchmarks.storage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The rows of a table as comparable text, columns in the table's order, rows sorted; columns
 * named in {@code ignored} are left out (the outbox's random event ids and its sequence numbers),
 * and a {@code payload}'s {@code "eventId"} value is blanked, as it is random too.
 */
final class TableRows {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private TableRows() {
    }

    static List<String> of(DataSource dataSource, String table, Set<String> ignored) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                    if (!ignored.contains(column)) {
                        row.put(column, text(column, rs.getObject(i)));
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String text(String column, Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        String text = value.toString();
        if (column.equals("payload")) {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode json =
                        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text);
                json.put("eventId", "?");
                return json.toString();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }
        return text;
    }
}
