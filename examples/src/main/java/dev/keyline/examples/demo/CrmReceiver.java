package dev.keyline.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyline.domain.common.Require;
import dev.keyline.webhook.SignatureVerificationException;
import dev.keyline.webhook.WebhookSecret;
import dev.keyline.webhook.WebhookSignature;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The receiving end of the demo's webhook: it stands in for the CRM the account managers (客户经理),
 * industry managers, the financial manager (财务经理) and the department general manager work in.
 * It listens on 127.0.0.1 only, on a port the system picks, with the JDK's HTTP server.
 *
 * <p>Like the receiver of the notifications guide it verifies every request's Standard Webhooks
 * signature against the raw body with {@link WebhookSignature#verify} (answering 401 when
 * verification fails), takes
 * each event once by its id and acknowledges a repeat with 204 without taking it again. It keeps a
 * record of every request, so the report can show what arrived. For the story it can also be told
 * to refuse the first delivery of an event type with 503, as a CRM whose database is briefly
 * unavailable would; Keyline then tries again.
 */
public final class CrmReceiver implements AutoCloseable {

    /** The path the receiver listens on. */
    public static final String PATH = "/keyline/events";

    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;
    private final WebhookSecret secret;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<CrmArrival> arrivals = new ArrayList<>();
    // a real CRM keeps these ids in its database, written in the transaction of the event's effect
    private final Set<String> takenEventIds = new HashSet<>();
    private final Map<String, String> refusals = new LinkedHashMap<>();

    private CrmReceiver(HttpServer server, WebhookSecret secret, Clock clock) {
        this.server = server;
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * Starts a receiver on 127.0.0.1, on a free port the system picks.
     *
     * @param secret the secret shared with the webhook sink
     * @param clock the receiver's clock, for the signature's timestamp check
     * @return the running receiver; close it to stop it
     * @throws IOException when no port can be bound
     */
    public static CrmReceiver start(WebhookSecret secret, Clock clock) throws IOException {
        Require.nonNull(secret, "secret");
        Require.nonNull(clock, "clock");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), 0), 0);
        CrmReceiver receiver = new CrmReceiver(server, secret, clock);
        server.createContext(PATH, receiver::receive);
        server.start();
        return receiver;
    }

    /** The URL a webhook sink posts to: {@code http://127.0.0.1:<port>/keyline/events}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    /** The port the receiver listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Makes the receiver answer 503 to the next delivery of an event of the given type that it has
     * not taken yet, without taking it, as a CRM that cannot store the event right now would.
     *
     * @param eventType the event type, for example {@code account.churn-warning-raised}
     * @param reason why, for the record
     */
    public synchronized void refuseNextDeliveryOf(String eventType, String reason) {
        refusals.put(Require.nonBlank(eventType, "eventType"), Require.nonBlank(reason, "reason"));
    }

    /** Every request received so far, in order. */
    public synchronized List<CrmArrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The requests whose event the CRM took (once per event id), in order. */
    public synchronized List<CrmArrival> taken() {
        return arrivals.stream().filter(a -> a.outcome() == CrmArrival.Outcome.TAKEN).toList();
    }

    /**
     * The requests received for one event, in order.
     *
     * @param eventId the event id as text
     * @return the arrivals carrying that id
     */
    public synchronized List<CrmArrival> arrivalsOf(String eventId) {
        Require.nonBlank(eventId, "eventId");
        return arrivals.stream().filter(a -> a.eventId().equals(eventId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = in.readAllBytes(); // verify the exact bytes, before parsing
            exchange.sendResponseHeaders(admit(exchange.getRequestHeaders(), body), -1);
        }
    }

    private synchronized int admit(Headers headers, byte[] body) {
        String headerId = String.valueOf(headers.getFirst(WebhookSignature.ID_HEADER));
        String headerType = String.valueOf(headers.getFirst(WebhookSignature.EVENT_TYPE_HEADER));
        try {
            WebhookSignature.verify(secret, headers, body, clock.instant());
        } catch (SignatureVerificationException e) {
            // nothing of an unverified body is trusted: only the headers are recorded
            return record(CrmArrival.unverified(arrivals.size() + 1, headerId, headerType, e.failure().name()));
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            return record(CrmArrival.unreadable(arrivals.size() + 1, headerId, headerType, String.valueOf(e.getMessage())));
        }
        String eventId = event.path("eventId").asText();
        String type = event.path("type").asText();
        CrmArrival.Outcome outcome;
        if (takenEventIds.contains(eventId)) {
            outcome = CrmArrival.Outcome.REPEAT_ACKNOWLEDGED;
        } else if (refusals.containsKey(type)) {
            refusals.remove(type);
            outcome = CrmArrival.Outcome.REFUSED_FOR_NOW;
        } else {
            takenEventIds.add(eventId);
            outcome = CrmArrival.Outcome.TAKEN;
        }
        JsonNode audience = event.path("audience");
        return record(new CrmArrival(arrivals.size() + 1, eventId, type, text(audience, "role"),
                text(audience, "accountId"), text(audience, "subject"), event.path("attempt").asInt(), true, "",
                outcome, new String(body, StandardCharsets.UTF_8)));
    }

    private int record(CrmArrival arrival) {
        arrivals.add(arrival);
        return arrival.status();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    /** Stops receiving and frees the port. */
    @Override
    public void close() {
        server.stop(0);
    }
}
