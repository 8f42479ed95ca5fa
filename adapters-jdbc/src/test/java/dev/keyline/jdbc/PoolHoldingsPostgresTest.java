package dev.keyline.jdbc;

import javax.sql.DataSource;

/** A pool's holding rows written as changes, on PostgreSQL. */
class PoolHoldingsPostgresTest extends PoolHoldingsContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
