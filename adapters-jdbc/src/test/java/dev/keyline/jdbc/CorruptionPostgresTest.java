package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The "Corruption" reliability suite on a real PostgreSQL server. */
class CorruptionPostgresTest extends CorruptionContract {

    @Override
    protected DataSource database() {
        return PostgresServer.dataSource();
    }
}
