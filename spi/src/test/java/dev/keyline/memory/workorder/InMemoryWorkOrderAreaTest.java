package dev.keyline.memory.workorder;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.workorder.WorkOrderAreaContract;

/** The in-memory provider passes the work-order area's compatibility kit. */
class InMemoryWorkOrderAreaTest extends WorkOrderAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
