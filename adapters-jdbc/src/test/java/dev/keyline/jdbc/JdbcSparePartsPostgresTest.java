package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.SparePartsContract;

/** The JDBC provider passes the spare-parts compatibility kit on a real PostgreSQL server. */
class JdbcSparePartsPostgresTest extends SparePartsContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
