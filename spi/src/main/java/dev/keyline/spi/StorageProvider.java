package dev.keyline.spi;

/**
 * What a storage provider gives the runtime: a transaction boundary, an outbox and one
 * repository per aggregate. All of them share the provider's transactions.
 */
public interface StorageProvider {

    /** The provider's transaction boundary. */
    Transactions transactions();

    /** The provider's outbox. */
    Outbox outbox();

    /** A short name for logs and messages, for example {@code in-memory} or {@code jdbc:h2}. */
    String name();
}
