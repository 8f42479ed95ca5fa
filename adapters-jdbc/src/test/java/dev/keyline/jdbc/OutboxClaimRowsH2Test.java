package dev.keyline.jdbc;

/** The rows behind a relay's claims with one sink, on H2. */
class OutboxClaimRowsH2Test extends OutboxClaimRowsContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
