package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.priority.PriorityAreaContract;

/** The JDBC provider passes the customer-priority area's compatibility kit on a real PostgreSQL server. */
class JdbcPriorityAreaPostgresTest extends PriorityAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
