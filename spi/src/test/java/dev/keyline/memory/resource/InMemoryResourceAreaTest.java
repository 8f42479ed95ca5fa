package dev.keyline.memory.resource;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.ResourceAreaContract;

/** The in-memory provider passes the network-resource area's compatibility kit, concurrency included. */
class InMemoryResourceAreaTest extends ResourceAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
