package dev.keyline.memory.kpi;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiResultsAndMeasurementsContract;

/** The in-memory provider passes the contract of KPI results and measured values. */
class InMemoryKpiResultsAndMeasurementsTest extends KpiResultsAndMeasurementsContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
