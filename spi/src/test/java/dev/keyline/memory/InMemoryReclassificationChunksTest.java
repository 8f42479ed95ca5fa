package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.ReclassificationChunksContract;

/** A reclassification in chunks, crashed and resumed, on the in-memory provider. */
class InMemoryReclassificationChunksTest extends ReclassificationChunksContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
