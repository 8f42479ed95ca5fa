package dev.keyline.memory.sla;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.sla.SlaAreaContract;

/** The in-memory provider passes the SLA area's compatibility kit. */
class InMemorySlaAreaTest extends SlaAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
