package dev.keyline.memory.billing;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.billing.BillingAuthorisationContract;

/** The "Authorisation" suite of the billing area on the in-memory provider, every permitted actor included. */
class InMemoryBillingAuthorisationTest extends BillingAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
