package dev.keyline.benchmarks.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Writing outbox rows by hand, as the raw-JDBC sides do: the same columns Keyline's outbox writes. */
final class RawOutbox {

    static final String INSERT = "INSERT INTO keyline_outbox (event_id, aggregate_id, event_type, occurred_at, "
            + "audience_role, audience_organisation_unit, audience_account_id, audience_station_id, audience_subject, "
            + "payload, status, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)";

    private RawOutbox() {
    }

    /** Inserts one pending outbox row. */
    static void insert(Connection c, UUID event, String aggregate, String type, Timestamp occurred, String role,
            String unit, String account, String station, String subject, String payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, event, aggregate, type, occurred, role, unit, account, station, subject, payload);
            s.executeUpdate();
        }
    }

    /** Binds one row's parameters to {@link #INSERT}. */
    static void bind(PreparedStatement s, UUID event, String aggregate, String type, Timestamp occurred, String role,
            String unit, String account, String station, String subject, String payload) throws SQLException {
        s.setObject(1, event);
        s.setString(2, aggregate);
        s.setString(3, type);
        s.setTimestamp(4, occurred);
        RawKeyAccountMix.setNullableString(s, 5, role);
        RawKeyAccountMix.setNullableString(s, 6, unit);
        RawKeyAccountMix.setNullableString(s, 7, account);
        RawKeyAccountMix.setNullableString(s, 8, station);
        s.setString(9, subject);
        s.setString(10, payload);
    }

    /** An instant as the event JSON writes it. */
    static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
