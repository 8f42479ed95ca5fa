package dev.keyline.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.keyline.spi.Notification;
import dev.keyline.spi.PermanentDeliveryException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The guide's short Java receiver, driven by the real sink; the guide shows its code word for word. */
class TenLineReceiverTest {

    @Test
    void verifiesTheSinksEventsAndRefusesAForgery() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = TenLineReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                secret.text(), (id, body) -> ids.add(id));
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/keyline/events";
            Notification sent = WebhookSinkTest.notification("{\"n\":1}");

            WebhookSink.builder().endpoint(endpoint).secret(secret).clock(Clock.systemUTC()).build().deliver(sent);
            assertThatThrownBy(() -> WebhookSink.builder().endpoint(endpoint).secret(WebhookSecret.generate())
                    .clock(Clock.systemUTC()).build().deliver(sent))
                    .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 401");

            assertThat(ids).containsExactly(sent.eventId().toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theGuideShowsTheReceiverWordForWord() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/keyline/webhook/TenLineReceiver.java"));
        int start = source.indexOf("        // guide:start");
        int end = source.indexOf("        // guide:end");
        assertThat(start).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String code = source.subList(start + 1, end).stream().map(line -> line.length() >= 8 ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("..", "docs", "notifications.md"), StandardCharsets.UTF_8)).contains(code);
    }
}
