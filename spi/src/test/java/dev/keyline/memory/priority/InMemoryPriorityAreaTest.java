package dev.keyline.memory.priority;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.priority.PriorityAreaContract;

/** The in-memory provider passes the customer-priority area's compatibility kit. */
class InMemoryPriorityAreaTest extends PriorityAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
