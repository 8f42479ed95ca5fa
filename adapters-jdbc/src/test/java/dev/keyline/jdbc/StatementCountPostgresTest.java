package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The JDBC calls of typical commands, counted on PostgreSQL. */
class StatementCountPostgresTest extends StatementCountContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
