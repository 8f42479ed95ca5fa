package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.StaleRetryContract;

/** The runtime's bounded retry of stale commands on the JDBC provider, on a real PostgreSQL server. */
class JdbcStaleRetryPostgresTest extends StaleRetryContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
