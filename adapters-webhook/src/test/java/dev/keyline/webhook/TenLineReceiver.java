package dev.keyline.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The short Java receiver of docs/notifications.md, kept here so that it compiles and is tested;
 * the lines between the guide markers are in the guide word for word (less their indentation).
 */
final class TenLineReceiver {

    private TenLineReceiver() {
    }

    /** Starts the receiver; {@code onEvent} gets each verified request's id and body. */
    static HttpServer start(InetSocketAddress address, String whsecSecret, BiConsumer<String, byte[]> onEvent)
            throws IOException {
        // guide:start
        WebhookSecret secret = WebhookSecret.parse(whsecSecret); // the whsec_... secret
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/keyline/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes(); // verify the raw bytes, then parse
            try {
                WebhookSignature.verify(secret, exchange.getRequestHeaders(), body, Instant.now());
                onEvent.accept(exchange.getRequestHeaders().getFirst("webhook-id"), body);
                exchange.sendResponseHeaders(204, -1);
            } catch (SignatureVerificationException e) {
                exchange.sendResponseHeaders(401, -1); // forged, altered or replayed
            }
            exchange.close();
        });
        server.start();
        // guide:end
        return server;
    }
}
