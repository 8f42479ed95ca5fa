package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.ResourceAuthorisationContract;

/** The "Authorisation" suite of the resource area on the JDBC provider over a real PostgreSQL server. */
class JdbcResourceAuthorisationPostgresTest extends ResourceAuthorisationContract {

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
