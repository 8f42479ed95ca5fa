package dev.keyline.webhook;

import static dev.keyline.webhook.LoopbackReceiver.drop;
import static dev.keyline.webhook.LoopbackReceiver.slow;
import static dev.keyline.webhook.LoopbackReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.domain.common.EventId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.fixture.FixtureEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink driven by the real relay over the in-memory provider, against a loopback receiver. */
class WebhookRelayTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30),
            Duration.ofMinutes(1), 100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = TestClock.standard();
    private LoopbackReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = LoopbackReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private WebhookSink sink(Duration requestTimeout) {
        return WebhookSink.builder().endpoint(receiver.uri()).secret(WebhookSinkTest.SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(requestTimeout).name("crm").build();
    }

    private Keyline keyline(WebhookSink sink) {
        return keyline(sink, POLICY);
    }

    private Keyline keyline(WebhookSink sink, RetryPolicy policy) {
        return Keyline.builder().storage(new InMemoryStorage()).clock(clock).retryPolicy(policy).sink(sink).build();
    }

    private FixtureEvent publish(Keyline keyline, String aggregateId, String note) {
        FixtureEvent event = FixtureEvent.about(aggregateId, clock.instant(), note);
        keyline.run(ctx -> ctx.publish(event));
        return event;
    }

    private static OutboxEntry entry(Keyline keyline, EventId id) {
        return keyline.transactions().execute(() -> keyline.storage().outbox().find(id)).orElseThrow();
    }

    @Test
    void aCommittedEventReachesTheReceiverSignedAndIsMarkedDelivered() throws Exception {
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)));
        FixtureEvent event = publish(keyline, "KA-0042", "churn risk");

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(entry(keyline, event.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        LoopbackReceiver.Received request = receiver.received().get(0);
        WebhookSignature.verify(WebhookSinkTest.SECRET, request.headers(), request.body(), clock.instant());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("eventId").asText()).isEqualTo(event.eventId().toString());
        assertThat(body.get("type").asText()).isEqualTo(FixtureEvent.TYPE);
        assertThat(body.get("audience").get("accountId").asText()).isEqualTo("KA-0042");
        assertThat(body.get("payload").get("note").asText()).isEqualTo("churn risk");
    }

    @Test
    void aServerErrorIsRetriedByTheRelayAndThenDelivered() throws Exception {
        receiver.then(status(500, "database down"));
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)));
        FixtureEvent event = publish(keyline, "KA-1", "n");

        assertThat(keyline.relay().pumpOnce().retried()).isEqualTo(1);
        OutboxEntry failed = entry(keyline, event.eventId());
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastError()).startsWith("crm: ").contains("HTTP 500").contains("database down");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(POLICY.backoffAfter(1)));

        clock.advance(POLICY.backoffAfter(1));
        assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);

        assertThat(entry(keyline, event.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(receiver.received()).extracting(r -> JSON.readTree(r.body()).get("attempt").asInt())
                .containsExactly(1, 2);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id"))
                .containsOnly(event.eventId().toString());
    }

    @Test
    void aGoneReceiverDeadLettersAtOnceWithStatusAndBodyInTheReason() {
        receiver.then(status(410, "{\"error\":\"hook removed by the CRM admin\"}"));
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)));
        FixtureEvent event = publish(keyline, "KA-1", "n");

        RelayReport report = keyline.relay().pumpOnce();

        assertThat(report.deadLettered()).isEqualTo(1);
        assertThat(keyline.relay().deadLetters(10)).singleElement().satisfies(dead -> {
            assertThat(dead.message().eventId()).isEqualTo(event.eventId());
            assertThat(dead.attempts()).isEqualTo(1);
            assertThat(dead.lastError()).startsWith("crm: ").contains("HTTP 410")
                    .contains("{\"error\":\"hook removed by the CRM admin\"}");
        });
        clock.advance(Duration.ofHours(1));
        assertThat(keyline.relay().pumpUntilIdle(5).attempted()).isZero();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReceiverCannotPushARetryBeyondTheCapOfOneHour() {
        receiver.then(status(503, "maintenance", "Retry-After", "864000"));
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)), RetryPolicy.defaults());
        FixtureEvent event = publish(keyline, "KA-1", "n");
        Instant firstAttempt = clock.instant();

        assertThat(keyline.relay().pumpOnce().retried()).isEqualTo(1);

        assertThat(entry(keyline, event.eventId()).nextAttemptAt()).as("ten days asked, one hour granted")
                .isEqualTo(firstAttempt.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(1));
        assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aReceiversRetryAfterIsCappedAtThePolicysSetting() {
        receiver.then(status(429, "slow down", "Retry-After", "7200"));
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)), POLICY.withMaxRetryAfter(Duration.ofMinutes(10)));
        FixtureEvent event = publish(keyline, "KA-1", "n");

        keyline.relay().pumpOnce();

        assertThat(entry(keyline, event.eventId()).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void aRetryAfterOf429IsHonouredByTheRelaysClock() {
        receiver.then(status(429, "slow down", "Retry-After", "120"));
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)));
        FixtureEvent event = publish(keyline, "KA-1", "n");
        Instant firstAttempt = clock.instant();

        assertThat(keyline.relay().pumpOnce().retried()).isEqualTo(1);
        assertThat(entry(keyline, event.eventId()).nextAttemptAt()).isEqualTo(firstAttempt.plusSeconds(120));

        clock.advance(Duration.ofSeconds(119)); // the relay's own backoff (1 s) has long passed
        assertThat(keyline.relay().pumpOnce().attempted()).isZero();
        assertThat(receiver.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aDroppedConnectionIsRetriedAndThenDelivered() {
        receiver.then(drop());
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)));
        FixtureEvent event = publish(keyline, "KA-1", "n");

        assertThat(keyline.relay().pumpOnce().retried()).isEqualTo(1);
        assertThat(entry(keyline, event.eventId()).lastError()).contains("I/O failure");
        clock.advance(POLICY.backoffAfter(1));
        assertThat(keyline.relay().pumpOnce().delivered()).isEqualTo(1);
    }

    @Test
    void aReceiverThatAnswersTooLateSeesTheEventTwiceAndProcessesItOnce() throws Exception {
        Set<String> processed = Collections.synchronizedSet(new LinkedHashSet<>());
        List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
        LoopbackReceiver.Responder deduplicating = (exchange, request, r) -> {
            String id = request.header("webhook-id");
            arrivals.add(id);
            processed.add(id); // a set: a repeat changes nothing
        };
        // first request: processed, but the answer comes after the sink gave up
        receiver.then((exchange, request, r) -> {
            deduplicating.respond(exchange, request, r);
            slow().respond(exchange, request, r);
        }).otherwise((exchange, request, r) -> {
            deduplicating.respond(exchange, request, r);
            status(204, "").respond(exchange, request, r);
        });
        Keyline keyline = keyline(sink(Duration.ofMillis(300)));
        FixtureEvent event = publish(keyline, "KA-1", "n");

        RelayReport first = keyline.relay().pumpOnce();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(entry(keyline, event.eventId()).lastError()).contains("within 300 ms");
        // later answers are prompt; a few rounds allow for a machine too busy to answer in 300 ms
        for (int round = 0; round < 5 && entry(keyline, event.eventId()).status() != DeliveryStatus.DELIVERED; round++) {
            clock.advance(POLICY.maxBackoff());
            keyline.relay().pumpOnce();
        }

        assertThat(entry(keyline, event.eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(2).containsOnly(event.eventId().toString());
        assertThat(processed).containsExactly(event.eventId().toString());
    }

    @Test
    void underRandomFailuresEveryEventArrivesAtLeastOnceAndInOrderPerAggregate() throws Exception {
        // a fixed mix of failures, answered in turn; bounded: 40 events, at most 60 pump rounds
        List<LoopbackReceiver.Responder> mix = List.of(status(503, "busy"), status(204, ""), drop(),
                status(200, "ok"), status(429, "later", "Retry-After", "5"), status(204, ""), status(502, "proxy"));
        Map<String, List<String>> firstSeenPerAggregate = Collections.synchronizedMap(new LinkedHashMap<>());
        Set<String> processed = Collections.synchronizedSet(new LinkedHashSet<>());
        int[] turn = {0};
        receiver.otherwise((exchange, request, r) -> {
            LoopbackReceiver.Responder next;
            synchronized (turn) {
                next = mix.get(turn[0]++ % mix.size());
            }
            JsonNode body = JSON.readTree(request.body());
            next.respond(exchange, request, r);
            if (exchange.getResponseCode() / 100 == 2 && processed.add(body.get("eventId").asText())) {
                firstSeenPerAggregate.computeIfAbsent(body.get("aggregateId").asText(), a -> new ArrayList<>())
                        .add(body.get("eventId").asText());
            }
        });
        // 4 of every 7 answers fail, so an event may fail 4 times running: allow more attempts
        Keyline keyline = keyline(sink(Duration.ofSeconds(5)), POLICY.withMaxAttempts(10));
        Map<String, List<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String aggregate = "KA-" + (i % 4);
            FixtureEvent event = publish(keyline, aggregate, "event " + i);
            published.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(event.eventId().toString());
        }

        for (int round = 0; round < 60 && processed.size() < 40; round++) {
            keyline.relay().pumpUntilIdle(10);
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(processed).hasSize(40);
        assertThat(firstSeenPerAggregate).isEqualTo(published);
        assertThat(keyline.relay().deadLetters(100)).isEmpty();
    }
}
