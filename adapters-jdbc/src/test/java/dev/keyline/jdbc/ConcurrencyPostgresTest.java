package dev.keyline.jdbc;

/** The "Concurrency" suite on PostgreSQL. */
class ConcurrencyPostgresTest extends ConcurrencyContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
