package dev.keyline.memory.kpi;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiFactSourceContract;

/** The in-memory provider passes the KPI fact source's contract. */
class InMemoryKpiFactSourceTest extends KpiFactSourceContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
