package dev.keyline.memory.priority;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.priority.PriorityAuthorisationContract;

/** The "Authorisation" suite of the priority area on the in-memory provider, every permitted actor included. */
class InMemoryPriorityAuthorisationTest extends PriorityAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
