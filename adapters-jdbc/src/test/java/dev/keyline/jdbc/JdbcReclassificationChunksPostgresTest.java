package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.ReclassificationChunksContract;

/** A reclassification in chunks, crashed and resumed, on the JDBC provider over a real PostgreSQL server. */
class JdbcReclassificationChunksPostgresTest extends ReclassificationChunksContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
