package dev.keyline.jdbc;

/** The "Outbox" suite on H2. */
class OutboxReliabilityH2Test extends OutboxReliabilityContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
