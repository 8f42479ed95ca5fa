package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiResultsAndMeasurementsContract;

/** The JDBC provider passes the contract of KPI results and measured values on a real PostgreSQL server. */
class JdbcKpiResultsAndMeasurementsPostgresTest extends KpiResultsAndMeasurementsContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
