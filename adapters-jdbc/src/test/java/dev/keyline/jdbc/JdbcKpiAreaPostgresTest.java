package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiAreaContract;

/** The JDBC provider passes the KPI area's compatibility kit on a real PostgreSQL server. */
class JdbcKpiAreaPostgresTest extends KpiAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
