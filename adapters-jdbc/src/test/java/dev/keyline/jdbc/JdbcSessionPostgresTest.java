package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The JDBC toolkit on a real PostgreSQL server. */
class JdbcSessionPostgresTest extends JdbcSessionContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }

    @Override
    String undefinedTableState() {
        return "42P01";
    }
}
