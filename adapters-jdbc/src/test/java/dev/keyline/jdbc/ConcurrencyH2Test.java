package dev.keyline.jdbc;

/** The "Concurrency" suite on H2. */
class ConcurrencyH2Test extends ConcurrencyContract {

    @Override
    JdbcStorage emptyStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
