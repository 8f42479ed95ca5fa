package dev.keyline.jdbc;

/** What a purge leaves in the outbox's tables, on PostgreSQL. */
class OutboxPurgePostgresTest extends OutboxPurgeContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
