package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.KeyAccountServicesContract;

/** The key-account services run end to end on the JDBC provider over H2. */
class JdbcKeyAccountServicesH2Test extends KeyAccountServicesContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
