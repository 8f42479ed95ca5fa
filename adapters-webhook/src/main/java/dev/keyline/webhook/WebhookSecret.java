package dev.keyline.webhook;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A key shared by a webhook sender and its receiver, in the form the Standard Webhooks
 * specification gives it: {@code whsec_} followed by the standard base64 of the key bytes, for
 * example {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}. That text is what both sides configure;
 * any Standard Webhooks library accepts it as it is.
 *
 * <p>A key holds {@value #MIN_KEY_BYTES} to {@value #MAX_KEY_BYTES} bytes, as the specification
 * recommends. {@link #toString()} never shows the key.
 */
public final class WebhookSecret {

    /** The prefix of a secret's text. */
    public static final String PREFIX = "whsec_";
    /** The fewest key bytes. */
    public static final int MIN_KEY_BYTES = 24;
    /** The most key bytes. */
    public static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        Require.that(key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES, "secret",
                () -> "must hold " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " key bytes, had " + key.length);
        this.key = key.clone();
    }

    /**
     * Reads a secret from its text.
     *
     * @param secret {@code whsec_} followed by the standard base64 (with padding, or without) of
     *     {@value #MIN_KEY_BYTES} to {@value #MAX_KEY_BYTES} bytes; surrounding blanks are ignored
     * @return the secret
     * @throws InvalidArgumentException naming {@code secret} when the text is not of that form; the
     *     message never repeats the text
     */
    public static WebhookSecret parse(String secret) {
        Require.nonNull(secret, "secret");
        String trimmed = secret.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new InvalidArgumentException("secret", "must start with '" + PREFIX
                    + "' followed by the base64 of the key, as Standard Webhooks secrets do");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("secret", "must be '" + PREFIX
                    + "' followed by standard base64 (A-Z a-z 0-9 + /, = padding): " + e.getMessage());
        }
        return new WebhookSecret(key);
    }

    /**
     * A secret of the given key bytes.
     *
     * @param key {@value #MIN_KEY_BYTES} to {@value #MAX_KEY_BYTES} bytes; copied
     * @return the secret
     * @throws InvalidArgumentException naming {@code secret} when the length is outside that range
     */
    public static WebhookSecret ofKey(byte[] key) {
        Require.nonNull(key, "key");
        return new WebhookSecret(key);
    }

    /**
     * A new secret of 32 random bytes from a {@link SecureRandom}.
     *
     * @return the secret
     */
    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The key bytes, a copy. */
    public byte[] key() {
        return key.clone();
    }

    /** The secret's text, {@code whsec_} and the base64 of the key: what the receiver configures. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Same key bytes, compared in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** {@code WebhookSecret[n bytes]}, never the key. */
    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }

    byte[] keyBytes() {
        return key;
    }
}
