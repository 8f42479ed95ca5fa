package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.staff.StaffAreaContract;

/** The JDBC provider passes the staff area's compatibility kit, incentives included, on a real PostgreSQL server. */
class JdbcStaffAreaPostgresTest extends StaffAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
