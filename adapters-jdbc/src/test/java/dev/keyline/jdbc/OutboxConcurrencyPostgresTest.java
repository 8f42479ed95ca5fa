package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Concurrent claims on a real PostgreSQL server. */
class OutboxConcurrencyPostgresTest extends OutboxConcurrencyContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }
}
