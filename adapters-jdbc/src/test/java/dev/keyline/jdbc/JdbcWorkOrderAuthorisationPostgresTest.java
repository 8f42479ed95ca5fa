package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.workorder.WorkOrderAuthorisationContract;

/** The "Authorisation" suite of the work-order area on the JDBC provider over a real PostgreSQL server. */
class JdbcWorkOrderAuthorisationPostgresTest extends WorkOrderAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }

    /** Building a world on a database is slow: the permitted variants run on the in-memory provider. */
    @Override
    protected boolean everyPermittedActor() {
        return false;
    }
}
