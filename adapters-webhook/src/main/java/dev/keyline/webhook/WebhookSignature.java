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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyline's webhooks are signed as the Standard Webhooks specification says, so a receiver can
 * verify them with any Standard Webhooks library, or with this class.
 *
 * <p>Each request carries three headers:
 * <ul>
 *   <li>{@value #ID_HEADER}: the event id, the same on every attempt;</li>
 *   <li>{@value #TIMESTAMP_HEADER}: the send time in Unix seconds;</li>
 *   <li>{@value #SIGNATURE_HEADER}: one or more space-separated signatures
 *       {@code v1,<base64>}, where {@code <base64>} is the standard base64 of the HMAC-SHA256,
 *       keyed with a {@link WebhookSecret}'s key bytes, of the id, a {@code .}, the timestamp, a
 *       {@code .} and the exact body bytes:</li>
 * </ul>
 *
 * <pre>
 * v1,base64(HMAC_SHA256(key, "&lt;webhook-id&gt;.&lt;webhook-timestamp&gt;." + body))
 * </pre>
 *
 * <p>A receiver verifies the raw body bytes as received (before any JSON parsing) with one of the
 * {@code verify} methods, its own clock and a tolerance (default {@link #DEFAULT_TOLERANCE}):
 * verification fails with a {@link SignatureVerificationException} saying why when a header is
 * missing or malformed, when no {@code v1} signature matches under any of the given secrets, or
 * when the timestamp lies further than the tolerance from now, in either direction. Signatures are
 * compared in constant time. Several signatures and several secrets let the two sides rotate a
 * secret: the sender signs with the old and the new one for a while, and the receiver accepts
 * either. Signatures of other versions are ignored.
 */
public final class WebhookSignature {

    /** The header carrying the event id; receivers de-duplicate by it. */
    public static final String ID_HEADER = "webhook-id";
    /** The header carrying the signed send time in Unix seconds. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** The header carrying the signatures, {@code v1,<base64>} separated by spaces. */
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** A Keyline header, outside the specification, carrying the event type. */
    public static final String EVENT_TYPE_HEADER = "keyline-event-type";
    /** The signature version Keyline writes and reads (symmetric HMAC-SHA256). */
    public static final String VERSION = "v1";
    /** How far a signed timestamp may lie from the receiver's clock unless told otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int MAX_TIMESTAMP_DIGITS = 15;

    private WebhookSignature() {
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for a body sent at the given time, one signature per secret.
     *
     * @param secrets the secrets to sign with, at least one; during a rotation the old and the new
     * @param id the {@value #ID_HEADER} value, the event id
     * @param timestampSeconds the send time in Unix seconds, not negative
     * @param body the exact body bytes
     * @return {@code v1,<base64>} per secret, separated by single spaces
     */
    public static String sign(List<WebhookSecret> secrets, String id, long timestampSeconds, byte[] body) {
        Require.nonNull(secrets, "secrets");
        Require.that(!secrets.isEmpty(), "secrets", "must hold at least one secret");
        Require.nonBlank(id, "id");
        Require.nonNegative(timestampSeconds, "timestampSeconds");
        Require.nonNull(body, "body");
        List<String> signatures = new ArrayList<>(secrets.size());
        for (WebhookSecret secret : secrets) {
            Require.nonNull(secret, "secrets");
            signatures.add(VERSION + "," + Base64.getEncoder().encodeToString(
                    mac(secret, id, Long.toString(timestampSeconds), body)));
        }
        return String.join(" ", signatures);
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for a body sent at the given time, signed with one secret.
     *
     * @param secret the secret
     * @param id the {@value #ID_HEADER} value, the event id
     * @param timestampSeconds the send time in Unix seconds, not negative
     * @param body the exact body bytes
     * @return {@code v1,<base64>}
     */
    public static String sign(WebhookSecret secret, String id, long timestampSeconds, byte[] body) {
        Require.nonNull(secret, "secret");
        return sign(List.of(secret), id, timestampSeconds, body);
    }

    /**
     * Verifies a request from its header values.
     *
     * @param secrets the secrets any of which may have signed the request, at least one
     * @param idHeader the {@value #ID_HEADER} value, or null when absent
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value, or null when absent
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value, or null when absent
     * @param body the exact body bytes received
     * @param now the receiver's current time
     * @param tolerance how far the timestamp may lie from {@code now}, not negative
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(List<WebhookSecret> secrets, String idHeader, String timestampHeader,
                              String signatureHeader, byte[] body, Instant now, Duration tolerance) {
        Require.nonNull(secrets, "secrets");
        Require.that(!secrets.isEmpty(), "secrets", "must hold at least one secret");
        secrets.forEach(secret -> Require.nonNull(secret, "secrets"));
        Require.nonNull(body, "body");
        Require.nonNull(now, "now");
        Require.nonNull(tolerance, "tolerance");
        Require.that(!tolerance.isNegative(), "tolerance", () -> "must not be negative, was " + tolerance);
        if (idHeader == null || idHeader.isBlank()) {
            throw new SignatureVerificationException(Failure.MISSING_HEADER, ID_HEADER + " is missing");
        }
        long timestamp = parseTimestamp(timestampHeader);
        List<byte[]> candidates = parseSignatures(signatureHeader);
        boolean matched = false;
        for (WebhookSecret secret : secrets) {
            // the MAC covers the id and timestamp text as sent, so a re-formatted value does not verify
            byte[] expected = mac(secret, idHeader, timestampHeader.trim(), body);
            for (byte[] candidate : candidates) {
                // no early exit: the time taken does not reveal which secret or entry matched
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw new SignatureVerificationException(Failure.SIGNATURE_MISMATCH, SIGNATURE_HEADER
                    + " does not match the id, timestamp and body under " + (secrets.size() == 1
                    ? "the shared secret" : "any of the " + secrets.size() + " secrets"));
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new SignatureVerificationException(Failure.STALE_TIMESTAMP, TIMESTAMP_HEADER + " " + timestamp
                    + " is " + skew.getSeconds() + " s away from now (" + now.getEpochSecond()
                    + "), more than the tolerance of " + tolerance.getSeconds() + " s");
        }
    }

    /**
     * Verifies a request signed with one secret from its header values, with the default tolerance.
     *
     * @param secret the shared secret
     * @param idHeader the {@value #ID_HEADER} value, or null when absent
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value, or null when absent
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value, or null when absent
     * @param body the exact body bytes received
     * @param now the receiver's current time
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(WebhookSecret secret, String idHeader, String timestampHeader, String signatureHeader,
                              byte[] body, Instant now) {
        Require.nonNull(secret, "secret");
        verify(List.of(secret), idHeader, timestampHeader, signatureHeader, body, now, DEFAULT_TOLERANCE);
    }

    /**
     * Verifies a request signed with one secret from its headers (looked up ignoring case, as HTTP
     * header names are), with the default tolerance. Works with any header map whose values are
     * lists, such as {@code com.sun.net.httpserver.Headers} or {@code java.net.http.HttpHeaders#map()}.
     *
     * @param secret the shared secret
     * @param headers the request headers
     * @param body the exact body bytes received
     * @param now the receiver's current time
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(WebhookSecret secret, Map<String, List<String>> headers, byte[] body, Instant now) {
        Require.nonNull(secret, "secret");
        verify(List.of(secret), headers, body, now, DEFAULT_TOLERANCE);
    }

    /**
     * Verifies a request from its headers (looked up ignoring case).
     *
     * @param secrets the secrets any of which may have signed the request, at least one
     * @param headers the request headers
     * @param body the exact body bytes received
     * @param now the receiver's current time
     * @param tolerance how far the timestamp may lie from {@code now}, not negative
     * @throws SignatureVerificationException when the request must not be trusted, saying why
     */
    public static void verify(List<WebhookSecret> secrets, Map<String, List<String>> headers, byte[] body,
                              Instant now, Duration tolerance) {
        Require.nonNull(headers, "headers");
        String id = single(headers, ID_HEADER);
        String timestamp = single(headers, TIMESTAMP_HEADER);
        List<String> signatures = valuesOf(headers, SIGNATURE_HEADER);
        verify(secrets, id, timestamp, signatures.isEmpty() ? null : String.join(" ", signatures), body, now,
                tolerance);
    }

    private static String single(Map<String, List<String>> headers, String name) {
        List<String> values = valuesOf(headers, name);
        if (values.size() > 1) {
            throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                    name + " appears " + values.size() + " times, expected once");
        }
        return values.isEmpty() ? null : values.get(0);
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
                    TIMESTAMP_HEADER + " must be Unix seconds (decimal digits), was '" + excerpt(text) + "'");
        }
        return Long.parseLong(text);
    }

    private static List<byte[]> parseSignatures(String header) {
        if (header == null || header.isBlank()) {
            throw new SignatureVerificationException(Failure.MISSING_HEADER, SIGNATURE_HEADER + " is missing");
        }
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma <= 0) {
                throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                        SIGNATURE_HEADER + " entries must be version,signature, found '" + excerpt(entry) + "'");
            }
            if (!entry.substring(0, comma).equals(VERSION)) {
                continue; // a version this one does not know, such as v1a
            }
            byte[] signature = decode(entry.substring(comma + 1));
            if (signature == null || signature.length != MAC_BYTES) {
                throw new SignatureVerificationException(Failure.MALFORMED_HEADER, SIGNATURE_HEADER
                        + " v1 signature must be the base64 of " + MAC_BYTES + " bytes, was '"
                        + excerpt(entry.substring(comma + 1)) + "'");
            }
            signatures.add(signature);
        }
        if (signatures.isEmpty()) {
            throw new SignatureVerificationException(Failure.MALFORMED_HEADER,
                    SIGNATURE_HEADER + " holds no " + VERSION + " signature");
        }
        return signatures;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static byte[] mac(WebhookSecret secret, String id, String timestampText, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.keyBytes(), ALGORITHM));
            mac.update(id.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            mac.update(timestampText.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java runtime must provide HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
