package dev.keyline.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.Notification;
import dev.keyline.spi.PermanentDeliveryException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyline's webhooks against a verifier Keyline did not write: the npm package
 * {@code standardwebhooks} 1.1.1, the Standard Webhooks reference library, run under Node as a
 * real HTTP receiver on 127.0.0.1 ({@code src/test/node/receiver.js}). The package is installed
 * with {@code npm ci} from the committed lock file into {@code target/node} when it is not there yet.
 *
 * <p>Without {@code node} and {@code npm} on the path the test is skipped and says so; on a
 * continuous-integration machine (environment {@code CI=true}) it fails instead.
 */
class StandardWebhooksInteropTest {

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path NODE_DIR = Path.of("target", "node");
    private static final Duration INSTALL_TIME = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Process receiver;
    private static URI base;

    @BeforeAll
    static void startTheReferenceReceiver() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String missing = missingTool();
        if (missing != null) {
            String message = "the Standard Webhooks interop test needs node and npm on the PATH: " + missing;
            if (ci) {
                throw new IllegalStateException(message + " (CI=true, so this fails instead of being skipped)");
            }
            Assumptions.abort(message + "; skipped");
        }
        Files.createDirectories(NODE_DIR);
        for (String file : List.of("package.json", "package-lock.json", "receiver.js", "guide-receiver.js")) {
            Files.copy(SOURCES.resolve(file), NODE_DIR.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(NODE_DIR.resolve("node_modules/standardwebhooks/package.json"))) {
            Run install = run(NODE_DIR, INSTALL_TIME, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci of standardwebhooks into " + NODE_DIR.toAbsolutePath()
                        + " failed with exit code " + install.exitCode() + ":\n" + install.output());
            }
        }
        receiver = new ProcessBuilder("node", "receiver.js", SECRET.text()).directory(NODE_DIR.toFile())
                .redirectError(NODE_DIR.resolve("receiver.log").toFile()).start();
        String line = firstLine(receiver, new BufferedReader(
                new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8)));
        if (line == null || !line.startsWith("port ")) {
            throw new IllegalStateException("the Node receiver did not start; it said '" + line + "', see "
                    + NODE_DIR.resolve("receiver.log").toAbsolutePath());
        }
        base = URI.create("http://127.0.0.1:" + Integer.parseInt(line.substring(5).strip()));
    }

    private static String firstLine(Process process, BufferedReader out) throws Exception {
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return firstLine.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("a Node script printed nothing within 30 s", e);
        }
    }

    @AfterAll
    static void stopTheReferenceReceiver() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            if (!receiver.waitFor(10, TimeUnit.SECONDS)) {
                receiver.destroyForcibly();
            }
        }
    }

    private static WebhookSink sink(URI endpoint, WebhookSecret secret, Clock clock) {
        return WebhookSink.builder().endpoint(endpoint).secret(secret).clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10)).name("reference").build();
    }

    private static URI hooks() {
        return base.resolve("/hooks");
    }

    private static Notification notification(Random random, int n) {
        String account = "KA-" + (1000 + random.nextInt(9000));
        String payload = "{\"n\":" + n + ",\"account\":\"" + account + "\",\"amount\":" + random.nextInt(1_000_000)
                + "." + (10 + random.nextInt(90)) + ",\"note\":\"华南 “" + n + "” \\\"q\\\" \\u00e9\",\"tags\":[true,null,"
                + random.nextLong() + "]}";
        return new Notification(EventId.random(), "account.churn-warning-raised", Instant.parse("2025-03-01T08:00:00Z"),
                account, new Audience("ACCOUNT_MANAGER", "GZ", account, null, "Churn warning for " + account + " 客户"),
                payload, 1 + random.nextInt(3));
    }

    @Test
    void aHundredEventsFromTheSinkAllVerifyWithTheReferenceLibrary() throws Exception {
        // the library checks timestamps against the real time, so the sink signs with it too
        WebhookSink sink = sink(hooks(), SECRET, Clock.systemUTC());
        Random random = new Random(20_240_701L);
        List<String> sent = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            Notification notification = notification(random, n);
            sink.deliver(notification);
            sent.add(notification.eventId().toString());
        }

        HttpResponse<String> verified = HTTP.send(HttpRequest.newBuilder(base.resolve("/verified")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(verified.body().lines().toList()).containsExactlyElementsOf(sent);
    }

    @Test
    void theReferenceLibrarySignsTheSpecificationsExampleAsKeylineDoesAndKeylineVerifiesItsSignatures()
            throws Exception {
        assertThat(librarySignature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            String id = "msg_" + Long.toUnsignedString(random.nextLong(), 36);
            long timestamp = 1_600_000_000L + random.nextInt(200_000_000);
            byte[] body = notification(random, i).payload().getBytes(StandardCharsets.UTF_8);
            String signature = librarySignature(id, timestamp, body);

            assertThat(signature).isEqualTo(WebhookSignature.sign(SECRET, id, timestamp, body));
            assertThatCode(() -> WebhookSignature.verify(SECRET, id, Long.toString(timestamp), signature, body,
                    Instant.ofEpochSecond(timestamp))).doesNotThrowAnyException();
        }
    }

    private static String librarySignature(String id, long timestamp, byte[] body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/sign"))
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aWrongSecretIsRefusedWith401AndTheSinkGivesUpWithTheReason() {
        WebhookSink forger = sink(hooks(), WebhookSecret.generate(), Clock.systemUTC());

        assertThatThrownBy(() -> forger.deliver(notification(new Random(1), 1)))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("No matching signature found");
    }

    @Test
    void aStaleTimestampIsRefusedWith401AndTheSinkGivesUpWithTheReason() {
        Clock tenMinutesBehind = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        WebhookSink late = sink(hooks(), SECRET, tenMinutesBehind);

        assertThatThrownBy(() -> late.deliver(notification(new Random(2), 2)))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Message timestamp too old");
    }

    @Test
    void aBodyTamperedWithOnTheWayIsRefusedWith401AndTheSinkGivesUpWithTheReason() throws Exception {
        try (TamperingProxy proxy = new TamperingProxy(hooks())) {
            WebhookSink sink = sink(proxy.uri(), SECRET, Clock.systemUTC());

            assertThatThrownBy(() -> sink.deliver(notification(new Random(3), 3)))
                    .isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("No matching signature found");
            assertThat(proxy.tampered).isTrue();
        }
    }

    @Test
    void theGuidesNodeReceiverVerifiesTheSinksEventsAndRefusesAForgery() throws Exception {
        Path script = SOURCES.resolve("guide-receiver.js");
        assertThat(Files.readString(Path.of("..", "docs", "notifications.md"), StandardCharsets.UTF_8))
                .as("docs/notifications.md shows %s word for word", script)
                .contains(Files.readString(script, StandardCharsets.UTF_8));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", "guide-receiver.js").directory(NODE_DIR.toFile())
                .redirectError(NODE_DIR.resolve("guide-receiver.log").toFile());
        builder.environment().put("KEYLINE_WEBHOOK_SECRET", SECRET.text());
        builder.environment().put("PORT", Integer.toString(port));
        Process guide = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(guide.getInputStream(), StandardCharsets.UTF_8));
            assertThat(firstLine(guide, out)).isEqualTo("listening");
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/keyline/events");
            Notification sent = notification(new Random(4), 4);

            sink(endpoint, SECRET, Clock.systemUTC()).deliver(sent);
            assertThat(firstLine(guide, out)).startsWith(sent.type() + " " + sent.eventId() + " {\"n\":4,");
            assertThatThrownBy(() -> sink(endpoint, WebhookSecret.generate(), Clock.systemUTC()).deliver(sent))
                    .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 401")
                    .hasMessageContaining("No matching signature found");
        } finally {
            guide.destroy();
            if (!guide.waitFor(10, TimeUnit.SECONDS)) {
                guide.destroyForcibly();
            }
        }
    }

    /** A man in the middle on 127.0.0.1: forwards each request with its headers but one body byte changed. */
    private static final class TamperingProxy implements AutoCloseable {

        private final HttpServer server;
        private volatile boolean tampered;

        TamperingProxy(URI target) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    int digit = new String(body, StandardCharsets.ISO_8859_1).indexOf("\"n\":") + 4;
                    body[digit] = (byte) (body[digit] == '9' ? '8' : body[digit] + 1);
                    tampered = true;
                    HttpRequest.Builder forward = HttpRequest.newBuilder(target)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    for (String header : List.of("content-type", "webhook-id", "webhook-timestamp",
                            "webhook-signature")) {
                        forward.header(header, exchange.getRequestHeaders().getFirst(header));
                    }
                    HttpResponse<byte[]> answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                    if (answer.body().length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(answer.body());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while forwarding", e);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** What a command printed (stdout and stderr together) and how it ended. */
    private record Run(int exitCode, String output) {
    }

    private static Run run(Path dir, Duration limit, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "did not finish within " + limit.toSeconds() + " s: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), output.join());
    }

    /** Null when node and npm both run, else what is wrong. */
    private static String missingTool() throws InterruptedException {
        for (String tool : List.of("node", "npm")) {
            try {
                Run version = run(Path.of("."), Duration.ofMinutes(1), tool, "--version");
                if (version.exitCode() != 0) {
                    return "'" + tool + " --version' ended with exit code " + version.exitCode() + ": "
                            + version.output().strip();
                }
            } catch (IOException e) {
                return "cannot run '" + tool + "': " + e.getMessage();
            }
        }
        return null;
    }
}
