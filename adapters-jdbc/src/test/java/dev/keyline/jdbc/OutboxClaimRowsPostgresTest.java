package dev.keyline.jdbc;

/** The rows behind a relay's claims with one sink, on PostgreSQL. */
class OutboxClaimRowsPostgresTest extends OutboxClaimRowsContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
