package dev.keyline.webhook;

import dev.keyline.domain.common.Require;
import dev.keyline.webhook.SignatureVerificationException.Failure;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of Keyline webhooks, for the sink and for receivers.
 *
 * <p>Each request carries {@value #TIMESTAMP_HEADER}, the send time in epoch seconds, and
 * {@value #SIGNATURE_HEADER} of the form {@code v1=<hex>}, where {@code <hex>} is the lower-case
 * hexadecimal HMAC-SHA256, keyed with the shared secret, of the bytes of the timestamp's decimal
 * text, one {@code .} and the exact body bytes:
 *
 * <pre>
 * v1 = hex(HMAC_SHA256(secret, "&lt;timestamp&gt;" + "." + body))
 * </pre>
 *
 * <p>A receiver verifies a request with one of the {@code verify} methods over the raw body bytes
 * as received (before any JSON parsing), its own clock and a tolerance (default
 * {@link #DEFAULT_TOLERANCE}): verification fails with a {@link SignatureVerificationException}
 * saying why when a header is missing or malformed, when no {@code v1} signature matches, or when
 * the timestamp lies further than the tolerance from now, in either direction. Signatures are
 * compared in constant time. The signature header may hold several comma-separated entries
 * ({@code v1=…,v1=…}) so a receiver can accept requests during a secret rotation; any matching
 * {@code v1} entry suffices and entries of other schemes are ignored.
 *
 * <p>Secrets are at least {@value #MIN_SECRET_LENGTH} bytes long.
 */
public final class WebhookSignature {

    /** The header carrying the event id; receivers de-duplicate by it. */
    public static final String EVENT_ID_HEADER = "Keyline-Event-Id";
    /** The header carrying the event type. */
    public static final String EVENT_TYPE_HEADER = "Keyline-Event-Type";
    /** The header carrying the signed send time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "Keyline-Timestamp";
    /** The header carrying the signature, {@code v1=<hex>}. */
    public static final String SIGNATURE_HEADER = "Keyline-Signature";
    /** The only signature scheme so far. */
    public static final String SCHEME = "v1";
    /** How far a signed timestamp may lie from the receiver's clock unless told otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** The least length of a shared secret, in bytes. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_HEX_LENGTH = 64;
    private static final int MAX_TIMESTAMP_DIGITS = 15;

    private WebhookSignature() {
    }

    /**
     * The signature header value for a body sent at the given time.
     *
     * @param secret the shared secret, at least {@value #MIN_SECRET_LENGTH} bytes
     * @param timestampSeconds the send time in epoch seconds, not negative
     * @param body the exact body bytes
     * @return {@code v1=<64 lower-case hex digits>}
     */
    public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
        checkSecret(secret);
        Require.nonNegative(timestampSeconds, "timestampSeconds");
        Require.nonNull(body, "body");
        return SCHEME + "=" + HexFormat.of().formatHex(mac(secret, Long.toString(timestampSeconds), body));
    }

    /**
     * Verifies a request from its timestamp and signature header values, with the default tolerance.
     *
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(byte[] secret, String timestampHeader, String signatureHeader, byte[] body,
                              Instant now) {
        verify(secret, timestampHeader, signatureHeader, body, now, DEFAULT_TOLERANCE);
    }

    /**
     * Verifies a request from its timestamp and signature header values.
     *
     * @param secret the shared secret, at least {@value #MIN_SECRET_LENGTH} bytes
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value, or null when absent
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value, or null when absent
     * @param body the exact body bytes received
     * @param now the receiver's current time
     * @param tolerance how far the timestamp may lie from {@code now}, not negative
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(byte[] secret, String timestampHeader, String signatureHeader, byte[] body,
                              Instant now, Duration tolerance) {
        checkSecret(secret);
        Require.nonNull(body, "body");
        Require.nonNull(now, "now");
        Require.nonNull(tolerance, "tolerance");
        Require.that(!tolerance.isNegative(), "tolerance", "must not be negative, was " + tolerance);
        long timestamp = parseTimestamp(timestampHeader);
        List<byte[]> candidates = parseSignatures(signatureHeader);
        // the MAC covers the timestamp text as sent, so a re-formatted number does not verify
        byte[] expected = mac(secret, timestampHeader.trim(), body);
        boolean matched = false;
        for (byte[] candidate : candidates) {
            // no early exit: the time taken does not reveal which entry matched
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        if (!matched) {
            throw new SignatureVerificationException(Failure.SIGNATURE_MISMATCH, SIGNATURE_HEADER
                    + " does not match the body and timestamp under the shared secret");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new SignatureVerificationException(Failure.STALE_TIMESTAMP, TIMESTAMP_HEADER + " " + timestamp
                    + " is " + skew.getSeconds() + " s away from now (" + now.getEpochSecond()
                    + "), more than the tolerance of " + tolerance.getSeconds() + " s");
        }
    }

    /**
     * Verifies a request from its headers (looked up ignoring case, as HTTP header names are), with
     * the default tolerance. Works with any header map whose values are lists, such as
     * {@code com.sun.net.httpserver.Headers} or {@code java.net.http.HttpHeaders#map()}.
     *
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(byte[] secret, Map<String, List<String>> headers, byte[] body, Instant now) {
        verify(secret, headers, body, now, DEFAULT_TOLERANCE);
    }

    /**
     * Verifies a request from its headers (looked up ignoring case).
     *
     * @param secret the shared secret, at least {@value #MIN_SECRET_LENGTH} bytes
     * @param headers the request headers
     * @param body the exact body bytes received
     * @param now the receiver's current time
     * @param tolerance how far the timestamp may lie from {@code now}, not negative
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(byte[] secret, Map<String, List<String>> headers, byte[] body, Instant now,
                              Duration tolerance) {
        Require.nonNull(headers, "headers");
        List<String> timestamps = valuesOf(headers, TIMESTAMP_HEADER);
        if (timestamps.size() > 1) {
            throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                    TIMESTAMP_HEADER + " appears " + timestamps.size() + " times, expected once");
        }
        List<String> signatures = valuesOf(headers, SIGNATURE_HEADER);
        verify(secret, timestamps.isEmpty() ? null : timestamps.get(0),
                signatures.isEmpty() ? null : String.join(",", signatures), body, now, tolerance);
    }

    private static List<String> valuesOf(Map<String, List<String>> headers, String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                values.addAll(header.getValue());
            }
        }
        return values;
    }

    private static long parseTimestamp(String header) {
        if (header == null || header.isBlank()) {
            throw new SignatureVerificationException(Failure.MISSING_HEADER, TIMESTAMP_HEADER + " is missing");
        }
        String text = header.trim();
        if (text.length() > MAX_TIMESTAMP_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                    TIMESTAMP_HEADER + " must be epoch seconds (decimal digits), was '" + excerpt(text) + "'");
        }
        return Long.parseLong(text);
    }

    private static List<byte[]> parseSignatures(String header) {
        if (header == null || header.isBlank()) {
            throw new SignatureVerificationException(Failure.MISSING_HEADER, SIGNATURE_HEADER + " is missing");
        }
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.split(",", -1)) {
            String trimmed = entry.trim();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                        SIGNATURE_HEADER + " entries must be scheme=value, found '" + excerpt(trimmed) + "'");
            }
            if (!trimmed.substring(0, equals).equals(SCHEME)) {
                continue; // a scheme this version does not know
            }
            String hex = trimmed.substring(equals + 1);
            if (hex.length() != SIGNATURE_HEX_LENGTH || !isHex(hex)) {
                throw new SignatureVerificationException(Failure.MALFORMED_HEADER, SIGNATURE_HEADER
                        + " v1 value must be " + SIGNATURE_HEX_LENGTH + " hex digits, was " + hex.length()
                        + " characters");
            }
            signatures.add(HexFormat.of().parseHex(hex));
        }
        if (signatures.isEmpty()) {
            throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                    SIGNATURE_HEADER + " holds no " + SCHEME + " signature");
        }
        return signatures;
    }

    private static boolean isHex(String text) {
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static void checkSecret(byte[] secret) {
        Require.nonNull(secret, "secret");
        Require.that(secret.length >= MIN_SECRET_LENGTH, "secret",
                "must be at least " + MIN_SECRET_LENGTH + " bytes, was " + secret.length);
    }

    private static byte[] mac(byte[] secret, String timestampText, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(timestampText.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java runtime must provide HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
