package dev.keyline.memory;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.ResourceAuthorisationContract;

/** The "Authorisation" suite of the resource area on the in-memory provider. */
class InMemoryResourceAuthorisationTest extends ResourceAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
