package dev.keyline.memory.billing;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.billing.BillingAreaContract;

/** The in-memory provider passes the billing area's compatibility kit. */
class InMemoryBillingAreaTest extends BillingAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 100;
    }
}
