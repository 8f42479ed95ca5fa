package dev.keyline.jdbc;

import javax.sql.DataSource;

/** What the JDBC provider keeps of committed saves, on PostgreSQL. */
class KeptAggregatesPostgresTest extends KeptAggregatesContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
