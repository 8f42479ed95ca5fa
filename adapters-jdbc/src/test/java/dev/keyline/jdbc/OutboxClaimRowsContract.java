package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxClaim;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMark;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.SinkDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rows behind a relay's claims with one sink (migration V5): a claim row per batch instead of a
 * delivery row per event, a delivered sink in the entry's row when the first attempt is accepted,
 * delivery rows for everything else, and no claim row left behind. The TCK checks what the outbox
 * does; these check what it writes.
 */
abstract class OutboxClaimRowsContract {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Set<String> ONE_SINK = Set.of("webhook");

    private final JdbcStorage storage = emptyStorage();
    private final OneStatementTransactions sql = new OneStatementTransactions(storage);

    /** A provider on an empty database. */
    abstract JdbcStorage emptyStorage();

    @Test
    void a_batch_delivered_at_the_first_attempt_writes_no_delivery_row_and_leaves_no_claim_row() {
        List<OutboxMessage> messages = List.of(message("agg-1"), message("agg-2"), message("agg-3"));
        storage.transactions().run(() -> storage.outbox().append(messages));

        List<OutboxClaim> claims = claim(T0, 10);
        assertThat(claimRows()).singleElement().satisfies(row -> assertThat(row).startsWith("webhook ").endsWith(
                claims.get(0).sequence() + "," + claims.get(1).sequence() + "," + claims.get(2).sequence()));
        assertThat(entry(messages.get(0)).deliveries()).containsExactly(
                new SinkDelivery("webhook", DeliveryStatus.IN_FLIGHT, 0, T0.plusSeconds(60), null, null, 1));
        assertThat(claim(T0.plusSeconds(59), 10)).as("in flight until the lease ends").isEmpty();

        mark(claims.stream().map(c -> OutboxMark.delivered(c, T0.plusSeconds(1))).toList());

        assertThat(deliveryRows()).isEmpty();
        assertThat(claimRows()).as("its entries marked, the claim row goes").isEmpty();
        assertThat(entry(messages.get(1)).deliveries()).containsExactly(new SinkDelivery("webhook",
                DeliveryStatus.DELIVERED, 1, T0.plusSeconds(1), null, T0.plusSeconds(1), 1));
        assertThat(entry(messages.get(1)).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(storage.transactions().execute(() -> storage.outbox().purgeDelivered(T0.plusSeconds(3600), 10)))
                .isEqualTo(3);
    }

    @Test
    void a_mark_of_part_of_a_batch_shortens_its_claim_row_and_a_failure_writes_a_delivery_row() {
        List<OutboxMessage> messages = List.of(message("agg-1"), message("agg-2"), message("agg-3"));
        storage.transactions().run(() -> storage.outbox().append(messages));
        List<OutboxClaim> claims = claim(T0, 10);

        mark(List.of(OutboxMark.delivered(claims.get(0), T0), OutboxMark.failed(claims.get(1), T0.plusSeconds(300),
                "the receiver is down")));

        assertThat(claimRows()).singleElement().satisfies(row -> assertThat(row).isEqualTo("webhook "
                + T0.plusSeconds(60) + " " + claims.get(2).sequence()));
        assertThat(deliveryRows()).containsExactly(messages.get(1).eventId() + "/webhook/FAILED/1");
        assertThat(entry(messages.get(1)).deliveries()).containsExactly(new SinkDelivery("webhook",
                DeliveryStatus.FAILED, 1, T0.plusSeconds(300), "the receiver is down", null, 1));

        mark(List.of(OutboxMark.deadLetter(claims.get(2), T0, "refused")));
        assertThat(claimRows()).isEmpty();
        assertThat(deliveryRows()).containsExactlyInAnyOrder(messages.get(1).eventId() + "/webhook/FAILED/1",
                messages.get(2).eventId() + "/webhook/DEAD_LETTER/1");
    }

    @Test
    void a_claim_again_after_the_lease_ended_writes_a_row_and_a_purge_deletes_the_spent_claim_row() {
        OutboxMessage lost = message("agg-lost");
        OutboxMessage waiting = message("agg-waiting");
        storage.transactions().run(() -> storage.outbox().append(List.of(lost, waiting)));
        List<OutboxClaim> first = claim(T0, 10);
        Instant later = T0.plusSeconds(61);

        // another relay, the first one's lease over, claims the one entry again (limit 1)
        List<OutboxClaim> again = claim(later, 1);

        assertThat(again).singleElement().satisfies(c -> assertThat(c.token()).isEqualTo(2));
        assertThat(deliveryRows()).containsExactly(lost.eventId() + "/webhook/IN_FLIGHT/2");
        assertThat(storage.transactions().execute(() -> storage.outbox().markDelivered(first.get(0), later)))
                .as("the first relay's claim no longer holds").isFalse();
        mark(List.of(OutboxMark.delivered(again.get(0), later)));
        assertThat(entry(lost).deliveries()).containsExactly(new SinkDelivery("webhook", DeliveryStatus.DELIVERED, 1,
                later, null, later, 2));

        assertThat(storage.transactions().execute(() -> storage.outbox().purgeDelivered(T0.plusSeconds(30), 10)))
                .as("the lease had not ended by then").isZero();
        assertThat(claimRows()).as("the claim row still lists the entry still claimed by it").hasSize(1);
        assertThat(storage.transactions().execute(() -> storage.outbox().purgeDelivered(later.plusSeconds(1), 10)))
                .isEqualTo(1);
        assertThat(claimRows()).as("the waiting entry is still the claim row's: it is kept").hasSize(1);
        assertThat(entry(waiting).deliveries()).singleElement().satisfies(d -> assertThat(d.status())
                .isEqualTo(DeliveryStatus.IN_FLIGHT));

        List<OutboxClaim> last = claim(later.plusSeconds(2), 10);
        assertThat(last).singleElement().satisfies(c -> assertThat(c.message()).isEqualTo(waiting));
        storage.transactions().execute(() -> storage.outbox().purgeDelivered(later.plusSeconds(3), 10));
        assertThat(claimRows()).as("no entry is the claim row's any more").isEmpty();
    }

    @Test
    void a_renewal_gives_the_delivery_a_row_with_the_new_lease_and_the_mark_then_removes_it_from_the_claim_row() {
        OutboxMessage m = message("agg-1");
        storage.transactions().run(() -> storage.outbox().append(List.of(m)));
        OutboxClaim claim = claim(T0, 10).get(0);

        assertThat(storage.transactions().execute(() -> storage.outbox().renew(claim, T0.plusSeconds(600)))).isTrue();

        assertThat(deliveryRows()).containsExactly(m.eventId() + "/webhook/IN_FLIGHT/1");
        assertThat(claim(T0.plusSeconds(100), 10)).as("the renewed lease holds past the claim row's").isEmpty();
        mark(List.of(OutboxMark.delivered(claim, T0.plusSeconds(101))));
        assertThat(claimRows()).isEmpty();
        assertThat(entry(m).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_claim_for_another_sink_of_an_entry_a_claim_row_lists_gives_both_deliveries_rows() {
        OutboxMessage m = message("agg-1");
        storage.transactions().run(() -> storage.outbox().append(List.of(m)));
        OutboxClaim webhook = claim(T0, 10).get(0);

        List<OutboxClaim> mail = storage.transactions().execute(
                () -> storage.outbox().claimDue(T0, Set.of("mail"), 10, T0.plusSeconds(30)));

        assertThat(mail).singleElement().satisfies(c -> assertThat(c.sink()).isEqualTo("mail"));
        assertThat(deliveryRows()).containsExactly(m.eventId() + "/mail/IN_FLIGHT/1", m.eventId() + "/webhook/IN_FLIGHT/1");
        mark(List.of(OutboxMark.delivered(webhook, T0), OutboxMark.delivered(mail.get(0), T0)));
        assertThat(entry(m).deliveries()).extracting(SinkDelivery::status)
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED);
        assertThat(claimRows()).isEmpty();
    }

    private List<OutboxClaim> claim(Instant now, int limit) {
        return storage.transactions().execute(() -> storage.outbox().claimDue(now, ONE_SINK, limit, now.plusSeconds(60)));
    }

    private void mark(List<OutboxMark> marks) {
        assertThat(storage.transactions().execute(() -> storage.outbox().markAll(marks))).containsOnly(true);
    }

    private OutboxEntry entry(OutboxMessage m) {
        return storage.transactions().execute(() -> storage.outbox().find(m.eventId())).orElseThrow();
    }

    private List<String> claimRows() {
        return sql.query("SELECT sink, lease_until, sequences FROM keyline_outbox_claim ORDER BY claim_id",
                row -> row.string("sink") + " " + row.instant("lease_until") + " " + row.string("sequences"));
    }

    private List<String> deliveryRows() {
        return sql.query("SELECT event_id, sink, status, claim_number FROM keyline_outbox_delivery ORDER BY event_id, sink",
                row -> row.string("event_id") + "/" + row.string("sink") + "/" + row.string("status") + "/"
                        + row.longValue("claim_number"));
    }

    private static OutboxMessage message(String aggregateId) {
        EventId id = EventId.random();
        return new OutboxMessage(id, aggregateId, "test.happened", T0, Audience.of("about " + aggregateId),
                "{\"note\":\"" + id + "\"}");
    }
}
