package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The write-behind on PostgreSQL. */
class WriteBehindPostgresTest extends WriteBehindContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
