package dev.keyline.memory.account;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.AccountAreaContract;

/** The in-memory provider passes the key-account area's compatibility kit. */
class InMemoryAccountAreaTest extends AccountAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
