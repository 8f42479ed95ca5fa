package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.KeyAccountServicesContract;

/** The key-account services run end to end on the JDBC provider over a real PostgreSQL server. */
class JdbcKeyAccountServicesPostgresTest extends KeyAccountServicesContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
