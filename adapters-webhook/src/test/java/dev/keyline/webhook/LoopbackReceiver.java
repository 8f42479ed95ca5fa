package dev.keyline.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 and a free port, answering each request with the next scripted
 * response (then 204), recording what it received. Closing it releases slow handlers, stops the
 * server and its threads.
 */
final class LoopbackReceiver implements AutoCloseable {

    /** One request as received: headers (names in lower case) and the exact body bytes. */
    record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, Received request, LoopbackReceiver receiver) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final ConcurrentLinkedDeque<Responder> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Responder fallback = status(204, "");

    private LoopbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newFixedThreadPool(2);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    static LoopbackReceiver start() throws IOException {
        return new LoopbackReceiver();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            Received request = new Received(Collections.unmodifiableMap(headers), in.readAllBytes());
            received.add(request);
            Responder next = script.pollFirst();
            (next != null ? next : fallback).respond(exchange, request, this);
        } finally {
            exchange.close();
        }
    }

    /** The URL of the hook on this server. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/keyline?tenant=t1");
    }

    /** Queues responses, one per coming request, in order. */
    LoopbackReceiver then(Responder... responders) {
        script.addAll(List.of(responders));
        return this;
    }

    /** Sets how requests are answered once the script is used up. */
    LoopbackReceiver otherwise(Responder responder) {
        this.fallback = responder;
        return this;
    }

    /** The requests received so far, in arrival order. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Answers with this status, body and headers (name, value, name, value, …). */
    static Responder status(int code, String body, String... headerPairs) {
        return (exchange, request, receiver) -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        };
    }

    /** Holds the request until the receiver is closed (at most 10 s), then answers 204. */
    static Responder slow() {
        return (exchange, request, receiver) -> {
            try {
                receiver.release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status(204, "").respond(exchange, request, receiver);
        };
    }

    /** Reads the request and closes the connection without any response. */
    static Responder drop() {
        return (exchange, request, receiver) -> exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("receiver threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the receiver", e);
        }
    }
}
