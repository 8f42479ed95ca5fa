package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.sla.SlaAreaContract;

/** The JDBC provider passes the SLA area's compatibility kit on a real PostgreSQL server. */
class JdbcSlaAreaPostgresTest extends SlaAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
