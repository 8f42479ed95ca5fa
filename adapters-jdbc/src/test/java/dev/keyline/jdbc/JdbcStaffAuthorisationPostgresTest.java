package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.staff.StaffAuthorisationContract;

/** The "Authorisation" suite of the staff area on the JDBC provider over a real PostgreSQL server. */
class JdbcStaffAuthorisationPostgresTest extends StaffAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }

    /** Building a world on a database is slower: the permitted variants run on the in-memory provider. */
    @Override
    protected boolean everyPermittedActor() {
        return false;
    }
}
