package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.StaleRetryContract;

/** The runtime's bounded retry of stale commands on the JDBC provider, on H2. */
class JdbcStaleRetryH2Test extends StaleRetryContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
