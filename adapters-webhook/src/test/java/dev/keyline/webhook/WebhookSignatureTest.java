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

    // the example of the Standard Webhooks specification
    private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final WebhookSecret SECRET = SPEC_SECRET;
    private static final String ID = SPEC_ID;
    private static final String TS = Long.toString(SPEC_TIMESTAMP);
    private static final byte[] BODY = SPEC_PAYLOAD;
    private static final String KNOWN = SPEC_SIGNATURE;
    private static final Instant AT = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void signsTheSpecificationsExampleAsItsAuthorsDid() {
        assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD)).isEqualTo(SPEC_SIGNATURE);
        assertThatCode(() -> WebhookSignature.verify(SPEC_SECRET, SPEC_ID, TS, SPEC_SIGNATURE, SPEC_PAYLOAD, AT))
                .doesNotThrowAnyException();
    }

    @Test
    void signsWithEverySecretOfARotationSpaceSeparated() {
        WebhookSecret next = WebhookSecret.ofKey("a-second-key-of-enough-bytes-for-it".getBytes(StandardCharsets.UTF_8));
        String both = WebhookSignature.sign(List.of(SECRET, next), ID, SPEC_TIMESTAMP, BODY);

        assertThat(both).startsWith(KNOWN + " v1,").doesNotEndWith(" ");
        assertThat(both.split(" ")[1]).isEqualTo(WebhookSignature.sign(next, ID, SPEC_TIMESTAMP, BODY));
        // a receiver that knows only one of them, or both, accepts the request
        for (List<WebhookSecret> known : List.of(List.of(SECRET), List.of(next), List.of(next, SECRET))) {
            assertThatCode(() -> WebhookSignature.verify(known, ID, TS, both, BODY, AT, Duration.ofMinutes(5)))
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> WebhookSignature.verify(List.of(next, SECRET), ID, TS, KNOWN, BODY, AT,
                Duration.ofMinutes(5))).doesNotThrowAnyException();
        WebhookSecret other = WebhookSecret.generate();
        assertFailure(() -> WebhookSignature.verify(List.of(other, WebhookSecret.generate()), ID, TS, both, BODY, AT,
                Duration.ofMinutes(5)), Failure.SIGNATURE_MISMATCH, "under any of the 2 secrets");
    }

    @Test
    void acceptsAGoodSignatureWithinTheTolerance() {
        assertThatCode(() -> WebhookSignature.verify(SECRET, ID, TS, KNOWN, BODY, AT.plusSeconds(300)))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(SECRET, ID, TS, KNOWN, BODY, AT.minusSeconds(300)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsStaleAndFutureTimestampsSayingSo() {
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, TS, KNOWN, BODY, AT.plusSeconds(301)),
                Failure.STALE_TIMESTAMP, "301 s away");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, TS, KNOWN, BODY, AT.minusSeconds(301)),
                Failure.STALE_TIMESTAMP, "tolerance of 300 s");
        assertFailure(() -> WebhookSignature.verify(List.of(SECRET), ID, TS, KNOWN, BODY, AT.plusSeconds(31),
                Duration.ofSeconds(30)), Failure.STALE_TIMESTAMP, "tolerance of 30 s");
    }

    @Test
    void rejectsAWrongSecretOrAChangedIdBodyOrTimestamp() {
        WebhookSecret otherSecret = WebhookSecret.ofKey("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertFailure(() -> WebhookSignature.verify(otherSecret, ID, TS, KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "webhook-signature does not match");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, TS, KNOWN, "{\"test\": 2432232315}".getBytes(
                StandardCharsets.UTF_8), AT), Failure.SIGNATURE_MISMATCH, "does not match");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, "1614265331", KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "does not match");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID + "x", TS, KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "does not match");
        // the same number written differently was not what was signed
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, "0" + TS, KNOWN, BODY, AT),
                Failure.SIGNATURE_MISMATCH, "does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void rejectsMissingHeaders(String blank) {
        assertFailure(() -> WebhookSignature.verify(SECRET, blank, TS, KNOWN, BODY, AT), Failure.MISSING_HEADER,
                "webhook-id is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, null, TS, KNOWN, BODY, AT), Failure.MISSING_HEADER,
                "webhook-id is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, blank, KNOWN, BODY, AT), Failure.MISSING_HEADER,
                "webhook-timestamp is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, null, KNOWN, BODY, AT), Failure.MISSING_HEADER,
                "webhook-timestamp is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, TS, blank, BODY, AT), Failure.MISSING_HEADER,
                "webhook-signature is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, TS, null, BODY, AT), Failure.MISSING_HEADER,
                "webhook-signature is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1614265330", "1614265330.5", "16e8", "abc", "9999999999999999999999"})
    void rejectsTimestampsThatAreNotUnixSeconds(String timestamp) {
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, timestamp, KNOWN, BODY, AT), Failure.MALFORMED_HEADER,
                "webhook-timestamp must be Unix seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1", ",abc", "v1,g0hM",
            "v1,!!hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1=g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,x"})
    void rejectsMalformedSignatureHeaders(String header) {
        assertFailure(() -> WebhookSignature.verify(SECRET, ID, TS, header, BODY, AT), Failure.MALFORMED_HEADER,
                "webhook-signature");
    }

    @Test
    void anyMatchingV1EntryOfSeveralSufficesAndOtherVersionsAreIgnored() {
        String rotated = "v1a,bGVnYWN5 v1," + "A".repeat(43) + "=  " + KNOWN;
        assertThatCode(() -> WebhookSignature.verify(SECRET, ID, TS, rotated, BODY, AT)).doesNotThrowAnyException();
    }

    @Test
    void readsHeadersIgnoringTheCaseOfTheirNames() {
        Map<String, List<String>> headers = Map.of("Webhook-Id", List.of(ID), "webhook-timestamp", List.of(TS),
                "WEBHOOK-SIGNATURE", List.of(KNOWN), "Content-Type", List.of("application/json"));
        assertThatCode(() -> WebhookSignature.verify(SECRET, headers, BODY, AT)).doesNotThrowAnyException();
        assertFailure(() -> WebhookSignature.verify(SECRET, Map.of("webhook-id", List.of(ID),
                "webhook-timestamp", List.of(TS)), BODY, AT), Failure.MISSING_HEADER, "webhook-signature is missing");
        assertFailure(() -> WebhookSignature.verify(SECRET, Map.of("webhook-id", List.of(ID),
                        "webhook-timestamp", List.of(TS, "1614265331"), "webhook-signature", List.of(KNOWN)), BODY, AT),
                Failure.MALFORMED_HEADER, "webhook-timestamp appears 2 times");
        assertFailure(() -> WebhookSignature.verify(SECRET, Map.of("webhook-id", List.of(ID, "msg_2"),
                        "webhook-timestamp", List.of(TS), "webhook-signature", List.of(KNOWN)), BODY, AT),
                Failure.MALFORMED_HEADER, "webhook-id appears 2 times");
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> WebhookSignature.sign((WebhookSecret) null, ID, 1, BODY))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> WebhookSignature.sign(List.of(), ID, 1, BODY)).hasMessageContaining("secrets");
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, " ", 1, BODY)).hasMessageContaining("id");
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, ID, -1, BODY)).hasMessageContaining("timestampSeconds");
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, ID, 1, null)).hasMessageContaining("body");
        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, ID, TS, KNOWN, BODY, null)).hasMessageContaining("now");
        assertThatThrownBy(() -> WebhookSignature.verify(List.of(SECRET), ID, TS, KNOWN, BODY, AT,
                Duration.ofSeconds(-1))).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> WebhookSignature.verify(List.of(), ID, TS, KNOWN, BODY, AT, Duration.ZERO))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("secrets");
        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, (Map<String, List<String>>) null, BODY, AT))
                .hasMessageContaining("headers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI*2LaLaSw",
            "whsec_c2hvcnQ=", "wh_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
    void aMalformedSecretIsRejectedWithoutRepeatingIt(String text) {
        assertThatThrownBy(() -> WebhookSecret.parse(text)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("secret").hasMessageNotContaining("MfKQ9r8GKYqrTwjUPD8ILPZI");
    }

    @Test
    void aSecretReadsAndWritesItsStandardText() {
        assertThat(SPEC_SECRET.text()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(SPEC_SECRET.key()).hasSize(24);
        assertThat(WebhookSecret.parse(" " + SPEC_SECRET.text() + "\n")).isEqualTo(SPEC_SECRET);
        assertThat(SPEC_SECRET.toString()).isEqualTo("WebhookSecret[24 bytes]");
        WebhookSecret generated = WebhookSecret.generate();
        assertThat(WebhookSecret.parse(generated.text())).isEqualTo(generated).isNotEqualTo(WebhookSecret.generate());
        assertThatThrownBy(() -> WebhookSecret.ofKey(new byte[23])).hasMessageContaining("24 to 64 key bytes, had 23");
        assertThatThrownBy(() -> WebhookSecret.ofKey(new byte[65])).hasMessageContaining("had 65");
        byte[] key = new byte[32];
        WebhookSecret copied = WebhookSecret.ofKey(key);
        key[0] = 1;
        assertThat(copied.key()[0]).isZero();
    }

    private static Gen<byte[]> bytes(int min, int max) {
        return Generate.byteArrays(integers().between(min, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    @Test
    void whatIsSignedVerifiesWithinTheToleranceAndAnyChangeIsCaught() {
        qt().forAll(bytes(24, 64), bytes(0, 300), longs().between(0, 4_000_000_000L), integers().between(-300, 300))
                .checkAssert((key, body, timestamp, skew) -> {
                    WebhookSecret secret = WebhookSecret.ofKey(key);
                    String id = "msg_" + Long.toHexString(timestamp * 31 + skew);
                    String ts = Long.toString(timestamp);
                    String signature = WebhookSignature.sign(secret, id, timestamp, body);
                    Instant now = Instant.ofEpochSecond(timestamp + skew);

                    assertThatCode(() -> WebhookSignature.verify(secret, id, ts, signature, body, now))
                            .doesNotThrowAnyException();

                    if (body.length > 0) {
                        byte[] tampered = body.clone();
                        tampered[Math.floorMod(timestamp, body.length)] ^= 1 << Math.floorMod(skew, 8);
                        assertFailure(() -> WebhookSignature.verify(secret, id, ts, signature, tampered, now),
                                Failure.SIGNATURE_MISMATCH, "does not match");
                    }
                    byte[] otherKey = key.clone();
                    otherKey[0] ^= 0x40;
                    assertFailure(() -> WebhookSignature.verify(WebhookSecret.ofKey(otherKey), id, ts, signature,
                            body, now), Failure.SIGNATURE_MISMATCH, "does not match");
                    assertFailure(() -> WebhookSignature.verify(secret, id + "0", ts, signature, body, now),
                            Failure.SIGNATURE_MISMATCH, "does not match");
                    assertFailure(() -> WebhookSignature.verify(secret, id, ts, signature, body,
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
