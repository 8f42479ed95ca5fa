package dev.keyline.jdbc;

/** The "Outbox" suite on PostgreSQL. */
class OutboxReliabilityPostgresTest extends OutboxReliabilityContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
