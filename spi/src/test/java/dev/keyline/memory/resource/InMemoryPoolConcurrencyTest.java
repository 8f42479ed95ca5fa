package dev.keyline.memory.resource;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.PoolConcurrencyContract;

/** Eight threads racing for one pool's units on the in-memory provider never hand out a unit twice. */
class InMemoryPoolConcurrencyTest extends PoolConcurrencyContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
