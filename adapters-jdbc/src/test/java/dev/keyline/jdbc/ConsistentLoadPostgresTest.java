package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Loads that another storage's saves overtake between their statements, on PostgreSQL. */
class ConsistentLoadPostgresTest extends ConsistentLoadContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
