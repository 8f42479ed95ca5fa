package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiFactSourceContract;

/** The JDBC provider passes the KPI fact source's contract on a real PostgreSQL server. */
class JdbcKpiFactSourcePostgresTest extends KpiFactSourceContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
