package dev.keyline.webhook;

import static dev.keyline.webhook.LoopbackReceiver.drop;
import static dev.keyline.webhook.LoopbackReceiver.slow;
import static dev.keyline.webhook.LoopbackReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.spi.Notification;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.webhook.SignatureVerificationException.Failure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSinkTest {

    static final WebhookSecret SECRET = WebhookSecret.ofKey("s3cret-shared-with-the-receiver".getBytes(StandardCharsets.UTF_8));
    static final Instant START = Instant.parse("2025-03-01T08:00:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackReceiver receiver;
    private final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = LoopbackReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    static Notification notification(String payload) {
        return new Notification(EventId.random(), "account.churn-warning-raised", Instant.parse("2025-03-01T08:00:00Z"),
                "KA-0042", new Audience("ACCOUNT_MANAGER", "GZ", "KA-0042", null, "Churn warning for KA-0042 “华南”"),
                payload, 1);
    }

    /** A sink with generous timeouts: tests that expect an answer do not depend on the machine's speed. */
    private WebhookSink sink() {
        return WebhookSink.builder().endpoint(receiver.uri()).secret(SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5)).build();
    }

    /** A sink that waits 300 ms for an answer, for the test of a receiver that does not answer in time. */
    private WebhookSink impatientSink() {
        return WebhookSink.builder().endpoint(receiver.uri()).secret(SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofMillis(300)).build();
    }

    @Test
    void postsSignedJsonThatTheReceiverVerifies() throws Exception {
        List<Exception> verificationFailures = Collections.synchronizedList(new ArrayList<>());
        receiver.otherwise((exchange, request, r) -> {
            try {
                WebhookSignature.verify(SECRET, exchange.getRequestHeaders(), request.body(), clock.instant());
                status(204, "").respond(exchange, request, r);
            } catch (SignatureVerificationException e) {
                verificationFailures.add(e);
                status(401, e.getMessage()).respond(exchange, request, r);
            }
        });
        String payload = "{\"accountId\":\"KA-0042\",\"score\":12.50,\"big\":123456789012345678901234567890,"
                + "\"tags\":[\"a\",null,true],\"note\":\"华南 \\\"quoted\\\"\"}";
        Notification sent = notification(payload);

        sink().deliver(sent);

        assertThat(verificationFailures).isEmpty();
        assertThat(receiver.received()).hasSize(1);
        LoopbackReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("webhook-id")).isEqualTo(sent.eventId().toString());
        assertThat(request.header("keyline-event-type")).isEqualTo("account.churn-warning-raised");
        assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(START.getEpochSecond()));
        assertThat(request.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=")
                .isEqualTo(WebhookSignature.sign(SECRET, sent.eventId().toString(), START.getEpochSecond(),
                        request.body()));

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("eventId").asText()).isEqualTo(sent.eventId().toString());
        assertThat(body.get("type").asText()).isEqualTo("account.churn-warning-raised");
        assertThat(body.get("occurredAt").asText()).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(body.get("aggregateId").asText()).isEqualTo("KA-0042");
        assertThat(body.get("attempt").asInt()).isEqualTo(1);
        assertThat(body.get("audience").get("role").asText()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(body.get("audience").get("organisationUnit").asText()).isEqualTo("GZ");
        assertThat(body.get("audience").get("accountId").asText()).isEqualTo("KA-0042");
        assertThat(body.get("audience").get("stationId").isNull()).isTrue();
        assertThat(body.get("audience").get("subject").asText()).isEqualTo("Churn warning for KA-0042 “华南”");
        assertThat(body.get("payload").isObject()).as("payload embedded as JSON, not as a string").isTrue();
        assertThat(body.get("payload")).isEqualTo(JSON.readTree(payload));
        // embedded verbatim: the scale of 12.50 and the big integer survive
        assertThat(request.bodyText()).contains("\"payload\":" + payload);
    }

    @Test
    void eachAttemptIsSignedAtTheClocksCurrentTime() throws Exception {
        WebhookSink sink = sink();
        Notification first = notification("{}");
        sink.deliver(first);
        clock.advance(Duration.ofSeconds(90));
        sink.deliver(new Notification(first.eventId(), first.type(), first.occurredAt(), first.aggregateId(),
                first.audience(), first.payload(), 2));

        List<LoopbackReceiver.Received> requests = receiver.received();
        assertThat(requests).extracting(r -> r.header("webhook-timestamp"))
                .containsExactly(Long.toString(START.getEpochSecond()), Long.toString(START.getEpochSecond() + 90));
        assertThat(JSON.readTree(requests.get(1).body()).get("attempt").asInt()).isEqualTo(2);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(first.eventId().toString());
    }

    @Test
    void aReceiverWithAnotherSecretRejectsTheRequest() {
        WebhookSecret wrongSecret = WebhookSecret.generate();
        List<SignatureVerificationException> rejections = Collections.synchronizedList(new ArrayList<>());
        receiver.otherwise((exchange, request, r) -> {
            try {
                WebhookSignature.verify(wrongSecret, exchange.getRequestHeaders(), request.body(), clock.instant());
                status(204, "").respond(exchange, request, r);
            } catch (SignatureVerificationException e) {
                rejections.add(e);
                status(401, "bad signature").respond(exchange, request, r);
            }
        });

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("bad signature");
        assertThat(rejections).singleElement().extracting(SignatureVerificationException::failure)
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void aReceiverWhoseClockIsFarAheadRejectsTheTimestampAsStale() throws Exception {
        sink().deliver(notification("{}"));
        LoopbackReceiver.Received request = receiver.received().get(0);

        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, request.headers(), request.body(),
                START.plus(Duration.ofMinutes(6))))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.STALE_TIMESTAMP));
    }

    @Test
    void aResponseSlowerThanTheRequestTimeoutIsRetryable() {
        receiver.then(slow());

        assertThatThrownBy(() -> impatientSink().deliver(notification("{}")))
                .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> assertThat(e.retryAfter()).isEmpty())
                .hasMessageContaining("within 300 ms");
        assertThat(receiver.received()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverErrorsTimeoutsAndThrottlingAreRetryable(int code) {
        receiver.then(status(code, "try later"));

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOf(RetryableDeliveryException.class)
                .hasMessageContaining("HTTP " + code).hasMessageContaining("try later")
                .hasMessageContaining("http://127.0.0.1:").hasMessageNotContaining("tenant=t1");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422, 301, 302})
    void otherRefusalsArePermanent(int code) {
        receiver.then(status(code, "{\"error\":\"no such hook\"}", "Location", "http://127.0.0.1:1/elsewhere"));

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("HTTP " + code).hasMessageContaining("{\"error\":\"no such hook\"}");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aLongResponseBodyIsQuotedOnlyInPart() {
        String body = "gone:" + "x".repeat(195) + "TAIL" + "y".repeat(5000);
        receiver.then(status(410, body));

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("HTTP 410").hasMessageEndingWith("gone:" + "x".repeat(195) + "…")
                .hasMessageNotContaining("TAIL");
    }

    @Test
    void anEmptyErrorBodyIsSaidToBeEmpty() {
        receiver.then(status(404, ""));

        assertThatThrownBy(() -> sink().deliver(notification("{}"))).hasMessageEndingWith("(empty body)");
    }

    @Test
    void retryAfterInSecondsBecomesTheHint() {
        receiver.then(status(429, "slow down", "Retry-After", "120"));

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOfSatisfying(RetryableDeliveryException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)))
                .hasMessageContaining("retry after 120 s");
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheSinksClock() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(90).atOffset(ZoneOffset.UTC));
        receiver.then(status(503, "maintenance", "Retry-After", date));

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOfSatisfying(RetryableDeliveryException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(90)));
    }

    @Test
    void anUnreadableRetryAfterIsNoHint() {
        receiver.then(status(503, "maintenance", "Retry-After", "soon"));

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void aDroppedConnectionIsRetryable() {
        receiver.then(drop());

        assertThatThrownBy(() -> sink().deliver(notification("{}")))
                .isInstanceOf(RetryableDeliveryException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("I/O failure talking to http://127.0.0.1:");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetryable() {
        URI closed = receiver.uri();
        receiver.close();

        WebhookSink sink = WebhookSink.builder().endpoint(closed).secret(SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> sink.deliver(notification("{}")))
                .isInstanceOf(RetryableDeliveryException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aPayloadThatIsNotJsonFailsPermanentlyWithoutARequest() {
        assertThatThrownBy(() -> sink().deliver(notification("{\"open\":")))
                .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("not one valid JSON value");
        assertThatThrownBy(() -> sink().deliver(notification("{} {}")))
                .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("not one valid JSON value");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aHostsOwnHttpClientCanBeUsed() {
        WebhookSink sink = WebhookSink.builder().endpoint(receiver.uri().toString()).secret(SECRET)
                .httpClient(HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build())
                .requestTimeout(Duration.ofSeconds(2)).name("crm").build();

        assertThatCode(() -> sink.deliver(notification("[1,2,3]"))).doesNotThrowAnyException();
        assertThat(receiver.received()).hasSize(1);
        assertThat(sink.name()).isEqualTo("crm");
    }

    @Test
    void theDefaultNameShowsTheReceiversAuthority() {
        assertThat(sink().name()).isEqualTo("webhook:127.0.0.1:" + receiver.uri().getPort());
        assertThat(sink().endpoint()).isEqualTo(receiver.uri());
        assertThat(impatientSink().requestTimeout()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void theBuilderRejectsBadSettingsByName() {
        assertThatThrownBy(() -> WebhookSink.builder().endpoint("ftp://127.0.0.1/x")).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint("/relative")).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint("http://a b")).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint("http://127.0.0.1/x#frag")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint("http://u:p@127.0.0.1/x")).hasMessageContaining("user info");
        assertThatThrownBy(() -> WebhookSink.builder().secret("s3cret-shared-with-the-receiver"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("secret: must start with 'whsec_'")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> WebhookSink.builder().secret("whsec_c2hvcnQ=")).hasMessageContaining("had 5");
        assertThatThrownBy(() -> WebhookSink.builder().secret("whsec_not base64!"))
                .hasMessageContaining("standard base64");
        assertThatThrownBy(() -> WebhookSink.builder().secrets(List.of())).hasMessageContaining("secrets");
        assertThatThrownBy(() -> WebhookSink.builder().secrets(List.of(SECRET, SECRET)))
                .hasMessageContaining("the same secret twice");
        assertThatThrownBy(() -> WebhookSink.builder().requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> WebhookSink.builder().connectTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> WebhookSink.builder().secret(SECRET).build()).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint(receiver.uri()).build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("secret: is required");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint(receiver.uri()).secret(SECRET)
                .httpClient(HttpClient.newHttpClient()).connectTimeout(Duration.ofSeconds(1)).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> WebhookSink.builder().endpoint(receiver.uri()).secret(SECRET)
                .httpClient(HttpClient.newHttpClient()).executor(Runnable::run).build())
                .hasMessageContaining("executor");
        assertThatThrownBy(() -> sink().deliver(null)).hasMessageContaining("notification");
    }

    @Test
    void duringARotationEachRequestCarriesASignaturePerSecret() throws Exception {
        WebhookSecret next = WebhookSecret.generate();
        WebhookSink sink = WebhookSink.builder().endpoint(receiver.uri()).secrets(List.of(SECRET, next)).clock(clock)
                .build();

        sink.deliver(notification("{}"));

        LoopbackReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThatCode(() -> WebhookSignature.verify(SECRET, request.headers(), request.body(), START))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(next, request.headers(), request.body(), START))
                .doesNotThrowAnyException();
    }

    @Test
    void theSecretsTextIsWhatTheBuilderTakes() throws Exception {
        WebhookSink sink = WebhookSink.builder().endpoint(receiver.uri()).secret(SECRET.text()).clock(clock).build();

        sink.deliver(notification("{}"));

        LoopbackReceiver.Received request = receiver.received().get(0);
        assertThatCode(() -> WebhookSignature.verify(SECRET, request.headers(), request.body(), START))
                .doesNotThrowAnyException();
    }
}
