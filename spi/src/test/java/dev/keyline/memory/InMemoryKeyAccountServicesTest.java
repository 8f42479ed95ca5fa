package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.KeyAccountServicesContract;

/** The key-account services run end to end on the in-memory provider. */
class InMemoryKeyAccountServicesTest extends KeyAccountServicesContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
