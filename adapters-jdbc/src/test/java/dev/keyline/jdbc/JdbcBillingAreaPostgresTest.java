package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.billing.BillingAreaContract;

/** The JDBC provider passes the billing area's compatibility kit on a real PostgreSQL server. */
class JdbcBillingAreaPostgresTest extends BillingAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
