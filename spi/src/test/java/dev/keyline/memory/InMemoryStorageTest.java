package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.StorageProviderContract;

/** The in-memory provider passes the storage compatibility kit. */
class InMemoryStorageTest extends StorageProviderContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
