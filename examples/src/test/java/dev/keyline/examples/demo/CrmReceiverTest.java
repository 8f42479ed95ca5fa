package dev.keyline.examples.demo;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.spi.Notification;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.webhook.WebhookSecret;
import dev.keyline.webhook.WebhookSignature;
import dev.keyline.webhook.WebhookSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The CRM's receiver, driven by the real webhook sink over loopback. */
class CrmReceiverTest {

    private static final WebhookSecret SECRET = WebhookSecret.ofKey("the-crm-and-keyline-share-this".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2024-10-01T01:00:00Z");

    private final DemoClock clock = new DemoClock(NOW, ZoneOffset.UTC);
    private final CrmReceiver receiver;

    CrmReceiverTest() throws IOException {
        receiver = CrmReceiver.start(SECRET, clock);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookSink sink(WebhookSecret secret) {
        return WebhookSink.builder().endpoint(receiver.endpoint()).secret(secret).clock(clock)
                .requestTimeout(Duration.ofSeconds(10)).build();
    }

    private static Notification notification(String type, int attempt) {
        EventId id = new EventId(UUID.nameUUIDFromBytes((type + attempt).getBytes(StandardCharsets.UTF_8)));
        return new Notification(id, type, NOW, "KM-C049",
                new Audience("ACCOUNT_MANAGER", "KM", "KM-C049", null, "Churn warning for key account KM-C049"),
                "{\"account\":\"KM-C049\"}", attempt);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(receiver.endpoint().toString()).isEqualTo("http://127.0.0.1:" + receiver.port() + CrmReceiver.PATH);
    }

    @Test
    void takesAVerifiedEventOnceAndAcknowledgesItsRepeats() throws Exception {
        Notification first = notification("account.churn-warning-raised", 1);
        Notification again = new Notification(first.eventId(), first.type(), first.occurredAt(), first.aggregateId(),
                first.audience(), first.payload(), 2);

        sink(SECRET).deliver(first);
        sink(SECRET).deliver(again);

        assertThat(receiver.arrivals()).extracting(CrmArrival::attempt, CrmArrival::outcome, CrmArrival::status,
                CrmArrival::signatureVerified).containsExactly(
                tuple(1, CrmArrival.Outcome.TAKEN, 204, true),
                tuple(2, CrmArrival.Outcome.REPEAT_ACKNOWLEDGED, 204, true));
        assertThat(receiver.taken()).singleElement().satisfies(a -> {
            assertThat(a.eventId()).isEqualTo(first.eventId().toString());
            assertThat(a.type()).isEqualTo("account.churn-warning-raised");
            assertThat(a.role()).isEqualTo("ACCOUNT_MANAGER");
            assertThat(a.account()).isEqualTo("KM-C049");
            assertThat(a.subject()).isEqualTo("Churn warning for key account KM-C049");
            assertThat(a.body()).contains("\"payload\":{\"account\":\"KM-C049\"}");
        });
    }

    @Test
    void refusesTheNextDeliveryOfATypeWith503AndTakesTheRetry() throws Exception {
        Notification warning = notification("account.churn-warning-raised", 1);
        receiver.refuseNextDeliveryOf("account.churn-warning-raised", "database backup");

        assertThatThrownBy(() -> sink(SECRET).deliver(warning)).isInstanceOf(RetryableDeliveryException.class)
                .hasMessageContaining("HTTP 503");
        sink(SECRET).deliver(warning);

        assertThat(receiver.arrivalsOf(warning.eventId().toString())).extracting(CrmArrival::outcome)
                .containsExactly(CrmArrival.Outcome.REFUSED_FOR_NOW, CrmArrival.Outcome.TAKEN);
    }

    @Test
    void aRefusalForOneTypeLeavesOtherTypesAlone() throws Exception {
        receiver.refuseNextDeliveryOf("account.exited", "not now");

        sink(SECRET).deliver(notification("account-plan.drawn", 1));

        assertThat(receiver.arrivals()).extracting(CrmArrival::outcome).containsExactly(CrmArrival.Outcome.TAKEN);
    }

    @Test
    void refusesARequestSignedWithAnotherSecretAndTrustsNothingOfIt() {
        Notification forged = notification("account.exited", 1);

        assertThatThrownBy(() -> sink(WebhookSecret.generate()).deliver(forged))
                .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 401");

        assertThat(receiver.taken()).isEmpty();
        assertThat(receiver.arrivals()).singleElement().satisfies(a -> {
            assertThat(a.signatureVerified()).isFalse();
            assertThat(a.verificationFailure()).isEqualTo("SIGNATURE_MISMATCH");
            assertThat(a.eventId()).isEqualTo(forged.eventId().toString());
            assertThat(a.role()).isEmpty();
            assertThat(a.body()).isEmpty();
        });
    }

    @Test
    void refusesAReplayedRequestWhoseTimestampIsTooOld() {
        DemoClock senderClock = new DemoClock(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        WebhookSink late = WebhookSink.builder().endpoint(receiver.endpoint()).secret(SECRET).clock(senderClock).build();

        assertThatThrownBy(() -> late.deliver(notification("account.exited", 1)))
                .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 401");
        assertThat(receiver.arrivals()).extracting(CrmArrival::verificationFailure).containsExactly("STALE_TIMESTAMP");
    }

    @Test
    void answers400ToASignedBodyThatIsNotJson() throws Exception {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
        long timestamp = NOW.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(receiver.endpoint())
                .header(WebhookSignature.ID_HEADER, "e-1").header(WebhookSignature.EVENT_TYPE_HEADER, "x.y")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, "e-1", timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(receiver.arrivals()).extracting(CrmArrival::outcome, CrmArrival::eventId)
                .containsExactly(tuple(CrmArrival.Outcome.UNREADABLE, "e-1"));
    }

    @Test
    void answers405ToAnythingButPost() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(receiver.endpoint()).GET()
                .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(receiver.arrivals()).isEmpty();
    }

    @Test
    void closingFreesThePort() {
        int port = receiver.port();

        receiver.close();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void rejectsAMissingSecretAndBadArguments() {
        assertThatThrownBy(() -> CrmReceiver.start(null, clock)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> CrmReceiver.start(SECRET, null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> receiver.refuseNextDeliveryOf(" ", "why")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("eventType");
        assertThatThrownBy(() -> receiver.arrivalsOf("")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void anArrivalIsUnverifiedExactlyWhenItsOutcomeSaysSo() {
        assertThatThrownBy(() -> new CrmArrival(1, "e", "t", "", "", "", 1, false, "", CrmArrival.Outcome.TAKEN, ""))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("signatureVerified");
        assertThatThrownBy(() -> new CrmArrival(0, "e", "t", "", "", "", 1, true, "", CrmArrival.Outcome.TAKEN, ""))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("number");
        assertThat(CrmArrival.unverified(3, "e", "t", "MISSING_HEADER").status()).isEqualTo(401);
    }
}
