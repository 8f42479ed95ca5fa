package dev.keyline.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyline.spi.Notification;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The documented receiver, driven by the real sink. */
class ExampleReceiverTest {

    private final MutableClock clock = new MutableClock(WebhookSinkTest.START);

    private WebhookSink sink(ExampleReceiver receiver, WebhookSecret secret) {
        return WebhookSink.builder().endpoint("http://127.0.0.1:" + receiver.port() + "/keyline/events")
                .secret(secret).clock(clock).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void processesEachEventOnceHoweverOftenItArrives() throws Exception {
        List<JsonNode> processed = Collections.synchronizedList(new ArrayList<>());
        try (ExampleReceiver receiver = new ExampleReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WebhookSinkTest.SECRET, clock, processed::add)) {
            WebhookSink sink = sink(receiver, WebhookSinkTest.SECRET);
            Notification first = WebhookSinkTest.notification("{\"n\":1}");
            Notification second = WebhookSinkTest.notification("{\"n\":2}");

            sink.deliver(first);
            sink.deliver(first);
            sink.deliver(second);
            sink.deliver(first);

            assertThat(processed).extracting(e -> e.get("eventId").asText())
                    .containsExactly(first.eventId().toString(), second.eventId().toString());
            assertThat(processed).extracting(e -> e.get("payload").get("n").asInt()).containsExactly(1, 2);
        }
    }

    @Test
    void refusesRequestsSignedWithAnotherSecret() throws Exception {
        List<JsonNode> processed = Collections.synchronizedList(new ArrayList<>());
        try (ExampleReceiver receiver = new ExampleReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WebhookSinkTest.SECRET, clock, processed::add)) {
            WebhookSink forger = sink(receiver, WebhookSecret.generate());

            assertThatThrownBy(() -> forger.deliver(WebhookSinkTest.notification("{}")))
                    .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 401");
            assertThat(processed).isEmpty();
        }
    }

    @Test
    void anEventTheApplicationFailedOnIsTakenAgainLater() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<JsonNode> processed = Collections.synchronizedList(new ArrayList<>());
        try (ExampleReceiver receiver = new ExampleReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WebhookSinkTest.SECRET, clock, event -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("database briefly unavailable");
                    }
                    processed.add(event);
                })) {
            WebhookSink sink = sink(receiver, WebhookSinkTest.SECRET);
            Notification notification = WebhookSinkTest.notification("{}");

            assertThatThrownBy(() -> sink.deliver(notification)).isInstanceOf(RetryableDeliveryException.class)
                    .hasMessageContaining("HTTP 503");
            sink.deliver(notification);

            assertThat(processed).hasSize(1);
        }
    }
}
