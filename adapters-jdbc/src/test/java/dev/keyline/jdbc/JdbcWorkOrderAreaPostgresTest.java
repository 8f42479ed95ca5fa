package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.workorder.WorkOrderAreaContract;

/** The JDBC provider passes the work-order area's compatibility kit on a real PostgreSQL server. */
class JdbcWorkOrderAreaPostgresTest extends WorkOrderAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
