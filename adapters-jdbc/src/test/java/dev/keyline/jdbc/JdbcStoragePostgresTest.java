package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.StorageProviderContract;

/** The JDBC provider passes the storage compatibility kit on a real PostgreSQL server. */
class JdbcStoragePostgresTest extends StorageProviderContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
