package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The key-account tables on a real PostgreSQL server. */
class JdbcAccountTablesPostgresTest extends JdbcAccountTablesContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
