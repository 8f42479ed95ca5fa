package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.workorder.WorkOrderAuthorisationContract;

/** The "Authorisation" suite of the work-order area on the in-memory provider. */
class InMemoryWorkOrderAuthorisationTest extends WorkOrderAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
