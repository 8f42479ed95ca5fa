package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.sla.SlaAuthorisationContract;

/** The "Authorisation" suite of the SLA area on the in-memory provider. */
class InMemorySlaAuthorisationTest extends SlaAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
