package dev.keyline.memory.kpi;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiAuthorisationContract;

/** The "Authorisation" suite of the kpi area on the in-memory provider, every permitted actor included. */
class InMemoryKpiAuthorisationTest extends KpiAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
