package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The "Fault" reliability suite on a real PostgreSQL server. */
class FaultInjectionPostgresTest extends FaultInjectionContract {

    @Override
    protected DataSource database() {
        return PostgresServer.dataSource();
    }

    @Override
    protected String databaseName() {
        return "PostgreSQL";
    }
}
