package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiAuthorisationContract;

/** The "Authorisation" suite of the kpi area on the JDBC provider over a real PostgreSQL server. */
class JdbcKpiAuthorisationPostgresTest extends KpiAuthorisationContract {

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
