package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.AccountAreaContract;

/** The JDBC provider passes the key-account area's compatibility kit on a real PostgreSQL server. */
class JdbcAccountAreaPostgresTest extends AccountAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
