package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The relay written by hand, the outbox benchmark's reference, delivers what Keyline's relay
 * delivers: every pending entry once, in sequence order, in batches, and marks each delivered;
 * a sink that fails rolls its batch back.
 */
class RawRelayTest {

    private static final int ENTRIES = 7;

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyPendingEntryIsDeliveredOnceInSequenceOrderAndMarkedDelivered(Database database) throws SQLException {
        try (Fixture fixture = Fixture.create(database)) {
            List<UUID> written = fill(fixture);
            List<UUID> delivered = new ArrayList<>();

            int count = new RawRelay(fixture.dataSource(), sink(n -> delivered.add(n.eventId().value())), 3)
                    .pumpUntilIdle(Fixture.NOW);

            assertThat(count).isEqualTo(ENTRIES);
            assertThat(delivered).containsExactlyElementsOf(written);
            assertThat(statuses(fixture)).containsOnly("DELIVERED 2026-03-02T02:00:00Z 1").hasSize(ENTRIES);
            assertThat(new RawRelay(fixture.dataSource(), sink(n -> delivered.add(null)), 3).pumpUntilIdle(Fixture.NOW))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSinkThatFailsLeavesItsBatchPending(Database database) throws SQLException {
        try (Fixture fixture = Fixture.create(database)) {
            fill(fixture);
            List<UUID> offered = new ArrayList<>();
            NotificationSink failsOnThird = sink(n -> {
                offered.add(n.eventId().value());
                if (offered.size() == 3) {
                    throw new IllegalStateException("receiver down");
                }
            });

            assertThatThrownBy(() -> new RawRelay(fixture.dataSource(), failsOnThird, 10).pumpUntilIdle(Fixture.NOW))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("the sink refused event");

            assertThat(statuses(fixture)).containsOnly("PENDING null 0").hasSize(ENTRIES);
        }
    }

    private interface Receiver {
        void receive(Notification notification);
    }

    private static NotificationSink sink(Receiver receiver) {
        return new NotificationSink() {
            @Override
            public void deliver(Notification notification) {
                receiver.receive(notification);
            }

            @Override
            public String name() {
                return "test";
            }
        };
    }

    /** Writes the pending entries, three per aggregate; returns their event ids in sequence order. */
    private static List<UUID> fill(Fixture fixture) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = fixture.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(RawOutbox.INSERT)) {
            for (int i = 0; i < ENTRIES; i++) {
                UUID event = UUID.randomUUID();
                String account = KeyAccountMix.accountId(i / 3);
                RawOutbox.bind(insert, event, account, "account.activated", Timestamp.from(Fixture.NOW), "ACCOUNT_MANAGER",
                        "SZ", account, null, "Key account " + account + " is now active", "{\"eventId\":\"" + event + "\"}");
                insert.executeUpdate();
                ids.add(event);
            }
        }
        return ids;
    }

    /** Each entry's status, delivered-at time and version, in sequence order. */
    private static List<String> statuses(Fixture fixture) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, delivered_at, version FROM keyline_outbox ORDER BY sequence_number")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(2);
                rows.add(rs.getString(1) + " " + (at == null ? null : at.toInstant()) + " " + rs.getLong(3));
            }
        }
        return rows;
    }
}
