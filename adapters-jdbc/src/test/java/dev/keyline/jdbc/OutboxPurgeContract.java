package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMark;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.SinkDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a purge leaves in the outbox's tables, row by row: since migration V4 no foreign key
 * deletes an entry's delivery rows with it, so {@link JdbcOutbox#purgeDelivered} must, in the
 * purge's own transaction; the reaction receipts still go with their entry by the key's cascade.
 */
abstract class OutboxPurgeContract {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Set<String> SINKS = Set.of("mail", "webhook");

    private final JdbcStorage storage = emptyStorage();
    private final OneStatementTransactions sql = new OneStatementTransactions(storage);

    /** A provider on an empty database. */
    abstract JdbcStorage emptyStorage();

    @Test
    void a_purge_deletes_the_purged_entries_delivery_rows_and_receipts_and_nothing_of_the_open_ones() {
        OutboxMessage done = message("agg-done");
        OutboxMessage reacted = message("agg-reacted");
        OutboxMessage open = message("agg-open");
        deliverAllBut(List.of(done, reacted, open), open, "webhook");
        storage.transactions().run(() -> storage.outbox().recordReceipt("resource-release", reacted.eventId(), T0));

        assertThat(deliveryRows()).hasSize(6);
        int purged = storage.transactions().execute(() -> storage.outbox().purgeDelivered(T0.plusSeconds(3600), 10));

        assertThat(purged).isEqualTo(2);
        assertThat(deliveryRows()).as("only the open entry's deliveries are left")
                .containsExactlyInAnyOrder(open.eventId() + "/mail", open.eventId() + "/webhook");
        assertThat(sql.query("SELECT event_id FROM keyline_reaction_receipt", row -> row.string("event_id"))).isEmpty();
        OutboxEntry left = storage.transactions().execute(() -> storage.outbox().find(open.eventId())).orElseThrow();
        assertThat(left.deliveries()).extracting(SinkDelivery::status)
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
    }

    @Test
    void a_purge_rolled_back_leaves_every_entry_and_delivery_row() {
        OutboxMessage done = message("agg-done");
        deliverAllBut(List.of(done), null, null);
        List<String> before = deliveryRows();

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            assertThat(storage.outbox().purgeDelivered(T0.plusSeconds(3600), 10)).isEqualTo(1);
            throw new IllegalStateException("the host's transaction fails after the purge");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(deliveryRows()).isEqualTo(before).hasSize(2);
        assertThat(storage.transactions().execute(() -> storage.outbox().find(done.eventId()))).isPresent();
    }

    /**
     * Appends the messages, claims every delivery to both sinks and marks each delivered, but the
     * one of {@code failing} to {@code failingSink}, which is marked failed (so that entry stays open).
     */
    private void deliverAllBut(List<OutboxMessage> messages, OutboxMessage failing, String failingSink) {
        storage.transactions().run(() -> storage.outbox().append(messages));
        storage.transactions().run(() -> {
            List<OutboxClaim> claims = storage.outbox().claimDue(T0, SINKS, 100, T0.plusSeconds(60));
            assertThat(claims).hasSize(messages.size() * SINKS.size());
            List<OutboxMark> marks = new ArrayList<>();
            for (OutboxClaim claim : claims) {
                boolean fails = failing != null && claim.message().eventId().equals(failing.eventId())
                        && claim.sink().equals(failingSink);
                marks.add(fails ? OutboxMark.failed(claim, T0.plusSeconds(7200), "the receiver is down")
                        : OutboxMark.delivered(claim, T0));
            }
            assertThat(storage.outbox().markAll(marks)).containsOnly(true);
        });
    }

    private List<String> deliveryRows() {
        return sql.query("SELECT event_id, sink FROM keyline_outbox_delivery ORDER BY event_id, sink",
                row -> row.string("event_id") + "/" + row.string("sink"));
    }

    private static OutboxMessage message(String aggregateId) {
        EventId id = EventId.random();
        return new OutboxMessage(id, aggregateId, "test.happened", T0, Audience.of("about " + aggregateId),
                "{\"note\":\"" + id + "\"}");
    }
}
