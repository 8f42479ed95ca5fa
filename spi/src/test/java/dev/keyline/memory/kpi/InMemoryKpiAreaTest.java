package dev.keyline.memory.kpi;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiAreaContract;

/** The in-memory provider passes the KPI area's compatibility kit. */
class InMemoryKpiAreaTest extends KpiAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected int propertyExamples() {
        return 50;
    }
}
