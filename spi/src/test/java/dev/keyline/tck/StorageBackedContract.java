package dev.keyline.tck;

import dev.keyline.spi.StorageProvider;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a contract over one provider's storage needs before its first assertion: a fresh storage
 * per test, released afterwards, and a way to run work in a transaction of its own. A provider's
 * test supplies {@link #newStorage()} (and, if its storage holds resources, {@link #discard}).
 */
public abstract class StorageBackedContract {

    /** The storage of the current test, fresh from {@link #newStorage()}. */
    protected StorageProvider storage;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** Gives the test a fresh storage. */
    @BeforeEach
    protected final void createStorage() {
        storage = newStorage();
    }

    /** Releases the test's storage. */
    @AfterEach
    protected final void discardStorage() {
        discard(storage);
    }

    /** {@code work} in a transaction of its own. */
    protected <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().execute(work::get);
    }
}
