package dev.keyline.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.webhook.SignatureVerificationException.Failure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class WebhookSignatureTest {

    private static final byte[] SECRET = "0123456789abcdef-keyline".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    /** Computed outside Java: HMAC-SHA256 of "1700000000.{\"a\":1}" under the secret above. */
    private static final String KNOWN = "v1=480b4a557c4af6be99cf88bfc2de3f3b81783c54a549ae216cdac73a734f604f";

    @Test
    void signsTheTimestampDotBodyWithHmacSha256() {
        assertThat(WebhookSignature.sign(SECRET, AT.getEpochSecond(), BODY)).isEqualTo(KNOWN);
    }

    @Test
    void acceptsAGoodSignatureWithinTheTolerance() {
        assertThatCode(() -> WebhookSignature.verify(SECRET, "1700000000", KNOWN, BODY, AT.plusSeconds(300)))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(SECRET, "1700000000", KNOWN, BODY, AT.minusSeconds(300)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsStaleAndFutureTimestampsSayingSo() {
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", KNOWN, BODY, AT.plusSeconds(301)),
                Failure.STALE_TIMESTAMP, "301 s away");
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", KNOWN, BODY, AT.minusSeconds(301)),
                Failure.STALE_TIMESTAMP, "tolerance of 300 s");
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", KNOWN, BODY, AT.plusSeconds(31),
                Duration.ofSeconds(30)), Failure.STALE_TIMESTAMP, "tolerance of 30 s");
    }

    @Test
    void rejectsAWrongSecretOrAChangedBodyOrTimestamp() {
        byte[] otherSecret = "another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8);
        assertFailure(() -> WebhookSignature.verify(otherSecret, "1700000000", KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "Keyline-Signature does not match");
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", KNOWN, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), AT),
                Failure.SIGNATURE_MISMATCH, "does not match");
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000001", KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "does not match");
        // the same number written differently was not what was signed
        assertFailure(() -> WebhookSignature.verify(SECRET, "01700000000", KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void rejectsMissingHeaders(String blank) {
        assertFailure(() -> WebhookSignature.verify(SECRET, blank, KNOWN, BODY, AT), Failure.MISSING_HEADER,
                "Keyline-Timestamp is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, null, KNOWN, BODY, AT), Failure.MISSING_HEADER,
                "Keyline-Timestamp is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", blank, BODY, AT), Failure.MISSING_HEADER,
                "Keyline-Signature is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", null, BODY, AT), Failure.MISSING_HEADER,
                "Keyline-Signature is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1700000000", "1700000000.5", "17e8", "abc", "9999999999999999999999"})
    void rejectsTimestampsThatAreNotEpochSeconds(String timestamp) {
        assertFailure(() -> WebhookSignature.verify(SECRET, timestamp, KNOWN, BODY, AT), Failure.MALFORMED_HEADER,
                "Keyline-Timestamp must be epoch seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"480b4a557c4af6be99cf88bfc2de3f3b81783c54a549ae216cdac73a734f604f", "v1", "=abc",
            "v1=480b", "v1=zz0b4a557c4af6be99cf88bfc2de3f3b81783c54a549ae216cdac73a734f604f",
            "v0=480b4a557c4af6be99cf88bfc2de3f3b81783c54a549ae216cdac73a734f604f", "v1=480b,"})
    void rejectsMalformedSignatureHeaders(String header) {
        assertFailure(() -> WebhookSignature.verify(SECRET, "1700000000", header, BODY, AT), Failure.MALFORMED_HEADER,
                "Keyline-Signature");
    }

    @Test
    void anyMatchingV1EntryOfSeveralSuffices() {
        String rotated = "v0=legacy, v1=" + "0".repeat(64) + ", " + KNOWN.toUpperCase().replace("V1=", "v1=");
        assertThatCode(() -> WebhookSignature.verify(SECRET, "1700000000", rotated, BODY, AT))
                .doesNotThrowAnyException();
    }

    @Test
    void readsHeadersIgnoringTheCaseOfTheirNames() {
        Map<String, List<String>> headers = Map.of("keyline-timestamp", List.of("1700000000"),
                "KEYLINE-SIGNATURE", List.of(KNOWN), "Content-Type", List.of("application/json"));
        assertThatCode(() -> WebhookSignature.verify(SECRET, headers, BODY, AT)).doesNotThrowAnyException();
        assertFailure(() -> WebhookSignature.verify(SECRET, Map.of("Keyline-Timestamp", List.of("1700000000")), BODY, AT),
                Failure.MISSING_HEADER, "Keyline-Signature is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET,
                        Map.of("Keyline-Timestamp", List.of("1700000000", "1700000001"), "Keyline-Signature", List.of(KNOWN)),
                        BODY, AT), Failure.MALFORMED_HEADER, "appears 2 times");
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> WebhookSignature.sign(new byte[15], 1, BODY))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("secret").hasMessageContaining("16");
        assertThatThrownBy(() -> WebhookSignature.sign(null, 1, BODY)).hasMessageContaining("secret");
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, -1, BODY)).hasMessageContaining("timestampSeconds");
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, 1, null)).hasMessageContaining("body");
        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, "1", KNOWN, BODY, null)).hasMessageContaining("now");
        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, "1", KNOWN, BODY, AT, Duration.ofSeconds(-1)))
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, (Map<String, List<String>>) null, BODY, AT))
                .hasMessageContaining("headers");
    }

    private static Gen<byte[]> bytes(int min, int max) {
        return Generate.byteArrays(integers().between(min, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    @Test
    void whatIsSignedVerifiesWithinTheToleranceAndAnyChangeIsCaught() {
        qt().forAll(bytes(16, 64), bytes(0, 300), longs().between(0, 4_000_000_000L), integers().between(-300, 300))
                .checkAssert((secret, body, timestamp, skew) -> {
                    String signature = WebhookSignature.sign(secret, timestamp, body);
                    Instant now = Instant.ofEpochSecond(timestamp + skew);

                    assertThatCode(() -> WebhookSignature.verify(secret, Long.toString(timestamp), signature, body, now))
                            .doesNotThrowAnyException();

                    if (body.length > 0) {
                        byte[] tampered = body.clone();
                        tampered[Math.floorMod(timestamp, body.length)] ^= 1 << Math.floorMod(skew, 8);
                        assertFailure(() -> WebhookSignature.verify(secret, Long.toString(timestamp), signature,
                                tampered, now), Failure.SIGNATURE_MISMATCH, "does not match");
                    }
                    byte[] otherSecret = secret.clone();
                    otherSecret[0] ^= 0x40;
                    assertFailure(() -> WebhookSignature.verify(otherSecret, Long.toString(timestamp), signature,
                            body, now), Failure.SIGNATURE_MISMATCH, "does not match");
                    assertFailure(() -> WebhookSignature.verify(secret, Long.toString(timestamp), signature, body,
                                    now.plus(WebhookSignature.DEFAULT_TOLERANCE).plusSeconds(301)),
                            Failure.STALE_TIMESTAMP, "away from now");
                });
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Failure failure,
                                      String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.reason()).isEqualTo(ReasonCode.NOT_AUTHORISED);
        }).hasMessageContaining(messagePart);
    }
}
