package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The repository compatibility kit on a real PostgreSQL server. */
class JdbcTallyRepositoryPostgresTest extends JdbcTallyRepositoryContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
