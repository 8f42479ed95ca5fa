package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Append-only child rows on a real PostgreSQL server. */
class JdbcAppendOnlyChildrenPostgresTest extends JdbcAppendOnlyChildrenContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
