package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiResultsAndMeasurementsContract;

/** The JDBC provider passes the contract of KPI results and measured values on H2. */
class JdbcKpiResultsAndMeasurementsH2Test extends KpiResultsAndMeasurementsContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
