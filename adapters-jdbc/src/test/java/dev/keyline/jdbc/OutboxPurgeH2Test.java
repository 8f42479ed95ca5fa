package dev.keyline.jdbc;

/** What a purge leaves in the outbox's tables, on H2. */
class OutboxPurgeH2Test extends OutboxPurgeContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
