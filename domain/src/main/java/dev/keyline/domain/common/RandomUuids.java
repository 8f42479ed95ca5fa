package dev.keyline.domain.common;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for the ids the domain makes at every event, drawn from a deterministic
 * random bit generator of NIST SP 800-90A (the JDK's {@code DRBG}: Hash_DRBG over SHA-256), one
 * instance for the JVM, seeded by the JDK from the operating system's entropy.
 *
 * <p>{@link UUID#randomUUID()} asks the platform's default {@link SecureRandom} for 16 bytes at
 * every call, which on Linux reads the kernel's generator and mixes it with a SHA-1 generator of
 * its own under one lock: about 0.16 µs a call in a loop and three times that between a command's
 * statements. Here each thread takes its ids from a buffer of its own that the shared generator
 * fills {@value #IDS_PER_FILL} ids at a time, so that an id costs a few array reads, and the bytes
 * still come from a cryptographically strong generator, as RFC 9562 asks of a version 4 UUID's
 * random bits. A thread's buffer is about a kilobyte, kept while the thread lives; it is a plain
 * {@link ByteBuffer}, so that a thread of a host's container that outlives the application keeps
 * none of the library's classes loaded.
 */
final class RandomUuids {

    /** Ids drawn per fill of a thread's buffer. */
    static final int IDS_PER_FILL = 64;

    private static final SecureRandom SOURCE = source();
    /** Each thread's bytes drawn ahead, each used once; a new buffer starts used up. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(
            () -> ByteBuffer.allocate(16 * IDS_PER_FILL).position(16 * IDS_PER_FILL));

    private RandomUuids() {
    }

    /** The generator every buffer is filled from: the JDK's DRBG, or its default where it has none. */
    private static SecureRandom source() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** The algorithm of the shared generator, for tests and diagnostics. */
    static String algorithm() {
        return SOURCE.getAlgorithm();
    }

    /**
     * A new random UUID: version 4, variant 2 (RFC 9562), 122 random bits.
     *
     * @return the UUID
     */
    static UUID next() {
        ByteBuffer bytes = BUFFERS.get();
        if (!bytes.hasRemaining()) {
            SOURCE.nextBytes(bytes.array());
            bytes.clear();
        }
        long most = bytes.getLong();
        long least = bytes.getLong();
        most = (most & ~0xF000L) | 0x4000L; // version 4
        least = (least & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 2 (IETF)
        return new UUID(most, least);
    }
}
