package dev.keyline.webhook;

import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationEnvelope;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sink that POSTs each notification as signed JSON to one receiver's URL.
 *
 * <h2>Request</h2>
 * The body is the JSON envelope all JSON sinks share ({@link NotificationEnvelope}):
 * <pre>{@code
 * {"eventId":"0b6f…","type":"account.churn-warning-raised","occurredAt":"2025-03-01T08:00:00Z",
 *  "aggregateId":"KA-0042","attempt":1,
 *  "audience":{"role":"ACCOUNT_MANAGER","organisationUnit":"GZ","accountId":"KA-0042",
 *              "stationId":null,"subject":"Churn warning for KA-0042"},
 *  "payload":{ …the event's own JSON, embedded verbatim as a value… }}
 * }</pre>
 * with the headers of the Standard Webhooks specification: {@value WebhookSignature#ID_HEADER}
 * (the event id, the same on every attempt), {@value WebhookSignature#TIMESTAMP_HEADER} (the
 * sink's clock in Unix seconds) and {@value WebhookSignature#SIGNATURE_HEADER} ({@code v1,} and the
 * base64 HMAC-SHA256 of {@code "<id>.<timestamp>.<body>"}, one per secret, see
 * {@link WebhookSignature}), besides {@code Content-Type: application/json} and
 * {@value WebhookSignature#EVENT_TYPE_HEADER}. Each attempt is signed afresh, so its timestamp is
 * current.
 *
 * <h2>Outcome</h2>
 * <ul>
 *   <li>2xx: delivered; {@link #deliver(Notification)} returns.</li>
 *   <li>408, 429, 5xx (and any status above 599): {@link RetryableDeliveryException}, carrying the
 *       {@code Retry-After} header (delta-seconds or HTTP-date, read against the sink's clock) as
 *       its retry-after hint when present and readable.</li>
 *   <li>Every other status (3xx, as redirects are not followed, and 4xx):
 *       {@link PermanentDeliveryException}; the entry goes to the dead letters.</li>
 *   <li>No complete response within the request timeout, a refused, reset or dropped connection,
 *       or any other I/O failure: {@link RetryableDeliveryException} with the cause.</li>
 *   <li>A payload that is not one valid JSON value: {@link PermanentDeliveryException}, since
 *       sending it again cannot help.</li>
 * </ul>
 * Failure messages name the status, the endpoint (without its query) and the first 200
 * characters of the response body.
 *
 * <p>Delivery is at least once: a receiver that answered 2xx may see the same event again, for
 * example when its answer was lost; it de-duplicates by {@code eventId}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookSink sink = WebhookSink.builder()
 *         .endpoint("https://crm.example.com/keyline/events")
 *         .secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
 *         .requestTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class WebhookSink implements NotificationSink {

    /** How many characters of a response body a failure message quotes. */
    public static final int BODY_EXCERPT_LENGTH = 200;

    private static final int BODY_BYTES_KEPT = 4 * BODY_EXCERPT_LENGTH;
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final String endpointForMessages;
    private final List<WebhookSecret> secrets;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient client;
    private final String name;

    private WebhookSink(Builder builder) {
        this.endpoint = builder.endpoint;
        this.endpointForMessages = withoutQuery(builder.endpoint);
        this.secrets = List.copyOf(builder.secrets);
        this.requestTimeout = builder.requestTimeout;
        this.clock = builder.clock;
        this.client = builder.client != null ? builder.client : ownClient(builder);
        this.name = builder.name != null ? builder.name : "webhook:" + builder.endpoint.getRawAuthority();
    }

    private static HttpClient ownClient(Builder builder) {
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout);
        if (builder.executor != null) {
            http.executor(builder.executor);
        }
        return http.build();
    }

    /** A builder; the endpoint and the secret are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * POSTs the notification and returns when the receiver answered 2xx.
     *
     * @throws PermanentDeliveryException when the receiver refused it for good (3xx, 4xx other
     *         than 408 and 429) or the payload is not JSON
     * @throws RetryableDeliveryException when it may succeed later (408, 429, 5xx, time-out, I/O)
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    @Override
    public void deliver(Notification notification)
            throws PermanentDeliveryException, RetryableDeliveryException, InterruptedException {
        Require.nonNull(notification, "notification");
        byte[] body = requestBody(notification);
        long timestamp = clock.instant().getEpochSecond();
        String id = notification.eventId().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Keyline-Webhook/1")
                    .header(WebhookSignature.ID_HEADER, id)
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secrets, id, timestamp, body))
                    .header(WebhookSignature.EVENT_TYPE_HEADER, notification.type())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new PermanentDeliveryException("cannot build a request for event " + notification.eventId()
                    + " of type '" + notification.type() + "': " + e.getMessage(), e);
        }
        HttpResponse<byte[]> response = exchange(request, notification);
        classify(response, notification);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, Notification notification)
            throws RetryableDeliveryException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, info -> new ExcerptBodySubscriber(BODY_BYTES_KEPT));
        try {
            // the request's own timeout ends waiting for the headers; this bounds reading the body too
            return pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new RetryableDeliveryException("no complete response from " + endpointForMessages + " within "
                    + requestTimeout.toMillis() + " ms for event " + notification.eventId(), null, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RetryableDeliveryException(describeFailure(cause) + " for event " + notification.eventId(),
                    null, cause);
        }
    }

    private String describeFailure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect to " + endpointForMessages + " in time";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no response from " + endpointForMessages + " within " + requestTimeout.toMillis() + " ms";
        }
        String detail = cause.getMessage() == null || cause.getMessage().isBlank() ? "" : ": " + cause.getMessage();
        return (cause instanceof IOException ? "I/O failure talking to " : "failure talking to ")
                + endpointForMessages + " (" + cause.getClass().getSimpleName() + detail + ")";
    }

    private void classify(HttpResponse<byte[]> response, Notification notification)
            throws PermanentDeliveryException, RetryableDeliveryException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = "HTTP " + status + " from " + endpointForMessages + " for event " + notification.eventId()
                + ": " + excerpt(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                    .flatMap(value -> RetryAfterHeader.parse(value, clock.instant()));
            throw new RetryableDeliveryException(
                    message + retryAfter.map(wait -> " (retry after " + wait.getSeconds() + " s)").orElse(""),
                    retryAfter.orElse(null), null);
        }
        throw new PermanentDeliveryException(message);
    }

    /** The first {@value #BODY_EXCERPT_LENGTH} characters of a body, on one line. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        StringBuilder oneLine = new StringBuilder();
        text.codePoints().limit(BODY_EXCERPT_LENGTH)
                .forEach(c -> oneLine.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        boolean cut = text.codePointCount(0, text.length()) > BODY_EXCERPT_LENGTH || body.length >= BODY_BYTES_KEPT;
        return oneLine.length() == 0 ? "(blank body)" : oneLine + (cut ? "…" : "");
    }

    /** The JSON body for a notification: the envelope every JSON sink sends ({@link NotificationEnvelope}). */
    byte[] requestBody(Notification notification) throws PermanentDeliveryException {
        return NotificationEnvelope.toJson(notification);
    }

    /**
     * The sink's name in logs and dead-letter reasons; default {@code webhook:} followed by the
     * endpoint's host and, when the URL gives one, its port.
     */
    @Override
    public String name() {
        return name;
    }

    /** The URL notifications are posted to. */
    public URI endpoint() {
        return endpoint;
    }

    /** The limit on one exchange, from sending to reading the response. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public String toString() {
        return "WebhookSink[" + name + " -> " + endpointForMessages + "]";
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** Settings of a {@link WebhookSink}; {@link #build()} checks that they fit together. */
    public static final class Builder {

        private URI endpoint;
        private List<WebhookSecret> secrets;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean connectTimeoutSet;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private HttpClient client;
        private Executor executor;
        private String name;

        private Builder() {
        }

        /** The receiver's URL: absolute, {@code http} or {@code https}, with a host, no fragment. Required. */
        public Builder endpoint(URI endpoint) {
            Require.nonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            Require.that(endpoint.isAbsolute() && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)),
                    "endpoint", () -> "must be an http or https URL, was '" + endpoint + "'");
            Require.that(endpoint.getHost() != null && !endpoint.getHost().isBlank(), "endpoint",
                    () -> "must name a host, was '" + endpoint + "'");
            Require.that(endpoint.getRawFragment() == null, "endpoint", () -> "must not have a fragment, was '" + endpoint + "'");
            Require.that(endpoint.getRawUserInfo() == null, "endpoint",
                    "must not carry user info; the shared secret authenticates requests");
            this.endpoint = endpoint;
            return this;
        }

        /** The receiver's URL as text; see {@link #endpoint(URI)}. */
        public Builder endpoint(String endpoint) {
            Require.nonBlank(endpoint, "endpoint");
            try {
                return endpoint(new URI(endpoint.strip()));
            } catch (URISyntaxException e) {
                throw new dev.keyline.domain.common.InvalidArgumentException("endpoint",
                        "is not a valid URL: " + e.getMessage());
            }
        }

        /**
         * The shared secret as the Standard Webhooks specification writes it: {@code whsec_} and
         * the base64 of {@value WebhookSecret#MIN_KEY_BYTES} to {@value WebhookSecret#MAX_KEY_BYTES}
         * key bytes. Required, unless {@link #secret(WebhookSecret)} or {@link #secrets(List)} gives it.
         *
         * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code secret} when the
         *         text is not of that form
         */
        public Builder secret(String secret) {
            return secret(WebhookSecret.parse(secret));
        }

        /** The shared secret; replaces any given before. */
        public Builder secret(WebhookSecret secret) {
            Require.nonNull(secret, "secret");
            return secrets(List.of(secret));
        }

        /**
         * Several secrets, for a rotation: each request carries one signature per secret, so a
         * receiver that knows either the old or the new secret verifies it. Replaces any given before.
         *
         * @param secrets one or more distinct secrets, in the order their signatures are written
         */
        public Builder secrets(List<WebhookSecret> secrets) {
            Require.nonNull(secrets, "secrets");
            Require.that(!secrets.isEmpty(), "secrets", "must hold at least one secret");
            List<WebhookSecret> copy = new ArrayList<>(secrets.size());
            for (WebhookSecret secret : secrets) {
                Require.nonNull(secret, "secrets");
                Require.that(!copy.contains(secret), "secrets", "must not hold the same secret twice");
                copy.add(secret);
            }
            this.secrets = List.copyOf(copy);
            return this;
        }

        /**
         * How long to wait for a connection; default 5 s. Applies to the sink's own client; when
         * an {@link #httpClient(HttpClient)} is given, set it on that client instead.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * How long one exchange may take, from sending the request until the response (headers
         * and the part of the body read for messages) has arrived; default 10 s.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** The clock for signature timestamps and HTTP-date {@code Retry-After} values; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Require.nonNull(clock, "clock");
            return this;
        }

        /**
         * A client to use instead of the sink's own (HTTP/1.1, no redirects). The host owns its
         * settings; it should not follow redirects.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.client = Require.nonNull(httpClient, "httpClient");
            return this;
        }

        /** The executor of the sink's own client for its asynchronous work; default the JDK's. */
        public Builder executor(Executor executor) {
            this.executor = Require.nonNull(executor, "executor");
            return this;
        }

        /**
         * The sink's name in logs and dead-letter reasons; default {@code webhook:} followed by the
         * endpoint's host and, when the URL gives one, its port.
         */
        public Builder name(String name) {
            this.name = Require.nonBlank(name, "name");
            return this;
        }

        /**
         * Builds the sink.
         *
         * @throws dev.keyline.domain.common.InvalidArgumentException when the endpoint or secret is
         *         missing, or a client is given together with an executor or connect timeout
         */
        public WebhookSink build() {
            Require.nonNull(endpoint, "endpoint");
            Require.that(secrets != null, "secret", "is required: give it with secret(\"whsec_…\") or secrets(…)");
            Require.that(client == null || executor == null, "executor",
                    "cannot be combined with httpClient; configure the executor on that client");
            Require.that(client == null || !connectTimeoutSet, "connectTimeout",
                    "cannot be combined with httpClient; configure the connect timeout on that client");
            return new WebhookSink(this);
        }

        private static Duration positive(Duration value, String name) {
            Require.nonNull(value, name);
            Require.that(!value.isNegative() && !value.isZero(), name, () -> "must be positive, was " + value);
            return value;
        }
    }
}
