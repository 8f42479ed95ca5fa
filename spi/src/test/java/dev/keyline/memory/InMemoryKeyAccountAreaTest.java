package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.KeyAccountAreaContract;

/** The in-memory provider passes the key-account area's compatibility kit. */
class InMemoryKeyAccountAreaTest extends KeyAccountAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
