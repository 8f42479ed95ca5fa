package dev.keyline.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keyline.examples.CliRun;
import dev.keyline.examples.ExitStatus;
import dev.keyline.webhook.SignatureVerificationException;
import dev.keyline.webhook.WebhookSecret;
import dev.keyline.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --webhook URL --webhook-secret whsec_…}: the story's events posted to the user's own receiver. */
class DemoWebhookTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "Your webhook: (\\d+) events to (\\S+): (\\d+) delivered, (\\d+) retried, (\\d+) dead-lettered");

    /** A console line for one cause: count, cause, example events, and how many more. */
    private static final Pattern DEAD_LETTER_CAUSE = Pattern.compile(
            "  (\\d+) dead-lettered: (.+); e\\.g\\. ((?:\\S+ \\([^)]+\\)(?:, )?)+?)((?:, and \\d+ more)?)");

    /** An example event in a cause's line: {@code <id> (<type>)}. */
    private static final Pattern EXAMPLE = Pattern.compile("(\\S+) \\([^)]+\\)");

    /** A row of the report's dead-letter table: event id, type, attempts, reason. */
    private static final Pattern REPORT_DEAD_LETTER = Pattern.compile(
            "<tr><td>([^<]+)</td><td>([^<]+)</td><td class=\"num\">(\\d+)</td><td>([^<]*I/O failure[^<]*)</td></tr>");

    @TempDir
    Path dir;

    /** A receiver of the user's: verifies every request with the real time, refuses the very first with 503. */
    private static final class UsersReceiver implements AutoCloseable {

        private final HttpServer server;
        private final List<String> verifiedIds = Collections.synchronizedList(new ArrayList<>());
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean refusedOnce = new AtomicBoolean();

        UsersReceiver(WebhookSecret secret) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/my/hooks", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    try {
                        WebhookSignature.verify(secret, exchange.getRequestHeaders(), body, Instant.now());
                    } catch (SignatureVerificationException e) {
                        failures.add(e.getMessage());
                        exchange.sendResponseHeaders(401, -1);
                        return;
                    }
                    if (refusedOnce.compareAndSet(false, true)) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    verifiedIds.add(exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/my/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void everyEventOfTheStoryReachesTheUsersReceiverSignedAndTheCountsArePrinted() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        try (UsersReceiver receiver = new UsersReceiver(secret)) {
            CliRun run = CliRun.of("demo", "--out", dir.toString(), "--webhook", receiver.url(),
                    "--webhook-secret", secret.text());

            assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
            Matcher summary = SUMMARY.matcher(run.out());
            assertThat(summary.find()).as(run.out()).isTrue();
            int events = Integer.parseInt(summary.group(1));
            assertThat(summary.group(2)).isEqualTo(receiver.url());
            assertThat(Integer.parseInt(summary.group(3))).isEqualTo(events);
            assertThat(Integer.parseInt(summary.group(4))).isEqualTo(1);
            assertThat(Integer.parseInt(summary.group(5))).isZero();
            assertThat(receiver.failures).isEmpty();
            // every event once, and the count is the story's whole outbox
            Set<String> distinct = new LinkedHashSet<>(receiver.verifiedIds);
            assertThat(distinct).hasSize(receiver.verifiedIds.size()).hasSize(events);
            assertThat(events).isGreaterThan(10);
            String report = Files.readString(dir.resolve(Demo.REPORT_FILE), StandardCharsets.UTF_8);
            assertThat(report).contains("Your webhook", receiver.url());
        }
    }

    @Test
    void anUnreachableReceiverDoesNotStopTheStoryAndEachDeadLetterIsListedWithItsReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/nobody";

        CliRun run = CliRun.of("demo", "--out", dir.toString(), "--webhook", url,
                "--webhook-secret", WebhookSecret.generate().text());

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains(DemoChapters.numbered("Work orders"), DemoChapters.numbered("KPIs and scorecards"),
                DemoChapters.numbered("Billing, priority and HR"), DemoChapters.numbered("Notifications"), "Report: ");
        Matcher summary = SUMMARY.matcher(run.out());
        assertThat(summary.find()).as(run.out()).isTrue();
        int events = Integer.parseInt(summary.group(1));
        assertThat(summary.group(3)).isEqualTo("0");
        assertThat(Integer.parseInt(summary.group(4))).isEqualTo(events * (UserWebhook.MAX_ATTEMPTS - 1));
        assertThat(Integer.parseInt(summary.group(5))).isEqualTo(events);
        // the console: one line for the one cause, naming a few events, and a pointer to the report
        List<String> causes = run.out().lines().filter(l -> DEAD_LETTER_CAUSE.matcher(l).matches()).toList();
        assertThat(causes).as(run.out()).hasSize(1);
        Matcher cause = DEAD_LETTER_CAUSE.matcher(causes.get(0));
        assertThat(cause.matches()).isTrue();
        assertThat(Integer.parseInt(cause.group(1))).isEqualTo(events);
        assertThat(cause.group(2)).startsWith(UserWebhook.SINK + ": ").contains("I/O failure talking to " + url)
                .doesNotContain(" for event ");
        List<String> examples = EXAMPLE.matcher(cause.group(3)).results().map(m -> m.group(1)).toList();
        assertThat(examples).hasSize(UserWebhookOutcome.EXAMPLES_PER_CAUSE);
        assertThat(cause.group(4)).isEqualTo(", and " + (events - examples.size()) + " more");
        assertThat(run.out()).contains("every dead letter, with its attempts and reason, is listed in the report under \""
                + UserWebhookOutcome.REPORT_HEADING + "\"");
        assertThat(run.out().lines().count()).as(run.out()).isLessThan(20);
        // the report: every dead letter, each with its own reason
        String report = Files.readString(dir.resolve(Demo.REPORT_FILE), StandardCharsets.UTF_8);
        assertThat(report).contains("Events your webhook never took, and why");
        List<MatchResult> rows = REPORT_DEAD_LETTER.matcher(report).results().toList();
        assertThat(rows).hasSize(events);
        assertThat(rows.stream().map(r -> r.group(1)).distinct()).hasSize(events).containsAll(examples);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.group(3)).isEqualTo(String.valueOf(UserWebhook.MAX_ATTEMPTS));
            assertThat(row.group(4)).startsWith(UserWebhook.SINK + ": ").contains("I/O failure talking to " + url)
                    .endsWith(" for event " + row.group(1));
        });
    }

    @Test
    void aWebhookNeedsItsSecretAndTheSecretMustBeAStandardOne() {
        CliRun noSecret = CliRun.of("demo", "--out", dir.toString(), "--webhook", "http://127.0.0.1:9/x");
        assertThat(noSecret.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(noSecret.err()).contains("--webhook-secret: is required with --webhook");

        CliRun noUrl = CliRun.of("demo", "--out", dir.toString(), "--webhook-secret", WebhookSecret.generate().text());
        assertThat(noUrl.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(noUrl.err()).contains("--webhook: is required with --webhook-secret");

        CliRun rawSecret = CliRun.of("demo", "--out", dir.toString(), "--webhook", "http://127.0.0.1:9/x",
                "--webhook-secret", "my-plain-password-1234567890");
        assertThat(rawSecret.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(rawSecret.err()).contains("--webhook-secret: must start with 'whsec_'")
                .doesNotContain("my-plain-password");

        CliRun badUrl = CliRun.of("demo", "--out", dir.toString(), "--webhook", "ftp://127.0.0.1/x",
                "--webhook-secret", WebhookSecret.generate().text());
        assertThat(badUrl.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(badUrl.err()).contains("--webhook: must be an http or https URL");
        assertThat(dir.resolve(Demo.REPORT_FILE)).doesNotExist();
    }
}
