package dev.keyline.webhook;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.testing.NullArgumentsTester;
import dev.keyline.tck.KeylineSamples;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the webhook sink and its signature rejects a null
 * argument with an {@link InvalidArgumentException} naming it, before anything is sent. The sink
 * points at a loopback port nobody listens on, so a call that got through would fail to connect
 * rather than reach anyone. The allowances below are the reviewed exceptions, each with its reason;
 * one that no longer matches fails the test.
 */
class PublicApiNullArgumentsTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final URI NOBODY = URI.create("http://127.0.0.1:9/keyline");

    @Test
    void everyPublicConstructorAndMethodRejectsNullNamingTheArgument() {
        NullArgumentsTester tester = KeylineSamples.tester()
                .value(byte[].class, () -> SECRET.getBytes(StandardCharsets.UTF_8))
                .value(List.class, () -> List.of(WebhookSecret.parse(SECRET)))
                .value(WebhookSecret.class, () -> WebhookSecret.parse(SECRET))
                .instance(WebhookSecret.class, () -> WebhookSecret.parse(SECRET))
                .value(URI.class, () -> NOBODY)
                .instance(WebhookSink.class, () -> WebhookSink.builder().endpoint(NOBODY).secret(SECRET).build())
                .instance(WebhookSink.Builder.class, WebhookSink::builder);

        // A missing header is what verify reports, as a failed verification rather than a bad argument.
        String absent = "documented 'or null when absent': a missing header fails verification with SignatureVerificationException";
        tester.nullable(WebhookSignature.class, "verify", "idHeader", absent)
                .nullable(WebhookSignature.class, "verify", "timestampHeader", absent)
                .nullable(WebhookSignature.class, "verify", "signatureHeader", absent);

        tester.check("dev.keyline.webhook").assertClean();
    }
}
