package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.StorageProviderContract;

/** The JDBC provider passes the storage compatibility kit on H2. */
class JdbcStorageH2Test extends StorageProviderContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
