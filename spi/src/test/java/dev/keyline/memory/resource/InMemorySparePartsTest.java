package dev.keyline.memory.resource;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.SparePartsContract;

/** The in-memory provider passes the spare-parts compatibility kit. */
class InMemorySparePartsTest extends SparePartsContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
