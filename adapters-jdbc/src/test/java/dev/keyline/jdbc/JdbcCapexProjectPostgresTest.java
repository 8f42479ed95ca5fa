package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.CapexProjectContract;

/** The JDBC provider passes the CAPEX projects' compatibility kit on a real PostgreSQL server. */
class JdbcCapexProjectPostgresTest extends CapexProjectContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
