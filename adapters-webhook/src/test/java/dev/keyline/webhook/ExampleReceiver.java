package dev.keyline.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The receiver of docs/notifications.md, kept here so that it compiles and is tested: it verifies
 * each request's signature, answers 401 to forgeries, de-duplicates by event id and hands each
 * event to the application once.
 */
public final class ExampleReceiver implements AutoCloseable {

    private final HttpServer server;
    private final WebhookSecret secret;
    private final Clock clock;
    private final Consumer<JsonNode> application;
    private final ObjectMapper json = new ObjectMapper();
    // a real receiver keeps these ids in its database, written in the transaction of its effect
    private final Set<String> processedEventIds = ConcurrentHashMap.newKeySet();

    /**
     * Starts receiving on {@code address} at the path {@code /keyline/events}.
     *
     * @param secret the secret shared with the Keyline webhook sink, {@code whsec_…}
     * @param clock the receiver's clock, for the timestamp check
     * @param application what to do with each event, once per event id
     */
    public ExampleReceiver(InetSocketAddress address, WebhookSecret secret, Clock clock, Consumer<JsonNode> application)
            throws IOException {
        this.secret = secret;
        this.clock = clock;
        this.application = application;
        this.server = HttpServer.create(address, 0);
        this.server.createContext("/keyline/events", this::receive);
        this.server.start();
    }

    /** The port the receiver listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = in.readAllBytes(); // verify the exact bytes, before parsing
            try {
                WebhookSignature.verify(secret, exchange.getRequestHeaders(), body, clock.instant());
            } catch (SignatureVerificationException e) {
                exchange.sendResponseHeaders(401, -1); // forged, altered or replayed: do not retry
                return;
            }
            JsonNode event = json.readTree(body);
            String eventId = event.get("eventId").asText();
            if (processedEventIds.contains(eventId)) {
                exchange.sendResponseHeaders(204, -1); // seen before: acknowledge again, do nothing
                return;
            }
            try {
                application.accept(event);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(503, -1); // not processed: Keyline will try again
                return;
            }
            processedEventIds.add(eventId);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Stops receiving. */
    @Override
    public void close() {
        server.stop(0);
    }
}
